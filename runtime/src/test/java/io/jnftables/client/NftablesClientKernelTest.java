package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.NamedSet;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import io.jnftables.testing.Sh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the kernel, through both executors; every client in its own namespace. */
@Tag("kernel")
class NftablesClientKernelTest {
  private static final Table T = Table.of(Family.INET, "t");
  private static String hostBefore;

  @BeforeAll
  static void recordHost() {
    hostBefore = Sh.hostRuleset();
  }

  @AfterAll
  static void hostRulesetUntouched() {
    assertEquals(hostBefore, Sh.hostRuleset());
  }

  private static Nftables fresh(Nftables.Backend backend) {
    return Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).open();
  }

  private static Chain chain(String name) {
    return Chain.regular(Family.INET, "t", name);
  }

  private static String tablesVia(Path netns) {
    return Sh.ok("nsenter", "--net=" + netns, "nft", "list", "tables");
  }

  // ------------------------------------------------------------------ namespaces

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void bindsToCurrentFreshNamedAndPidNamespaces(Nftables.Backend backend) throws Exception {
    Batch table = Batch.builder().add(Table.of(Family.INET, "here")).build();
    // fresh: created for the client, gone with it
    String freshId;
    try (Nftables nft = fresh(backend)) {
      nft.submit(table);
      Path ns = nft.netnsPath().orElseThrow();
      freshId = Files.readSymbolicLink(ns).toString();
      assertEquals("table inet here\n", tablesVia(ns));
    }
    assertFalse(Sh.hostRuleset().contains("here"));

    // current: the namespace of the thread that opens the client (here a thread in a fresh one)
    try (NetnsThread caller = NetnsThread.start(NetnsTarget.fresh())) {
      try (Nftables nft = caller.call(() -> Nftables.builder().netns(NetnsTarget.current()).backend(backend).open())) {
        nft.submit(table); // from the test thread, which is in the host namespace
        assertEquals(caller.netnsId(), Files.readSymbolicLink(nft.netnsPath().orElseThrow()).toString());
        assertNotEquals(freshId, caller.netnsId());
        assertEquals("table inet here\n", tablesVia(caller.netnsPath()));
      }
    }

    // named, and the namespace of a process living in it
    try (Sh.NamedNetns named = new Sh.NamedNetns()) {
      try (Nftables nft = Nftables.builder().netns(NetnsTarget.named(named.name())).backend(backend).open()) {
        nft.submit(table);
      }
      assertEquals("table inet here\n", named.exec("nft", "list", "tables"));
      try (Nftables nft = Nftables.builder().netns(NetnsTarget.ofPid(named.residentPid())).backend(backend).open()) {
        nft.submit(Batch.builder().add(Table.of(Family.IP, "viapid")).build());
      }
      assertEquals("table inet here\ntable ip viapid\n", named.exec("nft", "list", "tables"));
    }
    assertFalse(Sh.hostRuleset().contains("here"));
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void interfaceNamesResolveInTheClientsNamespaceNotTheCallers(Nftables.Backend backend) {
    // d0 has index 4242 where the caller runs and 4343 in the client's namespace: the rule must
    // end up with the client's index (it then lists as "d0", not as a bare number).
    try (NetnsThread caller = NetnsThread.start(NetnsTarget.fresh()); Nftables nft = fresh(backend)) {
      caller.call(() -> Sh.ok("ip", "link", "add", "d0", "index", "4242", "type", "bridge"));
      Sh.ok("nsenter", "--net=" + nft.netnsPath().orElseThrow(), "ip", "link", "add", "d0", "index", "4343", "type", "bridge");
      Rule iif = Rule.of(Family.INET, "t", "c",
          List.of(Match.eq(new MetaExpr("iif"), new StringLiteral("d0")), Verdict.ACCEPT));
      caller.run(() -> nft.submit(Batch.builder().add(T).add(chain("c")).add(iif).build()));

      assertEquals(List.of(iif.statements()), nft.listRuleset().rules().stream().map(Rule::statements).toList());
      String text = nft.listText(Listing.chain(Family.INET, "t", "c"));
      assertTrue(text.contains("iif \"d0\" accept"), text);
      assertFalse(text.contains("4242"), text);
    }
  }

  // ------------------------------------------------------------------ errors and atomicity

  @Test
  void failingCommandIsNamedWhereverItIs() {
    int n = 6;
    try (Nftables nft = fresh(Nftables.Backend.IN_PROCESS)) {
      nft.submit(Batch.builder().add(T).build());
      Ruleset before = nft.listRuleset();
      for (int k : new int[] {0, 1, 3, n - 1}) {
        Batch.Builder b = Batch.builder();
        for (int i = 0; i < n; i++) {
          b.add(i == k ? Chain.regular(Family.INET, "nosuch", "c") : chain("c" + i));
        }
        NftablesException e = assertThrows(NftablesException.class, () -> nft.submit(b.build()));
        assertEquals(OptionalInt.of(k), e.commandIndex(), e.getMessage());
        assertEquals(NftErrno.ENOENT, e.errno());
        assertEquals(new ObjectPath("chain", "inet", "nosuch", "c", null, null), e.objectPath().orElseThrow());
        assertTrue(e.nftMessage().contains("No such file or directory"), e.nftMessage());
        assertTrue(e.getMessage().contains("at command " + k + " (add chain inet nosuch c): ENOENT"), e.getMessage());
        assertEquals(before, nft.listRuleset());
      }
      // kernel EEXIST in the last position, and the same through check()
      Batch createTwice = Batch.builder().add(chain("a")).add(chain("b")).command(new Command(Verb.CREATE, T)).build();
      NftablesException e = assertThrows(NftablesException.class, () -> nft.check(createTwice));
      assertEquals(OptionalInt.of(2), e.commandIndex());
      assertEquals(NftErrno.EEXIST, e.errno());
      assertEquals("table inet t", e.objectPath().orElseThrow().toString());
      // nft's parser rejects command 1: the index comes from its message
      ObjectNode bogus = JsonNodeFactory.instance.objectNode().put("family", "bogus").put("name", "x");
      NftablesException parse = assertThrows(NftablesException.class,
          () -> nft.submit(Batch.builder().add(chain("p")).add(new RawObject("table", bogus)).build()));
      assertEquals(OptionalInt.of(1), parse.commandIndex());
      assertEquals(NftErrno.PARSE, parse.errno());
      assertEquals(before, nft.listRuleset());
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aBatchWhoseLastCommandFailsChangesNothing(Nftables.Backend backend) {
    try (Nftables nft = fresh(backend)) {
      nft.submit(Batch.builder().add(T).add(chain("keep")).build());
      Ruleset before = nft.listRuleset();
      String beforeText = nft.listRulesetText();
      Batch batch = Batch.builder().add(chain("new1")).add(Table.of(Family.IP, "new2"))
          .add(Rule.of(Family.INET, "t", "keep", List.of(Counter.NEW, Verdict.ACCEPT)))
          .command(new Command(Verb.CREATE, chain("keep"))).build();
      NftablesException e = assertThrows(NftablesException.class, () -> nft.submit(batch));
      assertEquals(OptionalInt.of(3), e.commandIndex());
      assertEquals(NftErrno.EEXIST, e.errno());
      assertEquals(before, nft.listRuleset());
      assertEquals(beforeText, nft.listRulesetText());
    }
  }

  // ------------------------------------------------------------------ handles, listings, passthrough

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void handlesOfAddedObjectsMatchWhatTheKernelLists(Nftables.Backend backend) {
    ObjectNode set = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t")
        .put("name", "s").put("type", "ipv4_addr");
    ObjectNode element = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t").put("name", "s");
    element.putArray("elem").add("10.0.0.1").add("10.0.0.2");
    Rule first = new Rule(Family.INET, "t", "c", List.of(Counter.NEW, Verdict.ACCEPT), null, "first");
    Rule second = new Rule(Family.INET, "t", "c", List.of(Verdict.DROP), null, "second");
    Batch batch = Batch.builder().add(T).add(chain("c")).add(new RawObject("set", set)).add(first)
        .add(new RawObject("element", element)).add(second).build();
    try (Nftables nft = fresh(backend)) {
      SubmitResult r = nft.submit(batch, CallOptions.defaults().withHandles());
      Ruleset listed = nft.listRuleset();
      for (Rule rule : listed.rules()) {
        int index = "first".equals(rule.comment()) ? 3 : 5;
        assertEquals(rule.handle(), r.handle(index).orElseThrow(), rule.comment());
      }
      assertEquals(listed.chains().get(0).handle(), r.handle(1).orElseThrow());
      assertEquals(listed.tables().get(0).handle(), r.handle(0).orElseThrow());
      assertTrue(r.handle(2).isPresent()); // the set
      assertTrue(r.handle(4).isEmpty()); // elements have no handles
      assertEquals(6, r.added().size());

      // listings: per family, table, chain, set; terse leaves the elements out
      assertEquals(1, nft.list(Listing.family(Family.INET)).tables().size());
      assertEquals(0, nft.list(Listing.family(Family.IP)).tables().size());
      assertEquals(2, nft.list(Listing.chain(Family.INET, "t", "c")).rules().size());
      String setJson = nft.runJson("{\"nftables\":[{\"list\":{\"set\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"s\"}}}]}");
      assertTrue(setJson.contains("\"elem\": [\"10.0.0.1\", \"10.0.0.2\"]"), setJson);
      NamedSet full = (NamedSet) nft.list(Listing.set(Family.INET, "t", "s")).objects().get(1);
      NamedSet terse = (NamedSet) nft.list(Listing.set(Family.INET, "t", "s").asTerse()).objects().get(1);
      assertEquals(2, full.elements().size());
      assertEquals(List.of(), terse.elements());
      assertFalse(nft.list(Listing.table(Family.INET, "t").asTerse()).objects().stream()
          .anyMatch(o -> o instanceof NamedSet ns && !ns.elements().isEmpty()));
      assertTrue(nft.runText("list set inet t s").contains("10.0.0.1"));
      NftablesException missing = assertThrows(NftablesException.class, () -> nft.list(Listing.table(Family.IP, "t")));
      assertEquals(NftErrno.ENOENT, missing.errno());

      // raw passthrough, text
      nft.runText("add table ip raw_t");
      assertEquals("table inet t\ntable ip raw_t\n", nft.runText("list tables"));
    }
  }

  // ------------------------------------------------------------------ ownership

  @Test
  void scopedClientNeverSendsForeignCommands() {
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).ownTable(Family.INET, "t").open()) {
      nft.submit(Batch.builder().add(T).add(chain("c")).build());
      nft.submit(Batch.builder().add(Table.of(Family.INET, "other")).build(), CallOptions.defaults().allowingForeignTables());
      String before = nft.listRulesetText();
      ForeignTableException e = assertThrows(ForeignTableException.class,
          () -> nft.submit(Batch.builder().add(chain("d")).add(Chain.regular(Family.INET, "other", "x")).build()));
      assertEquals(OptionalInt.of(1), e.commandIndex());
      assertThrows(ForeignTableException.class, () -> nft.runText("flush ruleset"));
      assertThrows(ForeignTableException.class, () -> nft.submit(Batch.builder()
          .command(new Command(Verb.DELETE, Table.of(Family.INET, "other"))).build()));
      assertEquals(before, nft.listRulesetText());
      nft.runText("flush ruleset", CallOptions.defaults().allowingForeignTables());
      assertEquals("", nft.listRulesetText());
    }
  }

  // ------------------------------------------------------------------ capabilities

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void capabilitiesMatchTheInstalledNftAndTheKernel(Nftables.Backend backend) {
    String nftVersion = Sh.ok("nft", "--version"); // e.g. "nftables v1.0.6 (Lester Gooch #5)"
    boolean flowtables;
    try (NetnsThread probe = NetnsThread.start(NetnsTarget.fresh())) {
      flowtables = probe.call(() -> {
        Process p = new ProcessBuilder("nft", "-c", "-f", "-").start();
        p.getOutputStream().write(KernelFeature.FLOWTABLE.probe().getBytes());
        p.getOutputStream().close();
        return p.waitFor() == 0;
      });
    }
    try (Nftables nft = fresh(backend)) {
      Capabilities caps = nft.capabilities();
      assertTrue(nftVersion.contains("v" + caps.version() + " (" + caps.releaseName() + ")"), nftVersion + " vs " + caps);
      assertEquals(1, caps.jsonSchemaVersion());
      assertEquals(flowtables, caps.has(KernelFeature.FLOWTABLE), caps.toString());
      assertEquals("", nft.listRulesetText()); // probing changed nothing
    }
  }

  // ------------------------------------------------------------------ timeouts and the helper

  @Test
  void perCallTimeoutAnswersWithAnErrorInsteadOfWaiting() throws Exception {
    try (Nftables nft = fresh(Nftables.Backend.IN_PROCESS)) {
      // 20,000 elements take libnftables tens of milliseconds: far longer than the timeout
      ObjectNode set = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t")
          .put("name", "s").put("type", "ipv4_addr");
      ObjectNode element = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t").put("name", "s");
      for (int i = 0; i < 20_000; i++) {
        element.withArray("elem").add("10.1." + (i >> 8) + "." + (i & 255));
      }
      Batch big = Batch.builder().add(T).add(new RawObject("set", set)).add(new RawObject("element", element)).build();
      long start = System.nanoTime();
      assertThrows(NftablesTimeoutException.class,
          () -> nft.submit(big, CallOptions.defaults().withTimeout(Duration.ofMillis(1))));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }
    try (Nftables nft = fresh(Nftables.Backend.HELPER)) {
      long pid = ((HelperExecutor) nft.executor()).pid();
      Sh.ok("kill", "-STOP", Long.toString(pid));
      try {
        NftablesTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
            NftablesTimeoutException.class, () -> nft.submit(Batch.builder().add(T).build(),
                CallOptions.defaults().withTimeout(Duration.ofMillis(200)))));
        assertTrue(e.commandStarted());
      } finally {
        Sh.ok("kill", "-CONT", Long.toString(pid));
      }
      assertEquals(1, nft.listRuleset().tables().size()); // it did run, late
    }
  }

  @Test
  void helperKilledMidCallFailsTheCallAndTheNextOneWorks() throws Exception {
    try (Nftables nft = fresh(Nftables.Backend.HELPER)) {
      HelperExecutor helper = (HelperExecutor) nft.executor();
      nft.submit(Batch.builder().add(T).build());
      long pid = helper.pid();
      Sh.ok("kill", "-STOP", Long.toString(pid));
      CompletableFuture<Ruleset> inFlight = CompletableFuture.supplyAsync(nft::listRuleset);
      Thread.sleep(100);
      Sh.ok("kill", "-9", Long.toString(pid));
      Exception e = assertThrows(Exception.class, () -> inFlight.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof ExecutorException, String.valueOf(e.getCause()));
      assertTrue(e.getCause().getMessage().contains("killed by signal 9"), e.getCause().getMessage());
      assertEquals(List.of(T), nft.listRuleset().tables().stream().map(Table::withoutHandle).toList());
      assertEquals(2, helper.starts());
    }
  }

  @Test
  void helperWithModeForOthersIsRefusedWithAFix() throws Exception {
    Path dir = Files.createTempDirectory("jnft-mode");
    Path exe = dir.resolve("jnft-helper");
    try {
      Files.copy(io.jnftables.helper.HelperBinary.locate(), exe);
      Files.setPosixFilePermissions(exe, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      ExecutorException e = assertThrows(ExecutorException.class,
          () -> Nftables.builder().netns(NetnsTarget.fresh()).helper(exe).open());
      assertTrue(e.getMessage().contains("chmod o-rwx"), e.getMessage());
    } finally {
      Files.deleteIfExists(exe);
      Files.delete(dir);
    }
  }

  @Test
  void handlesOfManyRulesComeFromOneEcho() {
    try (Nftables nft = fresh(Nftables.Backend.IN_PROCESS)) {
      Batch.Builder b = Batch.builder().add(T).add(chain("c"));
      List<Integer> ruleIndexes = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        ruleIndexes.add(i + 2);
        b.add(new Rule(Family.INET, "t", "c", List.of(Verdict.ACCEPT), null, "r" + i));
      }
      SubmitResult r = nft.submit(b.build(), CallOptions.defaults().withHandles());
      for (Rule rule : nft.listRuleset().rules()) {
        int i = Integer.parseInt(rule.comment().substring(1));
        assertEquals(rule.handle(), r.handle(ruleIndexes.get(i)).orElseThrow());
      }
    }
  }
}
