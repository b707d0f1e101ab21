package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnftables.client.Nftables;
import io.jnftables.dsl.OsfTtl;
import io.jnftables.junit.NftablesExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Methods that need the kernel are tagged "kernel"; the others check JSON and refusals without it. */
@ExtendWith(NftablesExtension.class)
class OsFingerprintingKernelTest {
  @Tag("kernel")
  @Test
  void osfRulesLoadWithoutTheFingerprintDatabase(Nftables nft) {
    nft.submit(OsFingerprinting.batch());
    Listed.assertLines(nft,
        "chain osf {",
        "tcp dport 22 osf name \"Linux\" limit rate 10/minute accept",
        "osf name \"Windows\" limit rate 10/second accept",
        "osf name \"unknown\" log prefix \"Unknown OS blocked: \" drop",
        "osf ttl skip name \"Linux\" meta mark set 0x00000001",
        "osf ttl skip name \"Windows\" meta mark set 0x00000002",
        "osf ttl skip name \"MacOS\" meta mark set 0x00000003");
  }

  @Test
  void theSeedsStrictTtlOptionDoesNotExistInNft106() {
    // strict is nft's default (no ttl option); the seed's ttl: :strict was refused by nft.
    assertEquals(List.of("LOOSE", "SKIP"), Arrays.stream(OsfTtl.values()).map(Enum::name).toList());
  }
}
