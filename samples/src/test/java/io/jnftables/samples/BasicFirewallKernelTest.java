package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.Nftables;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Chain;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The generated BasicFirewallRuleset, applied in a fresh namespace, is what the kernel lists back. */
@Tag("kernel")
class BasicFirewallKernelTest {
  @Test
  void theKernelListsBackExactlyThePolicy() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(BasicFirewallRuleset.toBatch());
      Ruleset listed = nft.listRuleset();
      assertEquals(0, listed.rawCount());

      List<Chain> chains = listed.chains().stream().map(Chain::withoutHandle).toList();
      List<Object> declared = BasicFirewallRuleset.toBatch().commands().stream()
          .map(c -> (Object) c.object()).filter(o -> o instanceof Chain).toList();
      assertEquals(declared, chains);

      // The statements the processor generated are the statements the kernel holds.
      List<Rule> expected =
          BasicFirewallRuleset.toBatch().commands().stream()
              .map(c -> c.object())
              .filter(o -> o instanceof Rule)
              .map(o -> (Rule) o)
              .toList();
      assertEquals(expected, listed.rules().stream().map(Rule::withoutHandle).toList());

      String text = nft.listRulesetText();
      assertTrue(text.contains("type filter hook input priority filter; policy drop;"), text);
      assertTrue(text.contains("iifname \"lo\" accept"), text);
      assertTrue(text.contains("ct state established,related accept"), text);
      assertTrue(text.contains("ct state invalid drop"), text);
      assertTrue(text.contains("tcp dport { 22, 80, 443 } accept"), text);
    }
  }

  @Test
  void theGeneratedJsonIsTheBatchJson() {
    assertEquals(BasicFirewallRuleset.toBatch().toJson(), BasicFirewallRuleset.toJson());
    assertEquals(
        // add table, delete table, add table: an atomic replace of the owned table, even on re-apply
        List.of("table", "table", "table", "chain", "rule", "rule", "rule", "rule"),
        JsonCodec.decodeCommands(BasicFirewallRuleset.toJson()).stream()
            .map(c -> c.object().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
            .toList());
  }
}
