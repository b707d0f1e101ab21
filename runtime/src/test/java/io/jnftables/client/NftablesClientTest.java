package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.stmt.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client's own logic against a fake executor: no kernel. */
class NftablesClientTest {
  private static final Table T = Table.of(Family.INET, "t");
  private static final Chain C = Chain.regular(Family.INET, "t", "c");
  private static final Rule ACCEPT = Rule.of(Family.INET, "t", "c", List.of(Verdict.ACCEPT));
  private static final Rule DROP = Rule.of(Family.INET, "t", "c", List.of(Verdict.DROP));

  private static RawObject raw(String key, String family, String table, String name) {
    ObjectNode v = JsonNodeFactory.instance.objectNode().put("family", family).put("table", table).put("name", name);
    return new RawObject(key, v);
  }

  @Test
  void submitWithoutHandlesSendsNoEchoAndListsWhatItAdds() {
    FakeExecutor fake = FakeExecutor.ok();
    Nftables nft = Nftables.using(fake);
    SubmitResult r = nft.submit(Batch.builder().add(T).add(C).command(new Command(Verb.DELETE, DROP)).build());
    assertEquals(Set.of(NftRequest.Option.JSON), fake.requests.get(0).options());
    assertFalse(r.handlesRequested());
    assertEquals(List.of(0, 1), r.added().stream().map(SubmitResult.Added::index).toList());
    assertEquals(OptionalLong.empty(), r.handle(0));
  }

  @Test
  void handlesAreMatchedByStructureNotByPosition() {
    // The echo comes back reordered, with an extra item, without a handle for the element, and
    // with a rule whose twin (same chain, other statements) must not take its handle.
    String echo = "{\"nftables\": ["
        + "{\"add\": {\"rule\": {\"family\": \"inet\", \"table\": \"t\", \"chain\": \"c\", \"expr\": [{\"drop\": null}], \"handle\": 7}}},"
        + "{\"add\": {\"element\": {\"family\": \"inet\", \"table\": \"t\", \"name\": \"s\", \"elem\": [\"10.0.0.1\"]}}},"
        + "{\"add\": {\"table\": {\"family\": \"inet\", \"name\": \"other\", \"handle\": 99}}},"
        + "{\"add\": {\"rule\": {\"family\": \"inet\", \"table\": \"t\", \"chain\": \"c\", \"expr\": [{\"accept\": null}], \"handle\": 6}}},"
        + "{\"add\": {\"chain\": {\"family\": \"inet\", \"table\": \"t\", \"name\": \"c\", \"handle\": 2}}},"
        + "{\"add\": {\"set\": {\"family\": \"inet\", \"table\": \"t\", \"name\": \"s\", \"type\": \"ipv4_addr\", \"handle\": 5}}}"
        + "]}";
    FakeExecutor fake = new FakeExecutor(r -> new NftResponse(true, echo, ""));
    ObjectNode set = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t")
        .put("name", "s").put("type", "ipv4_addr");
    ObjectNode element = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t").put("name", "s");
    element.putArray("elem").add("10.0.0.1");
    Batch batch = Batch.builder().add(T).add(C).add(new RawObject("set", set)).add(ACCEPT)
        .add(new RawObject("element", element)).add(DROP).build();

    SubmitResult r = Nftables.using(fake).submit(batch, CallOptions.defaults().withHandles());

    assertTrue(fake.requests.get(0).has(NftRequest.Option.ECHO));
    assertTrue(r.handlesRequested());
    assertEquals(OptionalLong.empty(), r.handle(0)); // the table was not echoed with a handle
    assertEquals(OptionalLong.of(2), r.handle(1));
    assertEquals(OptionalLong.of(5), r.handle(2));
    assertEquals(OptionalLong.of(6), r.handle(3)); // accept
    assertEquals(OptionalLong.empty(), r.handle(4)); // element: no handle, no crash
    assertEquals(OptionalLong.of(7), r.handle(5)); // drop
    assertEquals("set inet t s", r.at(2).orElseThrow().path().toString());
  }

  @Test
  void anUnreadableOrEmptyEchoGivesNoHandlesAndNoException() {
    for (String echo : List.of("", "not json", "{\"nftables\": 3}", "{\"nftables\": [{\"add\": 1}]}")) {
      SubmitResult r = Nftables.using(new FakeExecutor(q -> new NftResponse(true, echo, "")))
          .submit(Batch.builder().add(T).add(ACCEPT).build(), CallOptions.defaults().withHandles());
      assertEquals(2, r.added().size(), echo);
      assertTrue(r.added().stream().allMatch(a -> a.handle() == null), echo);
    }
  }

