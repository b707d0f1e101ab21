package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.Nftables;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Proof with packets: BasicFirewall on a server namespace lets SSH in and keeps 2323 out. */
@Tag("kernel")
class BasicFirewallPacketTest {
  @Test
  void sshConnectsAndAnUnlistedPortTimesOut() {
    try (TwoHosts hosts = new TwoHosts()) {
      hosts.listen(22);
      hosts.listen(2323);
      // Without a firewall both ports answer: what follows is the firewall's doing.
      assertTrue(hosts.connects(22, 2000), "port 22 before the firewall");
      assertTrue(hosts.connects(2323, 2000), "port 2323 before the firewall");

      try (Nftables nft = Nftables.open(NetnsTarget.named(hosts.server))) {
        nft.submit(BasicFirewallRuleset.toBatch());
        Ruleset listed = nft.listRuleset();
        assertEquals(4, listed.rules("filter", "input").size());
      }

      assertTrue(hosts.connects(22, 2000), "port 22 is allowed by the firewall");
      assertFalse(hosts.connects(2323, 700), "port 2323 must be dropped (connect times out)");
    }
  }
}
