package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.netns.NetnsTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Element updates written to the kernel directly ({@link io.jnftables.nfnetlink.ElementUpdates})
 * must leave exactly what libnftables leaves: every case runs the same set-up and the same batch
 * in two fresh namespaces, one client writing directly and one through libnftables only, and
 * compares what nft lists back. The counters show which path took the batch.
 */
@Tag("kernel")
class DirectElementUpdatesKernelTest {
  private static final String SETUP = String.join("\n",
      "add table inet t",
      "add chain inet t c",
      "add set inet t v4 { type ipv4_addr; }",
      "add set inet t v6 { type ipv6_addr; }",
      "add set inet t port { type inet_service; }",
      "add set inet t mac { type ether_addr; }",
      "add set inet t marks { type mark; }",
      "add set inet t proto { type inet_proto; }",
      "add set inet t ifn { type ifname; }",
      "add set inet t pair { type ipv4_addr . inet_service; }",
      "add set inet t triple { type inet_proto . ipv6_addr . mark; }",
      "add set inet t temp { type ipv4_addr; flags timeout; }",
      "add set inet t counted { type ipv4_addr; counter; }",
      "add set inet t typed { typeof ip saddr; }",
      "add set inet t net { type ipv4_addr; flags interval; }",
      "add map inet t verdicts { type ipv4_addr : verdict; }",
      "add map inet t dmap { type inet_service : ipv4_addr; }",
      "add map inet t mmap { type mark : mark; }",
      "add table ip t4",
      "add set ip t4 s { type ipv4_addr; }");

  private Nftables direct;
  private Nftables plain;

