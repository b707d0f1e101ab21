package io.jnftables.samples;

import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class ConnectionTrackingKernelTest {
  @Test
  void conntrackMatchesAndTheConnectionLimit(Nftables nft) {
    nft.submit(ConnectionTracking.batch());
    Listed.assertLines(nft,
        "chain INPUT {",
        "ct state established,related accept",
        "ct state invalid drop",
        "tcp dport 80 ct state new ct count over 100 drop",
        "chain FORWARD {",
        "ct bytes > 1000000 log prefix \"LARGE_TRANSFER: \" accept",
        "ct status dnat accept");
  }
}
