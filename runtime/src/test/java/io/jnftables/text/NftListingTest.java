package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.PayloadExpr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading listings as {@code nft [-a] list ruleset} prints them ({@link NftText#parseListing}),
 * with what nft 1.0.6's JSON leaves out, and writing that back as a listing and as a script.
 */
class NftListingTest {
  /** What {@code nft -a list ruleset} printed (nft 1.0.6, copied from a namespace). */
  static final String WITH_HANDLES = """
      table inet t { # handle 2
      \tcomment "tc"
      \tcounter c1 { # handle 3
      \t\tpackets 1 bytes 2
      \t}

      \tset s { # handle 4
      \t\ttypeof ip saddr
      \t\tflags interval
      \t\tauto-merge
      \t\telements = { 10.0.0.0/8 }
      \t}

      \tmap m { # handle 5
      \t\ttypeof ip saddr : meta mark
      \t\telements = { 1.2.3.4 : 0x00000005 }
      \t}

      \tchain c { # handle 1
      \t\tcomment "cc"
      \t\ttcp dport 22 accept comment "r" # handle 6
      \t}

      \tchain in { # handle 2
      \t\ttype filter hook input priority filter; policy accept;
      \t\tjump c # handle 7
      \t}
      }
      """;

  @Test
  void aListingWithHandlesReadsIntoTheModelInListingOrderWithItsHandles() {
    Ruleset rs = NftText.parseListing(WITH_HANDLES);
    List<String> order = new ArrayList<>();
    List<Long> handles = new ArrayList<>();
    for (NftObject o : rs.objects()) {
      order.add(o.getClass().getSimpleName());
    }
    assertEquals(List.of("Table", "NamedCounter", "NamedSet", "NamedSet", "Chain", "Rule", "Chain", "Rule"), order);
    Table t = rs.tables().get(0);
    assertEquals(2L, t.handle());
    assertEquals("tc", t.comment());
    handles.add(rs.objects(NamedCounter.class).get(0).handle());
    for (NamedSet s : rs.sets()) {
      handles.add(s.handle());
    }
    for (Chain c : rs.chains()) {
      handles.add(c.handle());
    }
    for (Rule r : rs.rules()) {
      handles.add(r.handle());
    }
    assertEquals(List.of(3L, 4L, 5L, 1L, 2L, 6L, 7L), handles);
    assertEquals("r", rs.rules("t", "c").get(0).comment());
    assertEquals("cc", rs.chains().get(0).comment());
  }

  @Test
  void typeofAndAutoMergeAreKeptBesideTheTypesTheyStandFor() {
    Ruleset rs = NftText.parseListing(WITH_HANDLES);
    NamedSet s = rs.sets().get(0);
    assertEquals(new NamedSet.Typeof(new PayloadExpr("ip", "saddr"), null), s.typeof());
    assertEquals(List.of("ipv4_addr"), s.type());
    assertTrue(s.autoMerge());
    assertEquals(List.of("interval"), s.flags());
    NamedSet m = rs.sets().get(1);
    assertEquals(new NamedSet.Typeof(new PayloadExpr("ip", "saddr"), new MetaExpr("mark")), m.typeof());
    assertEquals("mark", m.mapType());
    assertFalse(m.autoMerge());
    // JSON says what nft 1.0.6's JSON can say: the types, no typeof, no auto-merge
    String json = JsonCodec.encodeRuleset(new Ruleset(List.of(s.withoutHandle())));
    assertFalse(json.contains("typeof") || json.contains("auto"), json);
    assertTrue(json.contains("\"type\":\"ipv4_addr\""), json);
  }

  @Test
  void aListingPrintsBackAsNftListsItWithoutHandles() {
    String plain = WITH_HANDLES.replaceAll(" # handle \\d+", "");
    assertEquals(plain, NftText.print(NftText.parseListing(WITH_HANDLES)));
    assertEquals(plain, NftText.print(NftText.parseListing(plain)));
  }

  @Test
  void whatJsonCannotCarryPrintsBackFromTheListing() {
    String listing = """
        table netdev filter2 {
        \tchain Main_Ingress2 {
        \t\ttype filter hook ingress devices = { dummy0, lo } priority -500; policy accept;
        \t}
        }
        table ip x {
        \tflags dormant

        \tmap y {
        \t\ttype ipv4_addr : interval ipv4_addr
        \t\telements = { 10.141.10.0/24 : 192.168.2.2-192.168.2.4 }
        \t}

        \tset r {
        \t\ttypeof ip daddr . @ih,32,32
        \t\telements = { 1.1.1.1 . 0x14 }
        \t}

        \tct timeout agressive-tcp {
        \t\tprotocol tcp
        \t\tl3proto ip
        \t\tpolicy = { established : 100, close : 4 }
        \t}
        }
        """;
    Ruleset rs = NftText.parseListing(listing);
    assertEquals(List.of("dummy0", "lo"), rs.chains().get(0).base().devices());
    assertNull(rs.chains().get(0).base().device());
    assertEquals(List.of("dormant"), rs.tables().get(1).flags());
    NamedSet y = rs.sets().get(0);
    assertTrue(y.dataInterval());
    assertEquals(List.of(), y.flags());
    NamedSet r = rs.sets().get(1);
    assertInstanceOf(ConcatExpr.class, r.typeof().key());
    assertEquals(List.of("ipv4_addr", "integer"), r.type());
    assertEquals(listing, NftText.print(rs));
  }

  @Test
  void anImportedListingPrintsAsAScriptThatReadsBackToTheSameObjects() {
    String listing = """
        table netdev filter2 {
        \tchain in {
        \t\ttype filter hook ingress devices = { dummy0, lo } priority -500; policy accept;
        \t}
        }
        table inet t {
        \tset s {
        \t\ttypeof ip saddr . @ih,32,32
        \t\tflags interval
        \t\tauto-merge
        \t\tcomment "blocked"
        \t\telements = { 10.0.0.1 . 0x14 }
        \t}

        \tmap y {
        \t\ttype ipv4_addr : interval ipv4_addr
        \t\telements = { 10.141.10.0/24 : 192.168.2.2-192.168.2.4 }
        \t}
        }
        """;
    Batch imported = Builder.fromRuleset(NftText.parseListing(listing)).build();
    String script = NftText.print(imported);
    assertTrue(script.contains("devices = { \"dummy0\", \"lo\" }"), script);
    assertTrue(script.contains("typeof ip saddr . @ih,32,32; flags interval; auto-merge; comment \"blocked\"; "
        + "elements = { 10.0.0.1 . 0x14 }"), script);
    assertTrue(script.contains("type ipv4_addr : interval ipv4_addr;"), script);
    List<NftObject> again = new ArrayList<>();
    for (Command c : NftText.parseRuleset(script).commands()) {
      again.add(c.object());
    }
    List<NftObject> before = new ArrayList<>();
    for (Command c : imported.commands()) {
      before.add(c.object());
    }
    assertEquals(before, again);
  }

  @Test
  void onlyTableBlocksMakeAListing() {
    NftSyntaxException e = assertThrows(NftSyntaxException.class,
        () -> NftText.parseListing("table ip t {\n}\nadd chain ip t c\n"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("a listing holds table blocks only"), e.getMessage());
    assertThrows(NftSyntaxException.class, () -> NftText.parseListing("table ip t {\n\tchain c {\n"));
  }

  @Test
  void aHandleCommentIsOnlyTakenAtTheEndOfItsLine() {
    Ruleset rs = NftText.parseListing("table ip t { # handle 9\n\tchain c {\n\t\taccept comment \"# handle 3\"\n\t}\n}\n");
    assertEquals(9L, rs.tables().get(0).handle());
    assertNull(rs.chains().get(0).handle());
    assertNull(rs.rules().get(0).handle());
    assertEquals("# handle 3", rs.rules().get(0).comment());
    assertEquals(Family.IP, rs.rules().get(0).family());
  }
}
