package io.jnftables.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.DirectCounts;
import io.jnftables.client.Listing;
import io.jnftables.client.Nftables;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.NamedSet;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.netns.NetnsTarget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight threads add and delete set elements on one client at once (each op is one submit of one
 * element, which takes the direct route: a netlink socket in process, the helper's relay
 * otherwise), in interleavings whose final set content is known exactly; the set is then listed and
 * compared with it element for element.
 *
 * <ul>
 *   <li><b>own keys</b>: each thread has its own range of K keys; it adds all, deletes the odd ones,
 *       adds back those ≡ 1 (mod 4) and deletes those ≡ 0 (mod 4), each phase in its own random
 *       order. Expected: the keys ≡ 1 or 2 (mod 4) of every range.
 *   <li><b>shared keys</b>: all threads add all K shared keys, each in its own random order (every
 *       key added by 8 threads at once); after a barrier each key's owner (key mod 8) runs its
 *       sequence — delete; delete, add; delete, add, delete; or nothing, by (key / 8) mod 4 — while
 *       every thread keeps adding keys of the last class, which nobody deletes; the ops of a thread
 *       are randomly interleaved, keeping each key's order. The final state of a key is therefore
 *       fixed by the order of its ops within one thread: present for the classes "delete, add" and
 *       "nothing", absent for the others.
 * </ul>
 *
 * <p>Every op must succeed. Small by default (8 × 1,000 ops); {@code
 * -Djnftables.reliability.scale=full} for 8 × 10,000.
 */
@Tag("kernel")
class ConcurrencyKernelTest {
  private static final int THREADS = 8;

  enum Keys { OWN, SHARED }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void ownKeyRanges(Nftables.Backend backend) throws Exception {
    run(backend, Keys.OWN);
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void sharedKeys(Nftables.Backend backend) throws Exception {
    run(backend, Keys.SHARED);
  }

  /** One op: add or delete one element. */
  private record Op(boolean add, String key) {}

  private static void run(Nftables.Backend backend, Keys keys) throws Exception {
    int perThread = Scale.pick(1_000, 10_000);
    int k = perThread / 2; // keys per thread (own) or in all (shared)
    long seed = Scale.seed();
    Random r = new Random(seed);
    List<List<Op>> phase1 = new ArrayList<>();
    List<List<Op>> phase2 = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (int t = 0; t < THREADS; t++) {
      if (keys == Keys.OWN) {
        own(t, k, new Random(r.nextLong()), phase1, phase2, expected);
      } else {
        shared(t, k, perThread, new Random(r.nextLong()), phase1, phase2, expected);
      }
      assertEquals(perThread, phase1.get(t).size() + phase2.get(t).size());
    }
    String set = keys == Keys.OWN ? "own" : "shared";
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    long elapsedMs;
    long phase1Ms;
    long direct;
    Set<String> actual = new TreeSet<>();
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false).open()) {
      nft.runText("add table inet t\nadd set inet t " + set + " { type ipv4_addr; }");
      long directBefore = DirectCounts.of(nft)[0];
      CyclicBarrier barrier = new CyclicBarrier(THREADS);
      java.util.concurrent.atomic.AtomicLong phase1End = new java.util.concurrent.atomic.AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long started = System.nanoTime();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          List<Op> first = phase1.get(t);
          List<Op> second = phase2.get(t);
          done.add(pool.submit(() -> {
            apply(nft, set, first, failures);
            barrier.await(600, TimeUnit.SECONDS); // shared keys: every add is in before any delete
            phase1End.compareAndSet(0, System.nanoTime());
            apply(nft, set, second, failures);
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get(600, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      elapsedMs = (System.nanoTime() - started) / 1_000_000;
      phase1Ms = (phase1End.get() - started) / 1_000_000;
      direct = DirectCounts.of(nft)[0] - directBefore;
      NamedSet listed = nft.list(Listing.set(Family.INET, "t", set)).sets().get(0);
      for (Expression e : listed.elements()) {
        actual.add(((StringLiteral) e).value());
      }
    }
    boolean exact = actual.equals(expected);
    System.out.println("RELIABILITY threads=" + THREADS + " ops=" + THREADS * perThread + " final_exact=" + exact
        + " elapsed_ms=" + elapsedMs + " phase1_ms=" + phase1Ms + " backend=" + backend + " keys=" + keys.name().toLowerCase(java.util.Locale.ROOT)
        + " direct=" + direct + " failed_ops=" + failures.size() + " final_size=" + actual.size()
        + " expected_size=" + expected.size() + " scale=" + Scale.name() + " seed=" + seed);
    assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(5, failures.size())), failures.size() + " failed op(s)");
    assertTrue(exact, "listed " + actual.size() + " elements, expected " + expected.size() + "; missing "
        + difference(expected, actual) + ", unexpected " + difference(actual, expected));
    assertEquals(THREADS * perThread, direct, "ops that did not take the direct route");
  }

  private static void apply(Nftables nft, String set, List<Op> ops, Queue<String> failures) {
    for (Op op : ops) {
      Element e = Element.of(Family.INET, "t", set, List.of(new StringLiteral(op.key())));
      try {
        nft.submit(Batch.of(List.of(op.add() ? Command.add(e) : Command.delete(e))));
      } catch (RuntimeException x) {
        failures.add(op + ": " + x);
      }
    }
  }

  private static void own(int t, int k, Random r, List<List<Op>> phase1, List<List<Op>> phase2, Set<String> expected) {
    List<Op> ops = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      all.add(i);
    }
    ops.addAll(phase(all, i -> true, true, t, r));
    ops.addAll(phase(all, i -> i % 2 == 1, false, t, r));
    ops.addAll(phase(all, i -> i % 4 == 1, true, t, r));
    ops.addAll(phase(all, i -> i % 4 == 0, false, t, r));
    for (int i = 0; i < k; i++) {
      if (i % 4 == 1 || i % 4 == 2) {
        expected.add(ownKey(t, i));
      }
    }
    phase1.add(ops);
    phase2.add(List.of());
  }

