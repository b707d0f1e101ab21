package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class ComplexRulesKernelTest {
  @Test
  void everyPartOfTheChainedRulesIsListedBack(Nftables nft) {
    assertEquals(
        "ip saddr 10.0.0.0/8 tcp dport 22 ct state new limit rate 10/minute burst 5 packets"
            + " log prefix \"SSH_ACCESS: \" level info counter accept",
        ComplexRules.sshAccess().toString());
    nft.submit(ComplexRules.batch());
    // nft leaves the default burst of 5 packets out of its listing.
    Listed.assertLines(nft,
        "chain INPUT {",
        "ip saddr 10.0.0.0/8 tcp dport 22 ct state new limit rate 10/minute log prefix \"SSH_ACCESS: \" level info"
            + " counter packets 0 bytes 0 accept",
        "ip saddr 10.0.0.0/8 drop",
        "ct state established,related accept",
        "ip saddr 192.168.0.0/16 tcp dport 22 ct state established,related limit rate 10/minute"
            + " log prefix \"SSH: \" level info counter packets 0 bytes 0 accept");
    assertEquals(4, nft.listRuleset().rules(ComplexRules.TABLE, ComplexRules.CHAIN).size());
  }
}
