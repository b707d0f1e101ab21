package io.jnftables.samples;

import io.jnftables.client.Nftables;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;

/**
 * The main job: applies {@link BasicFirewall} in a throwaway network namespace (this machine's
 * own firewall is never touched) and prints what the kernel lists back. Needs root.
 */
public final class ApplyBasicFirewall {
  private ApplyBasicFirewall() {}

  public static void main(String[] args) {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      System.out.println("# batch sent to libnftables:");
      System.out.println(BasicFirewallRuleset.toJson());
      nft.submit(BasicFirewallRuleset.toBatch());

      Ruleset listed = nft.listRuleset();
      System.out.printf(
          "# the kernel lists back %d table(s), %d chain(s), %d rule(s) in a throwaway namespace:%n",
          listed.tables().size(), listed.chains().size(), listed.rules().size());
      System.out.print(nft.listRulesetText());
    }
  }
}
