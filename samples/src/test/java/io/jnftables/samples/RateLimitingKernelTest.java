package io.jnftables.samples;

import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class RateLimitingKernelTest {
  @Test
  void packetAndByteRatesUnderAndOver(Nftables nft) {
    nft.submit(RateLimiting.batch());
    Listed.assertLines(nft,
        "chain INPUT {",
        "ip saddr 192.168.1.100 tcp dport 22 limit rate 10/minute log prefix \"SSH_ATTACK: \" drop",
        "tcp dport 22 ct state new limit rate 10/minute accept",
        "icmp type echo-request limit rate over 10/second drop",
        "tcp dport 873 limit rate 2 mbytes/second accept");
  }
}
