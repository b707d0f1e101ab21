package io.jnftables.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.Nftables;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.policy.Nat;
import io.jnftables.policy.Policies;
import io.jnftables.policy.Service;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's "Policy and NAT helpers" example, verbatim, so the README cannot drift from the API. */
@Tag("kernel")
class ReadmePolicyExampleKernelTest {
  @Test
  void theReadmeExampleApplies() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      Policies.setupBasicFirewall(nft, Policies.basicFirewall()          // inet filter input, policy drop:
          .allow(Service.SSH, Service.HTTP, Service.DNS)                  // lo, established, invalid, IPv6 ND,
          .sshRateLimit(10));                                             // ct state new limit rate 10/minute

      Batch nat = Builder.create(Family.INET)
          .pipe(Nat.setup("nat"))                                         // table + prerouting/postrouting
          .pipe(Nat.masquerade("eth0"))
          .pipe(Nat.portForward(8080, "10.0.0.10", 80))                   // tcp dport 8080 dnat ip to 10.0.0.10:80
          .pipe(Nat.portForward(8080, "fd00::10", 80))                    // … dnat ip6 to [fd00::10]:80
          .pipe(Nat.staticNat("203.0.113.100", "192.168.1.100"))
          .build();
      nft.submit(nat);

      assertEquals(7, nft.listRuleset().rules("filter", "input").size());
      assertEquals(5, nft.listRuleset().rules().size() - 7);
      String text = nft.listRulesetText();
      assertTrue(text.contains("tcp dport 22 ct state new limit rate 10/minute accept"), text);
      assertTrue(text.contains("tcp dport 8080 dnat ip to 10.0.0.10:80"), text);
      assertTrue(text.contains("tcp dport 8080 dnat ip6 to [fd00::10]:80"), text);
      assertTrue(text.contains("ip saddr 192.168.1.100 snat ip to 203.0.113.100"), text);
    }
  }
}