  private static List<Op> phase(List<Integer> keys, java.util.function.IntPredicate which, boolean add, int t, Random r) {
    List<Op> out = new ArrayList<>();
    for (int i : keys) {
      if (which.test(i)) {
        out.add(new Op(add, ownKey(t, i)));
      }
    }
    Collections.shuffle(out, r);
    return out;
  }

  private static String ownKey(int t, int i) {
    return "10." + t + "." + (i >> 8) + "." + (i & 255);
  }

  private static String sharedKey(int i) {
    return "172.16." + (i >> 8) + "." + (i & 255);
  }

  private static void shared(int t, int k, int perThread, Random r, List<List<Op>> phase1, List<List<Op>> phase2,
      Set<String> expected) {
    List<Op> adds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      adds.add(new Op(true, sharedKey(i)));
    }
    Collections.shuffle(adds, r);
    phase1.add(adds);
    // this thread's owned keys and their sequences, by class (key / 8) mod 4
    Map<String, Deque<Op>> sequences = new HashMap<>();
    List<String> tokens = new ArrayList<>();
    List<Integer> stable = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int cls = (i / THREADS) % 4;
      if (cls == 3) {
        stable.add(i);
      }
      if (i % THREADS != t) {
        continue;
      }
      String key = sharedKey(i);
      Deque<Op> seq = new ArrayDeque<>();
      for (int n = 0; cls < 3 && n <= cls; n++) {
        seq.add(new Op(n % 2 == 1, key)); // class 0: delete; 1: delete, add; 2: delete, add, delete
      }
      if (!seq.isEmpty()) {
        sequences.put(key, seq);
        for (int n = 0; n < seq.size(); n++) {
          tokens.add(key);
        }
      }
    }
    while (tokens.size() < perThread - k) {
      tokens.add(null); // an add of a stable key, chosen below
    }
    Collections.shuffle(tokens, r); // a random interleaving; each key's ops keep their order
    List<Op> ops = new ArrayList<>();
    for (String key : tokens) {
      ops.add(key == null ? new Op(true, sharedKey(stable.get(r.nextInt(stable.size())))) : sequences.get(key).poll());
    }
    phase2.add(ops);
    if (t == 0) {
      for (int i = 0; i < k; i++) {
        int cls = (i / THREADS) % 4;
        if (cls == 1 || cls == 3) {
          expected.add(sharedKey(i));
        }
      }
    }
  }

  private static List<String> difference(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>();
    for (String s : a) {
      if (!b.contains(s) && out.size() < 5) {
        out.add(s);
      }
    }
    return out;
  }
}
