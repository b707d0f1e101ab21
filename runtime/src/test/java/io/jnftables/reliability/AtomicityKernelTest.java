package io.jnftables.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.CallOptions;
import io.jnftables.client.DirectCounts;
import io.jnftables.client.Fidelity;
import io.jnftables.client.Listing;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.client.ObjectPath;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.Rule;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.reliability.FailingBatch.RefusedBy;
import io.jnftables.reliability.FailingBatch.Route;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Atomicity: a batch with one failing command applies nothing, whatever the route and backend.
 *
 * <p>Each batch starts from its own random ruleset ({@link StartRuleset}: tables, base and regular
 * chains, counted rules, sets and maps with elements, named objects), gets 0-11 valid commands and
 * one failing command at a random position ({@link FailingBatch}: kinds the kernel refuses and
 * kinds nft refuses itself), and is sent by the default JSON route, as nft text
 * ({@code CallOptions.asText()}) or, made only of element updates, by the direct netlink route. It
 * asserts that the submit throws an {@link NftablesException} naming the injected command (index,
 * object path, errno class) and that {@code nft list ruleset} — and the JSON listing, unless a
 * table has exactly one flag (nft 1.0.6 garbles those) — is byte-identical before and after. For
 * the direct route it also asserts from the recorded netlink traffic that a kernel-refused batch did
 * reach the kernel as one netlink batch and was refused there, and that nothing was committed
 * directly.
 *
 * <p>Small by default; {@code -Djnftables.reliability.scale=full} for the documented figures.
 */
