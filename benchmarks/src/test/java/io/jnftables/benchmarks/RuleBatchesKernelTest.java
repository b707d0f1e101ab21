package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnftables.client.Nftables;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.Selector;
import io.jnftables.netns.NetnsTarget;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The decoding benchmark's listing is what the kernel really lists for the batch, byte for byte. */
@Tag("kernel")
class RuleBatchesKernelTest {
  @Test
  void theProducedListingIsExactlyWhatNftListsForTheBatch() {
    int n = 300; // crosses the 10.0.x / 10.1.x boundary of the addresses
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(RuleBatches.typed(n));
      String listed = nft.runJson(JsonCodec.encodeToString(List.of(Command.list(Selector.RULESET))));
      assertEquals(RuleBatches.listing(n), listed.strip());
    }
  }
}