  /** A client writing directly through {@code backend}, and one through libnftables only. */
  private void open(Nftables.Backend backend) {
    direct = Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false).open();
    plain = Nftables.builder().netns(NetnsTarget.fresh()).probeCapabilities(false).directElementUpdates(false).open();
    direct.runText(SETUP);
    plain.runText(SETUP);
  }

  @AfterEach
  void close() {
    if (direct != null) {
      direct.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  private static Expression s(String v) {
    return new StringLiteral(v);
  }

  private static Expression n(long v) {
    return new NumberLiteral(v);
  }

  private static Expression cat(Expression... parts) {
    return new ConcatExpr(Arrays.asList(parts));
  }

  private static Command add(String set, Expression... elements) {
    return Command.add(Element.of(Family.INET, "t", set, List.of(elements)));
  }

  private static Command delete(String set, Expression... elements) {
    return Command.delete(Element.of(Family.INET, "t", set, List.of(elements)));
  }

  static Stream<Arguments> writtenDirectly() {
    return Stream.of(Nftables.Backend.values()).flatMap(b -> cases().map(a -> Arguments.of(b, a.get()[0], a.get()[1])));
  }

  private static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ipv4_addr", List.of(add("v4", s("10.0.0.1"), s("192.168.255.254"), s("0.0.0.0")))),
        Arguments.of("ipv6_addr", List.of(add("v6", s("2001:db8::1"), s("::ffff:10.0.0.1"), s("fe80::a:b:c:d")))),
        Arguments.of("inet_service", List.of(add("port", n(22), n(65535), s("8080"), n(0)))),
        Arguments.of("ether_addr", List.of(add("mac", s("02:00:5e:10:00:ff"), s("AA:BB:CC:DD:EE:01")))),
        Arguments.of("mark", List.of(add("marks", n(1), n(0xdeadbeefL), s("0x10")))),
        Arguments.of("inet_proto", List.of(add("proto", n(6), n(17), n(132)))),
        Arguments.of("ifname", List.of(add("ifn", s("eth0"), s("veth-a.100"), s("lo")))),
        Arguments.of("concatenation", List.of(add("pair", cat(s("10.1.2.3"), n(443)), cat(s("10.1.2.4"), n(22))))),
        Arguments.of("three fields", List.of(add("triple", cat(n(6), s("2001:db8::2"), n(7))))),
        Arguments.of("timeout and comment", List.of(add("temp",
            new ElemExpr(s("10.0.0.9"), 3600L, null, "ssh brute force", List.of()),
            new ElemExpr(s("10.0.0.10"), 60L, null, null, List.of())))),
        Arguments.of("set with a counter", List.of(add("counted", s("10.9.9.9")))),
        Arguments.of("typeof", List.of(add("typed", s("172.16.0.1")))),
        Arguments.of("verdict map", List.of(add("verdicts",
            new MappingExpr(s("10.0.0.1"), new VerdictExpr(Verdict.ACCEPT)),
            new MappingExpr(s("10.0.0.2"), new VerdictExpr(Verdict.DROP)),
            new MappingExpr(s("10.0.0.3"), new VerdictExpr(new Verdict(Verdict.Kind.JUMP, "c"))),
            new MappingExpr(s("10.0.0.4"), new VerdictExpr(new Verdict(Verdict.Kind.GOTO, "c")))))),
        Arguments.of("data map", List.of(add("dmap", new MappingExpr(n(80), s("10.0.0.80"))))),
        Arguments.of("mark map", List.of(add("mmap", new MappingExpr(n(1), n(0x100))))),
        Arguments.of("several sets and a delete", List.of(
            add("v4", s("10.0.0.1"), s("10.0.0.2")),
            add("port", n(22)),
            delete("v4", s("10.0.0.1")))),
        Arguments.of("another family", List.of(Command.add(Element.of(Family.IP, "t4", "s", List.of(s("10.4.4.4")))))),
        Arguments.of("create", List.of(Command.create(Element.of(Family.INET, "t", "v4", List.of(s("10.5.5.5")))))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("writtenDirectly")
  void writesWhatLibnftablesWrites(Nftables.Backend backend, String name, List<Command> commands) {
    open(backend);
    Batch batch = Batch.of(commands);
    direct.submit(batch);
    plain.submit(batch);
    assertEquals(1, direct.directCounts()[0], name + ": the batch went through libnftables: " + batch.toJson());
    assertEquals(listing(plain), listing(direct), name);
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void whatItDoesNotWriteGoesThroughLibnftables(Nftables.Backend backend) {
    open(backend);
    List<Command> handedBack = List.of(
        add("net", s("10.0.0.0/8")), // interval set
        add("port", s("ssh")), // a service name nft resolves
        add("v4", s("10.1")), // not a plain dotted quad
        add("counted", new ElemExpr(s("10.2.2.2"), null, null, null,
            List.of(io.jnftables.model.stmt.Counter.NEW)))); // per-element statement
    for (Command c : handedBack) {
      Batch batch = Batch.of(List.of(c));
      String before = listing(direct);
      NftablesException plainFailure = null;
      try {
        plain.submit(batch);
      } catch (NftablesException e) {
        plainFailure = e;
      }
      if (plainFailure == null) {
        direct.submit(batch);
      } else {
        NftablesException directFailure = assertThrows(NftablesException.class, () -> direct.submit(batch));
        assertEquals(plainFailure.nftMessage(), directFailure.nftMessage());
        assertEquals(before, listing(direct));
      }
    }
    assertEquals(0, direct.directCounts()[0]);
    assertEquals(listing(plain), listing(direct));
  }

  /** Errors come from libnftables, as without direct writes: same message, command, unchanged ruleset. */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void refusedBatchesFailAsNftFailsAndChangeNothing(Nftables.Backend backend) {
    open(backend);
    List<Batch> failing = List.of(
        Batch.of(List.of(add("v4", s("10.0.0.1")), add("missing", s("10.0.0.2")))), // ENOENT set
        Batch.of(List.of(add("v4", s("10.0.0.1")), delete("port", n(9999)))), // ENOENT element
        Batch.of(List.of(add("v4", s("10.0.0.7")), Command.create(Element.of(Family.INET, "t", "v4",
            List.of(s("10.0.0.8")))), Command.create(Element.of(Family.INET, "t", "v4", List.of(s("10.0.0.8")))))),
        Batch.of(List.of(add("verdicts", new MappingExpr(s("10.0.0.1"), new VerdictExpr(new Verdict(Verdict.Kind.JUMP, "nochain")))))),
        Batch.of(List.of(add("temp", s("10.0.0.1")), add("v4", new ElemExpr(s("10.0.0.1"), 10L, null, null, List.of())))));
    for (Batch batch : failing) {
      String before = listing(direct);
      NftablesException p = assertThrows(NftablesException.class, () -> plain.submit(batch));
      NftablesException d = assertThrows(NftablesException.class, () -> direct.submit(batch));
      assertEquals(p.nftMessage(), d.nftMessage(), batch.toJson());
      assertEquals(p.commandIndex(), d.commandIndex(), batch.toJson());
      assertEquals(p.errno(), d.errno(), batch.toJson());
      assertEquals(before, listing(direct), "a failed batch changed the ruleset: " + batch.toJson());
    }
    assertEquals(0, direct.directCounts()[0]);
  }

  /**
   * The types are read at a generation and the batch carries it: after the ruleset changed (even
   * the set itself, deleted and made again with another type), the kernel refuses the stale batch
   * and the types are read again.
   */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aChangedRulesetIsNoticed(Nftables.Backend backend) {
    open(backend);
    direct.submit(Batch.of(List.of(add("v4", s("10.0.0.1")))));
    direct.runText("add table inet other");
    direct.submit(Batch.of(List.of(add("v4", s("10.0.0.2")))));
    direct.runText("delete set inet t v4; add set inet t v4 { type inet_service; }");
    direct.submit(Batch.of(List.of(add("v4", n(8443)))));
    assertEquals(3, direct.directCounts()[0]);
    assertTrue(direct.listText(Listing.set(Family.INET, "t", "v4")).contains("elements = { 8443 }"),
        direct.listText(Listing.set(Family.INET, "t", "v4")));
  }

  /** One command with 1,000 elements is written directly; 300 commands go through libnftables. */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void sizeLimits(Nftables.Backend backend) {
    open(backend);
    List<Expression> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(s("10.7." + (i >> 8) + "." + (i & 255)));
    }
    Batch one = Batch.of(List.of(add("v4", many.toArray(Expression[]::new))));
    direct.submit(one);
    plain.submit(one);
    assertEquals(1, direct.directCounts()[0]);
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      commands.add(add("port", n(1000 + i)));
    }
    direct.submit(Batch.of(commands));
    plain.submit(Batch.of(commands));
    assertEquals(1, direct.directCounts()[0]);
    assertEquals(1, direct.directCounts()[1]);
    assertEquals(listing(plain), listing(direct));
  }

  /** The ownership guard still refuses before anything is written. */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aScopedClientRefusesOtherTables(Nftables.Backend backend) {
    open(backend);
    try (Nftables scoped = Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false)
        .ownTable(Family.IP, "t4").open()) {
      scoped.runText(SETUP, CallOptions.defaults().allowingForeignTables());
      assertThrows(ForeignTableException.class, () -> scoped.submit(Batch.of(List.of(add("v4", s("10.0.0.1"))))));
      scoped.submit(Batch.of(List.of(Command.add(Element.of(Family.IP, "t4", "s", List.of(s("10.4.4.4")))))));
      assertEquals(1, scoped.directCounts()[0]);
      String v4 = scoped.listText(Listing.set(Family.INET, "t", "v4"), CallOptions.defaults().allowingForeignTables());
      assertTrue(v4.contains("type ipv4_addr") && !v4.contains("10.0.0.1"), v4);
    }
  }

  /**
   * Each commit moves the kernel's generation on by one, which the client counts itself: a run of
   * updates reads the set types once. A commit by anyone else costs one refused batch and one
   * look-up.
   */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void typesAreReadOncePerChange(Nftables.Backend backend) {
    open(backend);
    for (int i = 0; i < 20; i++) {
      direct.submit(Batch.of(List.of(add("v4", s("10.3.0." + i)), add("port", n(2000 + i)))));
    }
    assertEquals(20, direct.directCounts()[0]);
    assertEquals(1, direct.directCounts()[2], "look-ups");
    direct.runText("add table inet other"); // through libnftables: the generation moves on
    direct.submit(Batch.of(List.of(add("v4", s("10.3.1.1")))));
    direct.submit(Batch.of(List.of(add("v4", s("10.3.1.2")))));
    assertEquals(22, direct.directCounts()[0]);
    assertEquals(2, direct.directCounts()[2], "look-ups");
  }

  /** 8 threads × 250 updates on one client: every element arrives, each call gets its own answer. */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void concurrentCallersOnOneClient(Nftables.Backend backend) throws Exception {
    open(backend);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 250; i++) {
            direct.submit(Batch.of(List.of(add("v4", s("10.8." + thread + "." + i)))));
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(120, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2000, direct.directCounts()[0]);
    io.jnftables.model.NamedSet set = (io.jnftables.model.NamedSet) direct.list(Listing.set(Family.INET, "t", "v4"))
        .objects().get(1);
    assertEquals(2000, set.elements().size());
  }

  private static String listing(Nftables nft) {
    List<String> out = new ArrayList<>();
    for (String line : nft.listText(Listing.table(Family.INET, "t")).split("\n")) {
      out.add(line.replaceAll(" expires [0-9hms.]+", "")); // time left differs by the test's pace
    }
    return String.join("\n", out) + nft.listText(Listing.table(Family.IP, "t4"));
  }
}