@Tag("kernel")
class AtomicityKernelTest {
  private static final String LIST_JSON = "{\"nftables\":[{\"list\":{\"ruleset\":null}}]}";

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aFailingBatchLeavesTheRulesetByteIdentical(Nftables.Backend backend) {
    int batches = Scale.pick(45, 1000);
    long seed = Scale.seed();
    Random r = new Random(seed);
    long started = System.nanoTime();
    int identical = 0;
    int failedAsExpected = 0;
    int jsonCompared = 0;
    int kernelRefusedDirect = 0;
    Map<Route, Integer> byRoute = new EnumMap<>(Route.class);
    Map<FailingBatch.Kind, Integer> byKind = new EnumMap<>(FailingBatch.Kind.class);
    List<String> problems = new ArrayList<>();
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false).open()) {
      RecordingExecutor recorder = new RecordingExecutor(nft.executor());
      Nftables direct = Nftables.using(recorder); // same executor, its netlink traffic recorded
      controlTheDirectRouteWorks(nft, direct, recorder);
      long[] countsBefore = DirectCounts.of(nft);
      for (int b = 0; b < batches; b++) {
        Route route = Route.values()[b % Route.values().length];
        StartRuleset start = StartRuleset.random(r);
        nft.runText("flush ruleset\n" + start.text);
        readScratchHandles(nft, start);
        FailingBatch fb = new FailingBatch(r, start, route);
        String where = "seed " + seed + " batch " + b + " " + fb;
        String before = nft.listRulesetText();
        boolean compareJson = !start.hasOneFlagTable();
        String beforeJson = compareJson ? nft.runJson(LIST_JSON) : null;
        long[] directBefore = DirectCounts.of(direct);
        recorder.take();
        NftablesException e = null;
        try {
          switch (route) {
            case JSON -> nft.submit(fb.batch);
            case TEXT -> nft.submit(fb.batch, CallOptions.defaults().asText());
            case DIRECT -> direct.submit(fb.batch);
          }
        } catch (NftablesException thrown) {
          e = thrown;
        }
        List<RecordingExecutor.Exchange> traffic = recorder.take();
        String after = nft.listRulesetText();
        String afterJson = compareJson ? nft.runJson(LIST_JSON) : null;
        boolean same = before.equals(after) && (!compareJson || beforeJson.equals(afterJson));
        if (same) {
          identical++;
        } else {
          problems.add(where + ": the ruleset changed\n" + io.jnftables.testing.LineDiff.of(before, after, "before", "after"));
        }
        jsonCompared += compareJson ? 1 : 0;
        String why = e == null ? "the batch was accepted" : wrongException(fb, e);
        if (why == null && route == Route.DIRECT) {
          why = wrongDirectTraffic(fb, traffic, directBefore, DirectCounts.of(direct));
          kernelRefusedDirect += why == null && fb.kind.refusedBy == RefusedBy.KERNEL ? 1 : 0;
        }
        if (why == null) {
          failedAsExpected++;
        } else {
          problems.add(where + ": " + why);
        }
        byRoute.merge(route, 1, Integer::sum);
        byKind.merge(fb.kind, 1, Integer::sum);
      }
      // the script routes never took the direct route (their batches are not element-only)
      assertEquals(countsBefore[0], DirectCounts.of(nft)[0], "a script-route batch was written directly");
      nft.runText("flush ruleset");
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.println("RELIABILITY atomicity batches=" + batches + " identical=" + identical
        + " failed_as_expected=" + failedAsExpected + " backend=" + backend + " scale=" + Scale.name()
        + " seed=" + seed + " json_compared=" + jsonCompared + " direct_kernel_refused=" + kernelRefusedDirect
        + " routes=" + byRoute + " kinds=" + byKind + " elapsed_ms=" + ms);
    assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), problems.size() + " problem(s)");
    assertEquals(batches, identical);
    assertEquals(batches, failedAsExpected);
  }

  /**
   * The direct route is live: a valid element batch through the recording client is written as
   * one netlink batch and committed (so the refusals below are refusals, not a disabled route).
   */
  private static void controlTheDirectRouteWorks(Nftables nft, Nftables direct, RecordingExecutor recorder) {
    nft.runText("add table inet control\nadd set inet control s { type ipv4_addr; }");
    direct.submit(Batch.of(List.of(Command.add(Element.of(Family.INET, "control", "s",
        List.of(new StringLiteral("192.0.2.1")))))));
    List<RecordingExecutor.Exchange> traffic = recorder.take();
    assertTrue(traffic.stream().anyMatch(x -> NetlinkMessages.isElementBatch(x.sent()) && x.answers() != null
        && NetlinkMessages.errors(x.answers()).isEmpty()), "the control batch was not written directly");
    assertEquals(1, DirectCounts.of(direct)[0]);
    assertTrue(nft.listText(Listing.set(Family.INET, "control", "s")).contains("192.0.2.1"));
  }

  /** The handles of the scratch rules, which valid commands may delete. */
  private static void readScratchHandles(Nftables nft, StartRuleset start) {
    for (StartRuleset.Tbl t : start.tables) {
      for (Rule rule : nft.list(Listing.chain(t.family, t.name, "scratch"), Fidelity.TEXT, CallOptions.defaults()).rules()) {
        t.scratchHandles.add(rule.handle());
      }
      assertEquals(t.scratchRules, t.scratchHandles.size());
    }
  }

  /** Null if the exception names the injected command as it must; else what is wrong. */
  private static String wrongException(FailingBatch fb, NftablesException e) {
    int index = fb.index();
    if (e.commandIndex().isEmpty() || e.commandIndex().getAsInt() != index) {
      return "wrong command index " + e.commandIndex() + ", expected " + index + ": " + e.getMessage();
    }
    ObjectPath expected = ObjectPath.of(fb.failing);
    if (!e.objectPath().equals(java.util.Optional.of(expected))) {
      return "wrong object " + e.objectPath() + ", expected " + expected + ": " + e.getMessage();
    }
    if (!e.command().equals(java.util.Optional.of(fb.failing))) {
      return "wrong command " + e.command() + ": " + e.getMessage();
    }
    if (!e.getMessage().contains("at command " + index + " (")) {
      return "the message does not name command " + index + ": " + e.getMessage();
    }
    if (fb.kind.errno != null && e.errno() != fb.kind.errno) {
      return "errno " + e.errno() + ", expected " + fb.kind.errno + ": " + e.getMessage();
    }
    // "Could not process rule" is how nft reports an error the kernel answered
    boolean fromKernel = e.nftMessage().contains("Could not process rule");
    if (fromKernel != (fb.kind.refusedBy == RefusedBy.KERNEL)) {
      return "expected a refusal by " + fb.kind.refusedBy + ", nft said: " + e.nftMessage();
    }
    return null;
  }

  /**
   * For the direct route: a kind the kernel refuses was sent as one netlink batch and refused with
   * the expected errno; a kind nft refuses was never sent; nothing was committed directly.
   */
  private static String wrongDirectTraffic(FailingBatch fb, List<RecordingExecutor.Exchange> traffic,
      long[] before, long[] after) {
    if (after[0] != before[0]) {
      return "the direct route reported the batch applied";
    }
    if (after[1] != before[1] + 1) {
      return "the batch did not go to the direct route first (counts " + java.util.Arrays.toString(after) + ")";
    }
    List<RecordingExecutor.Exchange> batches = traffic.stream()
        .filter(x -> NetlinkMessages.isElementBatch(x.sent())).toList();
    for (RecordingExecutor.Exchange x : batches) {
      if (x.answers() == null || NetlinkMessages.errors(x.answers()).isEmpty()) {
        return "a netlink batch was answered without an error";
      }
    }
    if (fb.kind.refusedBy == RefusedBy.NFT) {
      return batches.isEmpty() ? null : "a batch nft refuses reached the kernel directly";
    }
    int errno = fb.kind.kernelErrno();
    boolean refused = batches.stream().anyMatch(x -> NetlinkMessages.errors(x.answers()).contains(errno));
    return refused ? null : "no netlink batch was refused with errno " + errno + " (" + batches.size() + " sent)";
  }
}