  @Test
  void failingCommandIsFoundByDryRunsOfPrefixes() {
    // The fake kernel rejects any batch that contains the marker table "bad".
    FakeExecutor fake = new FakeExecutor(r -> r.input().contains("\"bad\"")
        ? new NftResponse(false, "", "internal:0:0-0: Error: Could not process rule: File exists\n\n")
        : new NftResponse(true, "", ""));
    for (int n : new int[] {1, 2, 7, 8}) {
      for (int k = 0; k < n; k++) {
        Batch.Builder b = Batch.builder();
        for (int i = 0; i < n; i++) {
          b.add(Table.of(Family.INET, i == k ? "bad" : "t" + i));
        }
        fake.requests.clear();
        NftablesException e = assertThrows(NftablesException.class, () -> Nftables.using(fake).submit(b.build()));
        assertEquals(OptionalInt.of(k), e.commandIndex(), "n=" + n + " k=" + k);
        assertEquals(NftErrno.EEXIST, e.errno());
        assertEquals("table inet bad", e.objectPath().orElseThrow().toString());
        assertEquals(Table.of(Family.INET, "bad"), e.command().orElseThrow().object());
        assertTrue(e.getMessage().contains("at command " + k + " (add table inet bad): EEXIST (File exists)"), e.getMessage());
        assertFalse(e.getMessage().contains("internal:0:0-0"), e.getMessage());
        // the submit, then at most ceil(log2 n) dry runs, all of them dry
        assertTrue(fake.requests.size() <= 1 + 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)), fake.requests.toString());
        assertTrue(fake.requests.stream().skip(1).allMatch(r -> r.has(NftRequest.Option.DRY_RUN)));
      }
    }
  }

  @Test
  void withTwoFailingCommandsTheErrorIsTheFirstOnesOwn() {
    // The whole batch fails with nft's complaint about "late" (ENOENT, from evaluating the whole
    // batch); the first failing command is "busy" (EBUSY): the report must quote busy's own error.
    FakeExecutor fake = new FakeExecutor(r -> r.input().contains("\"late\"")
        ? new NftResponse(false, "", "internal:0:0-0: Error: No such file or directory; did you mean table 'late'?\n\n")
        : r.input().contains("\"busy\"")
            ? new NftResponse(false, "", "internal:0:0-0: Error: Could not process rule: Device or resource busy\n\n")
            : new NftResponse(true, "", ""));
    for (boolean text : new boolean[] {false, true}) {
      Batch batch = Batch.builder().add(Table.of(Family.INET, "t0")).add(Table.of(Family.INET, "busy"))
          .add(Table.of(Family.INET, "t2")).add(Table.of(Family.INET, "late")).build();
      CallOptions options = text ? CallOptions.defaults().asText() : CallOptions.defaults();
      FakeExecutor routed = text ? new FakeExecutor(r -> fake.execute(new NftRequest(
          r.input().replace("table inet late", "\"late\"").replace("table inet busy", "\"busy\""), r.options()))) : fake;
      NftablesException e = assertThrows(NftablesException.class, () -> Nftables.using(routed).submit(batch, options));
      assertEquals(OptionalInt.of(1), e.commandIndex(), e.getMessage());
      assertEquals(NftErrno.EBUSY, e.errno(), e.getMessage());
      assertTrue(e.nftMessage().contains("Device or resource busy"), e.nftMessage());
      assertFalse(e.getMessage().contains("late"), e.getMessage());
    }
  }

  @Test
  void parserIndexIsTakenFromNftsMessage() {
    FakeExecutor fake = new FakeExecutor(r -> new NftResponse(false, "",
        "internal:0:0-0: Error: Unknown family 'bogus'.\n\ninternal:0:0-0: Error: Parsing command array at index 2 failed.\n\n"));
    NftablesException e = assertThrows(NftablesException.class,
        () -> Nftables.using(fake).submit(Batch.builder().add(T).add(C).add(raw("set", "bogus", "t", "s")).build()));
    assertEquals(OptionalInt.of(2), e.commandIndex());
    assertEquals(NftErrno.PARSE, e.errno());
    assertEquals("set bogus t s", e.objectPath().orElseThrow().toString());
    assertEquals(1, fake.requests.size()); // no dry runs needed
  }

  @Test
  void scopedClientRefusesForeignTablesBeforeTheKernel() {
    FakeExecutor fake = FakeExecutor.ok();
    Nftables nft = Nftables.builder().executor(fake).ownTable(Family.INET, "t").probeCapabilities(false).open();
    nft.submit(Batch.builder().add(T).add(C).add(ACCEPT).add(raw("set", "inet", "t", "s")).build());
    assertEquals(1, fake.requests.size());

    ForeignTableException e = assertThrows(ForeignTableException.class, () -> nft.submit(
        Batch.builder().add(T).add(Chain.regular(Family.IP, "t", "c")).build()));
    assertEquals(OptionalInt.of(1), e.commandIndex());
    assertTrue(e.getMessage().contains("touches table ip t, which this client does not own"), e.getMessage());
    ObjectNode ruleset = JsonNodeFactory.instance.objectNode();
    Batch flushRuleset = Batch.builder().command(new Command(Verb.FLUSH, new RawObject("ruleset", JsonNodeFactory.instance.nullNode()))).build();
    ForeignTableException flush = assertThrows(ForeignTableException.class, () -> nft.submit(flushRuleset));
    assertTrue(flush.getMessage().contains("acts on every table"), flush.getMessage());
    assertThrows(ForeignTableException.class, () -> nft.check(Batch.builder().add(Table.of(Family.INET, "x")).build()));
    assertThrows(ForeignTableException.class, () -> nft.submit(Batch.builder().add(new RawObject("counter", ruleset)).build()));
    assertThrows(ForeignTableException.class, () -> nft.runText("flush ruleset"));
    assertThrows(ForeignTableException.class, () -> nft.runJson("{\"nftables\":[{\"flush\":{\"ruleset\":null}}]}"));
    assertThrows(ForeignTableException.class, () -> nft.runJson("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"x\"}}}]}"));
    assertEquals(1, fake.requests.size()); // none of them reached the executor

    // listing reads only; explicit permission lets the rest through
    nft.runText("list ruleset");
    nft.runJson("{\"nftables\":[{\"list\":{\"ruleset\":null}}]}");
    nft.runJson("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"t\"}}}]}");
    nft.submit(flushRuleset, CallOptions.defaults().allowingForeignTables());
    nft.runText("flush ruleset", CallOptions.defaults().allowingForeignTables());
    assertEquals(6, fake.requests.size());
  }

  @Test
  void timeoutsGoIntoTheRequest() {
    FakeExecutor fake = FakeExecutor.ok();
    Nftables nft = Nftables.builder().executor(fake).timeout(Duration.ofSeconds(3)).probeCapabilities(false).open();
    nft.submit(Batch.builder().add(T).build());
    nft.submit(Batch.builder().add(T).build(), CallOptions.defaults().withTimeout(Duration.ofMillis(5)));
    assertEquals(Duration.ofSeconds(3), fake.requests.get(0).timeout());
    assertEquals(Duration.ofMillis(5), fake.requests.get(1).timeout());
  }

  @Test
  void listingCommands() {
    assertEquals("list ruleset", Listing.ruleset().command());
    assertEquals("list ruleset ip6", Listing.family(Family.IP6).command());
    assertEquals("list table inet f", Listing.table(Family.INET, "f").command());
    assertEquals("list chain inet f input", Listing.chain(Family.INET, "f", "input").command());
    assertEquals("list set inet f s", Listing.set(Family.INET, "f", "s").asTerse().command());
    assertTrue(Listing.set(Family.INET, "f", "s").asTerse().terse());
    assertThrows(IllegalArgumentException.class, () -> Listing.table(Family.INET, "f; flush ruleset"));
    FakeExecutor fake = new FakeExecutor(r -> new NftResponse(true, "{\"nftables\": []}", ""));
    Nftables.using(fake).list(Listing.set(Family.INET, "f", "s").asTerse());
    assertEquals(Set.of(NftRequest.Option.JSON, NftRequest.Option.TERSE), fake.requests.get(0).options());
  }

  @Test
  void errnoIsReadFromNftsMessage() {
    assertEquals(NftErrno.ENOENT, NftErrno.fromMessage("internal:0:0-0: Error: No such file or directory"));
    assertEquals(NftErrno.EEXIST, NftErrno.fromMessage("internal:0:0-0: Error: Could not process rule: File exists"));
    assertEquals(NftErrno.EOPNOTSUPP, NftErrno.fromMessage("Error: Could not process rule: Operation not supported"));
    assertEquals(NftErrno.EINVAL, NftErrno.fromMessage("Error: Could not process rule: Invalid argument"));
    assertEquals(NftErrno.EPERM, NftErrno.fromMessage("Error: Could not process rule: Operation not permitted"));
    assertEquals(NftErrno.EBUSY, NftErrno.fromMessage("Error: Could not process rule: Device or resource busy"));
    assertEquals(NftErrno.PARSE, NftErrno.fromMessage("Error: syntax error, unexpected '{'"));
    assertEquals(NftErrno.UNKNOWN, NftErrno.fromMessage(""));
  }

  @Test
  void capabilitiesComeFromMetainfoAndDryRuns() {
    FakeExecutor fake = new FakeExecutor(r -> {
      if (r.input().equals("list flowtables") && r.has(NftRequest.Option.JSON)) {
        return new NftResponse(true, "{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"release_name\": \"Lester Gooch #5\", \"json_schema_version\": 1}}]}", "");
      }
      assertTrue(r.has(NftRequest.Option.DRY_RUN), r.input());
      return r.input().contains("flowtable") ? new NftResponse(false, "", "Error: Could not process rule: No such file or directory\n")
          : new NftResponse(true, "", "");
    });
    Capabilities caps = Nftables.builder().executor(fake).open().capabilities();
    assertEquals("1.0.6", caps.version());
    assertEquals("Lester Gooch #5", caps.releaseName());
    assertEquals(1, caps.jsonSchemaVersion());
    assertFalse(caps.has(KernelFeature.FLOWTABLE));
    assertTrue(caps.has(KernelFeature.QUEUE));
    assertTrue(caps.unsupported().get(KernelFeature.FLOWTABLE).contains("No such file or directory"));
  }
}
