package io.jnftables.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.CallOptions;
import io.jnftables.client.HelperExecutor;
import io.jnftables.client.Listing;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesTimeoutException;
import io.jnftables.helper.HelperException;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.NamedSet;
import io.jnftables.model.Ruleset;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.netns.NetnsTarget;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The privileged helper is killed with SIGKILL at random points of a run of calls: between calls,
 * and while several caller threads have calls in flight (direct element updates through the netlink
 * relay, JSON and text submits through libnftables, listings), by a killer thread that waits a random
 * 0-2 ms after calls are in flight.
 *
 * <p>Asserted: every call returns an answer or an exception that says the helper died and whether
 * the command may have been applied, within a bound (a call timing out or taking longer is a hang);
 * after a kill between calls the next call works; the helper is restarted; every killed helper is
 * reaped (no zombie) and no helper process or thread is left over after close; and the ruleset is
 * what the callers were told: a call answered OK is in the listing, a call told "not applied" is not,
 * a call told "may have been applied" may be either (both counted).
 *
 * <p>Small by default; {@code -Djnftables.reliability.scale=full} for the documented 1,000 calls.
 */
@Tag("kernel")
class HelperKillKernelTest {
  /** A call that takes longer than this is a hang (the client's own timeout is shorter). */
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final int CALLERS = 4;

  enum Kind {
    /** add element, direct route: the helper's netlink relay (op 8) */
    ELEMENT_ADD,
    /** delete element, direct route */
    ELEMENT_DELETE,
    /** add chain, JSON through libnftables (op 0) */
    SUBMIT_JSON,
    /** add set, nft text through libnftables */
    SUBMIT_TEXT,
    /** list ruleset (nft text) */
    LIST_RULESET,
    /** list one set (JSON) */
    LIST_SET
  }

  /** What a caller was told. */
  enum Told { OK, NOT_APPLIED, MAYBE_APPLIED, UNCLEAR, HANG }

  record Call(int index, Kind kind, Told told, long nanos, String error) {}

