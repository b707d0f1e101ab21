package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.model.Chain;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.query.Query;
import io.jnftables.text.NftText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full-fidelity paths of the client, each in a fresh network namespace: listings read from
 * nft's text ({@link Fidelity#TEXT}) and batches sent as nft text ({@link CallOptions#asText()}).
 */
@Tag("kernel")
class FidelityKernelTest {
  /** What nft 1.0.6 cannot take or give back as JSON: typeof, auto-merge, comments, synproxy objects, two devices. */
  private static final String POLICY = """
      table inet t {
      \tcomment "edge"
      \tsynproxy sp {
      \t\tmss 1460
      \t\twscale 7
      \t}

      \tset blocked {
      \t\ttypeof ip saddr
      \t\tflags interval
      \t\tauto-merge
      \t\tcomment "fed by the app"
      \t\telements = { 10.0.0.0/8 }
      \t}

      \tmap marks {
      \t\ttypeof iifname : meta mark
      \t\telements = { "lo" : 0x00000001 }
      \t}

      \tchain in {
      \t\tcomment "entry"
      \t\ttype filter hook input priority filter; policy accept;
      \t\tip saddr @blocked drop
      \t}
      }
      table netdev n {
      \tchain ing {
      \t\ttype filter hook ingress devices = { dummy0, lo } priority -500; policy accept;
      \t}
      }
      """;

  @Test
  void aTextListingCarriesWhatTheJsonListingLosesWithTheSameHandles() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(NftText.parseRuleset(POLICY), CallOptions.defaults().asText());
      assertEquals(POLICY, nft.listRulesetText());

      Ruleset text = nft.listRuleset(Fidelity.TEXT);
      Ruleset json = nft.listRuleset(Fidelity.JSON);
      NamedSet blocked = text.sets().get(0);
      assertEquals(new NamedSet.Typeof(new PayloadExpr("ip", "saddr"), null), blocked.typeof());
      assertTrue(blocked.autoMerge());
      assertEquals("fed by the app", blocked.comment());
      assertEquals(new MetaExpr("mark"), text.sets().get(1).typeof().data());
      assertEquals("edge", text.tables().get(0).comment());
      assertEquals(List.of("dummy0", "lo"), text.chains().get(1).base().devices());
      assertEquals(1, text.objects(NamedSynproxy.class).size());
      // what JSON gives: no typeof, no auto-merge, no devices
      assertNull(json.sets().get(0).typeof());
      assertTrue(json.chains().stream().allMatch(c -> c.base() == null || c.base().devices().isEmpty()));

      assertEquals(handles(json), handles(text));
      assertTrue(handles(text).stream().allMatch(h -> java.util.Objects.requireNonNullElse(h, 0L) > 0), "every object has a kernel handle, from 1: " + handles(text));
      // the same listing through Query, and one table of it
      assertEquals(text, Query.of(nft, Fidelity.TEXT).ruleset());
      Ruleset one = nft.list(Listing.table(Family.NETDEV, "n"), Fidelity.TEXT, CallOptions.defaults());
      assertEquals(List.of("n"), one.tables().stream().map(Table::name).toList());
    }
  }

  @Test
  void aTextImportAppliedAsTextRecreatesTheListing() {
    String listing;
    Batch imported;
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.runText(POLICY);
      listing = nft.listRulesetText();
      imported = Builder.fromRuleset(nft.listRuleset(Fidelity.TEXT)).build();
    }
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(imported, CallOptions.defaults().asText());
      assertEquals(listing, nft.listRulesetText());
    }
    // the same import as JSON: nft 1.0.6 refuses the synproxy object
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      NftablesException e = assertThrows(NftablesException.class, () -> nft.submit(imported));
      assertTrue(e.nftMessage().contains("Unknown object"), e.nftMessage());
    }
  }

  @Test
  void aTextBatchThatFailsNamesTheFailingCommandAndChangesNothing() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      Batch bad = NftText.parseRuleset("""
          add table inet t
          add chain inet t c
          add rule inet t nosuch accept
          add chain inet t d
          """);
      NftablesException e = assertThrows(NftablesException.class,
          () -> nft.submit(bad, CallOptions.defaults().asText()));
      assertEquals(2, e.commandIndex().orElse(-1), e.getMessage());
      assertEquals(NftErrno.ENOENT, e.errno(), e.getMessage());
      assertEquals(bad.commands().get(2), e.command().orElseThrow());
      assertTrue(e.getMessage().contains("at command 2 (add"), e.getMessage());
      // nft 1.0.6 quotes the script's first line for any error in text read from memory; we quote the failing one
      assertTrue(e.getMessage().endsWith("\nadd rule inet t nosuch accept"), e.getMessage());
      assertEquals(0, nft.listRuleset().tables().size());

      // refused by nft's evaluation, before the kernel
      Batch wrong = NftText.parseRuleset("add table inet t\nadd set inet t s { type ipv4_addr; }\n"
          + "add element inet t s { 10.0.0.0/8 }\n");
      NftablesException e2 = assertThrows(NftablesException.class,
          () -> nft.submit(wrong, CallOptions.defaults().asText()));
      assertEquals(2, e2.commandIndex().orElse(-1), e2.getMessage());
      assertEquals(0, nft.listRuleset().tables().size());
    }
  }

  @Test
  void aTextCheckChangesNothingAndTextHandlesMatchTheListing() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      Batch batch = NftText.parseRuleset(POLICY);
      nft.check(batch, CallOptions.defaults().asText());
      assertEquals(0, nft.listRuleset().tables().size());
      assertThrows(NftablesException.class, () -> nft.check(batch)); // JSON: synproxy refused

      SubmitResult r = nft.submit(batch, CallOptions.defaults().asText().withHandles());
      Ruleset listed = nft.listRuleset(Fidelity.TEXT);
      List<Long> fromEcho = new ArrayList<>();
      for (SubmitResult.Added a : r.added()) {
        NftObject o = a.command().object();
        if (o instanceof Rule || o instanceof Chain || o instanceof NamedSet || o instanceof Table) {
          fromEcho.add(a.handle()); // a missing handle (null) cannot equal the listing's below
        }
      }
      List<Long> fromListing = new ArrayList<>();
      for (NftObject o : listed.objects()) {
        if (o instanceof Rule || o instanceof Chain || o instanceof NamedSet || o instanceof Table) {
          fromListing.add(handle(o));
        }
      }
      fromEcho.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
      fromListing.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
      assertEquals(fromListing, fromEcho);
    }
  }

  /** The handles of every object of a listing, sorted (null for objects without one). */
  private static List<Long> handles(Ruleset rs) {
    List<Long> out = new ArrayList<>();
    for (NftObject o : rs.objects()) {
      if (!(o instanceof io.jnftables.model.Metainfo)) {
        out.add(handle(o));
      }
    }
    out.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
    return out;
  }

  private static Long handle(NftObject o) {
    if (o instanceof Table t) {
      return t.handle();
    } else if (o instanceof Chain c) {
      return c.handle();
    } else if (o instanceof Rule r) {
      return r.handle();
    } else if (o instanceof NamedSet s) {
      return s.handle();
    } else if (o instanceof NamedSynproxy s) {
      return s.handle();
    }
    return null;
  }
}
