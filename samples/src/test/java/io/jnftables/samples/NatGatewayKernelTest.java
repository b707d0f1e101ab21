package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class NatGatewayKernelTest {
  @Test
  void masqueradePortForwardSourceAndStaticNat(Nftables nft) {
    nft.submit(NatGateway.batch());
    Listed.assertLines(nft,
        "table ip nat {",
        "chain prerouting {", "type nat hook prerouting priority dstnat; policy accept;",
        "iifname \"eth0\" tcp dport 8080 dnat to 10.0.0.10:80",
        "ip daddr 203.0.113.100 dnat to 192.168.1.100",
        "chain postrouting {", "type nat hook postrouting priority srcnat; policy accept;",
        "ip saddr 192.168.1.100 snat to 203.0.113.100",
        "ip saddr 10.0.0.0/24 oifname \"eth0\" snat to 203.0.113.1",
        "oifname \"eth0\" masquerade");
    assertEquals(5, nft.listRuleset().rules().size());
  }
}
