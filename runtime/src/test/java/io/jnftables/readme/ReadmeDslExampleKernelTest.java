package io.jnftables.readme;

import static io.jnftables.dsl.Expr.ctState;
import static io.jnftables.dsl.Expr.iifname;
import static io.jnftables.dsl.Expr.ip;
import static io.jnftables.dsl.Expr.ref;
import static io.jnftables.dsl.Expr.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.SetSpec;
import io.jnftables.client.Nftables;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.Per;
import io.jnftables.model.BaseChain;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.query.Query;
import io.jnftables.state.Drift;
import io.jnftables.state.DriftReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's "Rules in Java" example, verbatim, so the README cannot drift from the API. */
@Tag("kernel")
class ReadmeDslExampleKernelTest {
  @Test
  void theReadmeExampleAppliesAndIsInSync() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      Batch batch = Builder.create(Family.INET)
          .addTable("filter")
          .addSet("blocklist", SetSpec.of("ipv4_addr").flags("interval"))
          .addElements("10.0.0.0/8", "192.168.1.100")
          .addChain("input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP))
          .addRule(iifname("lo").accept())
          .addRule(ctState(CtState.ESTABLISHED, CtState.RELATED).accept())
          .addRule(ip().saddr(ref("blocklist")).drop())
          .addRule(tcp().dport(22).ctState(CtState.NEW).limit(10, Per.MINUTE).accept())
          .build();
      nft.submit(batch);

      Query q = Query.of(nft);
      assertEquals(4, q.rules(Family.INET, "filter", "input").size());
      DriftReport drift = Drift.diff(Drift.canonical(batch), q.ruleset());
      assertTrue(drift.inSync(), drift.toString());
      String text = nft.listRulesetText();
      assertTrue(text.contains("ip saddr @blocklist drop"), text);
      assertTrue(text.contains("tcp dport 22 ct state new limit rate 10/minute"), text);
    }
  }
}
