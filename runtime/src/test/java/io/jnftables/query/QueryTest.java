package io.jnftables.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Ruleset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries over a listing snapshot, and the listing repair, without a kernel. */
class QueryTest {
  static Ruleset basic() throws IOException {
    try (InputStream in = QueryTest.class.getResourceAsStream("/listings/basic-inet.json")) {
      return JsonCodec.decodeRuleset(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void filtersByFamilyTableAndChain() throws IOException {
    Query q = Query.of(basic());
    assertEquals(1, q.tables().size());
    assertEquals(1, q.tables(Family.INET).size());
    assertEquals(List.of(), q.tables(Family.IP));
    assertEquals(List.of("input", "foo"), q.chains(Family.INET, "filter").stream().map(Chain::name).toList());
    assertEquals(List.of(), q.chains(Family.INET, "nosuch"));
    assertTrue(q.chain(Family.INET, "filter", "input").orElseThrow().isBase());
    int all = q.rules().size();
    assertEquals(all, q.rules(Family.INET, "filter").size());
    assertEquals(all, q.rules(null, null).size());
    assertEquals(all, q.rules(Family.INET, "filter", "input").size() + q.rules(Family.INET, "filter", "foo").size());
    long h = q.rules(Family.INET, "filter", "input").get(2).handle();
    assertEquals(2, q.indexOf(Family.INET, "filter", "input", h).orElseThrow());
    assertTrue(q.indexOf(Family.INET, "filter", "input", 999).isEmpty());
    assertEquals(List.of(), q.counters());
    assertTrue(q.counter(Family.INET, "filter", "x").isEmpty());
    assertThrows(IllegalStateException.class, () -> q.resetCounters(Family.INET, "filter"));
    assertEquals(q.ruleset(), q.snapshot().ruleset());
  }

  @Test
  void quotaUsage() {
    QuotaUsage u = new QuotaUsage(Family.INET, "t", "q", 100, 30, false);
    assertEquals(70, u.remaining());
    assertTrue(!u.exceeded());
    assertEquals(0, new QuotaUsage(Family.INET, "t", "q", 100, 130, true).remaining());
    assertTrue(new QuotaUsage(Family.INET, "t", "q", 100, 130, true).exceeded());
  }

  @Test
  void theDeviceNft106LeavesOutOfItsJsonIsTakenFromItsText() {
    Chain noDev = new Chain(Family.NETDEV, "x", "in", new BaseChain(ChainType.FILTER, Hook.INGRESS, 0, Policy.ACCEPT, List.of()), 1L);
    Ruleset json = new Ruleset(List.of(noDev));
    String text = "table netdev x {\n\tchain in {\n\t\ttype filter hook ingress device \"lo\" priority filter; policy accept;\n\t}\n}\n";
    Ruleset fixed = Listings.repair(json, text);
    assertEquals("lo", ((Chain) fixed.objects().get(0)).base().device());
    String two = "table netdev x {\n\tchain in {\n\t\ttype filter hook ingress devices = { dummy0, lo } priority -500; policy accept;\n\t}\n}\n";
    assertEquals(List.of("dummy0", "lo"), ((Chain) Listings.repair(json, two).objects().get(0)).base().devices());
    assertEquals(null, ((Chain) Listings.repair(json, two).objects().get(0)).base().device());
  }
}
