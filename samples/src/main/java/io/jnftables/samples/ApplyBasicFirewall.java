package io.jnftables.samples;

import io.jnftables.client.Nftables;
import io.jnftables.model.Ruleset;

/**
 * The main job: applies {@link BasicFirewall} in a throwaway network namespace (this machine's
 * own firewall is never touched), or in the namespace named by the first argument ({@code ip netns
 * add NAME}), and prints what the kernel lists back. Needs root.
 */
public final class ApplyBasicFirewall {
  private ApplyBasicFirewall() {}

  public static void main(String[] args) {
    try (Nftables nft = SampleRunner.open(args)) {
      System.out.println("# batch sent to libnftables:");
      System.out.println(BasicFirewallRuleset.toJson());
      nft.submit(BasicFirewallRuleset.toBatch());

      Ruleset listed = nft.listRuleset();
      System.out.printf(
          "# the kernel lists back %d table(s), %d chain(s), %d rule(s) in %s:%n",
          listed.tables().size(), listed.chains().size(), listed.rules().size(),
          args.length > 0 ? "namespace " + args[0] : "a throwaway namespace");
      System.out.print(nft.listRulesetText());
    }
  }
}
