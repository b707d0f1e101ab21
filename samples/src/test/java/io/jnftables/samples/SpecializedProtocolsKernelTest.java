package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.validate.UnsupportedFeatureException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Methods that need the kernel are tagged "kernel"; the others check JSON and refusals without it. */
@ExtendWith(NftablesExtension.class)
class SpecializedProtocolsKernelTest {
  @Tag("kernel")
  @Test
  void sctpDccpAndGre(Nftables nft) {
    nft.submit(SpecializedProtocols.batch());
    Listed.assertLines(nft,
        "chain protocols {",
        "sctp dport 9899 accept",
        "dccp sport 5000 dccp dport 6000 log prefix \"DCCP traffic: \" accept",
        "meta l4proto gre ip saddr 10.0.0.1 accept",
        "sctp dport 9000-9999 counter packets 0 bytes 0");
  }

  @Test
  void theSeedsGreHeaderFieldsAreRefusedWithTheReason() {
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, SpecializedProtocols::seedGreRule);
    assertTrue(e.getMessage().contains("nft 1.0.6 has no GRE header fields"), e.getMessage());
    assertTrue(e.getMessage().contains("1.0.7"), e.getMessage());
  }
}