  @Test
  void killedAtRandomPointsEveryCallerGetsAClearAnswerAndTheRulesetIsWhatTheyWereTold() throws Exception {
    int calls = Scale.pick(200, 1000);
    int between = calls / 4;
    long seed = Scale.seed();
    Random r = new Random(seed);
    long readersBefore = HelperProcesses.threads("jnft-helper-reader-");
    long started = System.nanoTime();
    List<Call> done = new ArrayList<>();
    AtomicInteger kills = new AtomicInteger();
    AtomicInteger betweenKills = new AtomicInteger();
    List<String> problems = new ArrayList<>();
    int starts;
    String netnsId;
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).backend(Nftables.Backend.HELPER)
        .probeCapabilities(false).timeout(CALL_TIMEOUT).open()) {
      HelperExecutor helper = (HelperExecutor) nft.executor();
      netnsId = Files.readSymbolicLink(nft.netnsPath().orElseThrow()).toString();
      StringBuilder setup = new StringBuilder("add table inet t\nadd chain inet t c\n"
          + "add set inet t s { type ipv4_addr; }\nadd set inet t pre { type ipv4_addr; }\n");
      for (int i = 0; i < calls; i++) {
        setup.append("add element inet t pre { ").append(preAddr(i)).append(" }\n");
      }
      // A set big enough that a listing's answer (~120 KB) exceeds the pipe's 64 KiB: a kill can
      // land while the helper is writing it, and the reader sees half a frame.
      setup.append("add set inet t big { type ipv4_addr; }\nadd element inet t big { ");
      for (int i = 0; i < 8000; i++) {
        setup.append(i == 0 ? "" : ", ").append("10.50.").append(i >> 8).append('.').append(i & 255);
      }
      nft.runText(setup.append(" }\n").toString());

      // Between calls: kill the idle helper (mostly waiting until it is reaped), then call.
      for (int i = 0; i < between; i++) {
        boolean killed = false;
        List<Long> live = HelperProcesses.liveIn(netnsId);
        assertTrue(live.size() <= 1, "helpers in the namespace: " + live);
        if (!live.isEmpty() && r.nextInt(3) == 0) { // none: the last kill was not awaited, no call since
          assertTrue(HelperProcesses.kill(live.get(0)));
          kills.incrementAndGet();
          betweenKills.incrementAndGet();
          if (r.nextInt(5) != 0) {
            assertTrue(HelperProcesses.awaitGone(live.get(0), 5000), "killed helper " + live.get(0) + " not reaped");
            killed = true;
          }
        }
        Call c = call(nft, i, randomKind(r));
        done.add(c);
        if (killed && c.told() != Told.OK) {
          problems.add("the first call after a kill between calls failed: " + c);
        }
      }

      // During calls: callers in flight, a killer after a random 0-2 ms.
      AtomicInteger next = new AtomicInteger(between);
      AtomicInteger inFlight = new AtomicInteger();
      AtomicLong completed = new AtomicLong();
      Queue<Call> results = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(CALLERS + 1);
      List<Future<?>> callers = new ArrayList<>();
      for (int t = 0; t < CALLERS; t++) {
        long callerSeed = r.nextLong();
        callers.add(pool.submit(() -> {
          Random cr = new Random(callerSeed);
          for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            inFlight.incrementAndGet();
            try {
              results.add(call(nft, i, randomKind(cr)));
            } finally {
              inFlight.decrementAndGet();
              completed.incrementAndGet();
            }
          }
        }));
      }
      long killerSeed = r.nextLong();
      Queue<String> killerProblems = new ConcurrentLinkedQueue<>();
      Future<?> killer = pool.submit(() -> {
        Random kr = new Random(killerSeed);
        while (next.get() < calls) {
          List<Long> live = HelperProcesses.liveIn(netnsId);
          if (live.isEmpty() || inFlight.get() == 0) {
            Thread.onSpinWait();
            continue;
          }
          LockSupport.parkNanos(kr.nextInt(2_000_001)); // 0-2 ms into the calls in flight
          for (long pid : HelperProcesses.liveIn(netnsId)) {
            if (HelperProcesses.kill(pid)) {
              kills.incrementAndGet();
              if (!HelperProcesses.awaitGone(pid, 5000)) {
                killerProblems.add("killed helper " + pid + " was not reaped within 5 s");
              }
            }
          }
          long target = completed.get() + 1 + kr.nextInt(8); // let some calls through
          long end = System.nanoTime() + BOUND.toNanos();
          while (completed.get() < target && next.get() < calls && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(100_000);
          }
        }
      });
      for (Future<?> f : callers) {
        try {
          f.get(calls * BOUND.toMillis() / CALLERS + 60_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          problems.add("a caller hangs:\n" + threadDump());
          break;
        }
      }
      killer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      pool.shutdownNow();
      done.addAll(results);
      problems.addAll(killerProblems);

      // Afterwards: the next call works, the helper was restarted, one helper is left, no zombie.
      assertTrue(nft.listRulesetText().contains("table inet t"), "the call after the run");
      starts = helper.starts();
      List<HelperProcesses.Child> children = HelperProcesses.all();
      assertFalse(children.stream().anyMatch(HelperProcesses.Child::zombie), "zombies: " + children);
      assertEquals(List.of(helper.pid()), HelperProcesses.liveIn(netnsId), "helpers left in the namespace");
      problems.addAll(checkRuleset(nft.listRuleset(), done));
    }
    // Closed: no helper process and no reader thread is left.
    long end = System.nanoTime() + 5_000_000_000L;
    while ((!HelperProcesses.liveIn(netnsId).isEmpty() || HelperProcesses.threads("jnft-helper-reader-") > readersBefore)
        && System.nanoTime() - end < 0) {
      HelperProcesses.sleep(10);
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    Map<Told, Integer> told = new EnumMap<>(Told.class);
    for (Told t : Told.values()) {
      told.put(t, 0);
    }
    long maxNanos = 0;
    Map<Kind, Integer> errorsByKind = new EnumMap<>(Kind.class);
    for (Call c : done) {
      told.merge(c.told(), 1, Integer::sum);
      if (c.told() != Told.OK) {
        errorsByKind.merge(c.kind(), 1, Integer::sum);
      }
      maxNanos = Math.max(maxNanos, c.nanos());
      if (c.told() == Told.UNCLEAR || c.told() == Told.HANG) {
        problems.add(c.toString());
      }
    }
    int clear = told.get(Told.NOT_APPLIED) + told.get(Told.MAYBE_APPLIED);
    System.out.println("RELIABILITY helper_kill calls=" + done.size() + " ok=" + told.get(Told.OK)
        + " clear_errors=" + clear + " hangs=" + told.get(Told.HANG) + " unclear=" + told.get(Told.UNCLEAR)
        + " not_applied=" + told.get(Told.NOT_APPLIED) + " maybe_applied=" + told.get(Told.MAYBE_APPLIED)
        + " maybe_applied_present=" + maybePresent + " kills=" + kills.get() + " between_kills=" + betweenKills.get()
        + " restarts=" + (starts - 1) + " max_call_ms=" + maxNanos / 1_000_000 + " scale=" + Scale.name()
        + " seed=" + seed + " errors_by_kind=" + errorsByKind + " elapsed_ms=" + ms);
    assertEquals(calls, done.size());
    assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), problems.size() + " problem(s)");
    assertTrue(starts > 1 && starts - 1 <= kills.get(), "restarts " + (starts - 1) + " for " + kills.get() + " kills");
    assertTrue(HelperProcesses.liveIn(netnsId).isEmpty(), "a helper outlived its client");
    assertEquals(readersBefore, HelperProcesses.threads("jnft-helper-reader-"), "reader threads left");
    assertTrue(HelperProcesses.all().isEmpty(), "helper processes left: " + HelperProcesses.all());
  }

  private int maybePresent;

  private static Kind randomKind(Random r) {
    return Kind.values()[r.nextInt(Kind.values().length)];
  }

  private static String addAddr(int i) {
    return "10.100." + (i >> 8) + "." + (i & 255);
  }

  private static String preAddr(int i) {
    return "10.200." + (i >> 8) + "." + (i & 255);
  }

  private static Command element(boolean add, String set, String addr) {
    Element e = Element.of(Family.INET, "t", set, List.of(new StringLiteral(addr)));
    return add ? Command.add(e) : Command.delete(e);
  }

  /** One call, timed, and what it told the caller. */
  private static Call call(Nftables nft, int i, Kind kind) {
    long t0 = System.nanoTime();
    try {
      switch (kind) {
        case ELEMENT_ADD -> nft.submit(Batch.of(List.of(element(true, "s", addAddr(i)))));
        case ELEMENT_DELETE -> nft.submit(Batch.of(List.of(element(false, "pre", preAddr(i)))));
        case SUBMIT_JSON -> nft.submit(Batch.parse("add chain inet t k" + i));
        case SUBMIT_TEXT -> nft.submit(Batch.parse("add set inet t x" + i + " { type inet_service; }"),
            CallOptions.defaults().asText());
        case LIST_RULESET -> {
          if (!nft.listRulesetText().contains("table inet t {")) {
            return new Call(i, kind, Told.UNCLEAR, System.nanoTime() - t0, "a listing without the table");
          }
        }
        case LIST_SET -> nft.list(Listing.set(Family.INET, "t", "s"));
      }
      long nanos = System.nanoTime() - t0;
      return new Call(i, kind, nanos > BOUND.toNanos() ? Told.HANG : Told.OK, nanos, "");
    } catch (RuntimeException e) {
      long nanos = System.nanoTime() - t0;
      Told told = e instanceof NftablesTimeoutException || nanos > BOUND.toNanos() ? Told.HANG : classify(e);
      return new Call(i, kind, told, nanos, messages(e));
    }
  }

  /**
   * What an exception tells. It must say that the helper died (how), and whether the command may
   * have been applied — in words and as {@link HelperException#mayHaveBeenApplied()} of the
   * helper's exception in its causes; anything else is unclear. (The client's message for a direct
   * element update says "may or may not have been applied" whatever the helper knew; the helper's
   * own exception, its cause, is the more precise and is what counts here.)
   */
  static Told classify(Throwable e) {
    HelperException helper = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HelperException he) {
        helper = he;
        break;
      }
    }
    if (helper == null || !helper.getMessage().contains("killed by signal 9 (SIGKILL)")) {
      return Told.UNCLEAR;
    }
    if (helper.mayHaveBeenApplied()) {
      return helper.getMessage().contains("may or may not have been applied") ? Told.MAYBE_APPLIED : Told.UNCLEAR;
    }
    return helper.getMessage().contains("so it was not applied") ? Told.NOT_APPLIED : Told.UNCLEAR;
  }

  private static String messages(Throwable e) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      s.append(s.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return s.toString();
  }

  /** The listing against what each call was told. */
  private List<String> checkRuleset(Ruleset live, List<Call> calls) {
    Set<String> chains = new HashSet<>();
    for (Chain c : live.chains()) {
      chains.add(c.name());
    }
    Set<String> sets = new HashSet<>();
    Set<String> s = new HashSet<>();
    Set<String> pre = new HashSet<>();
    for (NamedSet set : live.sets()) {
      sets.add(set.name());
      Set<String> into = set.name().equals("s") ? s : set.name().equals("pre") ? pre : null;
      if (into != null) {
        for (Expression x : set.elements()) {
          into.add(((StringLiteral) x).value());
        }
      }
    }
    List<String> problems = new ArrayList<>();
    maybePresent = 0;
    for (Call c : calls) {
      Boolean applied = switch (c.kind()) {
        case ELEMENT_ADD -> s.contains(addAddr(c.index()));
        case ELEMENT_DELETE -> !pre.contains(preAddr(c.index()));
        case SUBMIT_JSON -> chains.contains("k" + c.index());
        case SUBMIT_TEXT -> sets.contains("x" + c.index());
        default -> null; // listings change nothing
      };
      if (applied == null) {
        continue;
      }
      if (c.told() == Told.OK && !applied) {
        problems.add("answered OK but not in the ruleset: " + c);
      } else if (c.told() == Told.NOT_APPLIED && applied) {
        problems.add("told not applied but in the ruleset: " + c);
      } else if (c.told() == Told.MAYBE_APPLIED && applied) {
        maybePresent++;
      }
    }
    return problems;
  }

  private static String threadDump() {
    StringBuilder s = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, st) -> {
      s.append(t.getName()).append(' ').append(t.getState()).append('\n');
      for (StackTraceElement e : st) {
        s.append("    at ").append(e).append('\n');
      }
    });
    return s.toString();
  }
}
