package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.KernelFeature;
import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class TransparentProxyKernelTest {
  @Test
  void socketMatchAndTproxyInAnIpTable(Nftables nft) {
    assertTrue(nft.capabilities().has(KernelFeature.TPROXY), nft.capabilities().unsupported().toString());
    nft.submit(TransparentProxy.batch());
    Listed.assertLines(nft,
        "table ip tproxy {",
        "chain prerouting {", "type filter hook prerouting priority mangle; policy accept;",
        "socket transparent 1 meta mark set 0x00000001 accept",
        "tcp dport 80 meta mark 0x00000000 tproxy to :8080");
  }
}
