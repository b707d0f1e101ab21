package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jnftables.annotations.Family;
import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.model.NamedLimit;
import io.jnftables.query.CounterValue;
import io.jnftables.query.Query;
import io.jnftables.query.QuotaUsage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class NamedObjectsKernelTest {
  @Test
  void objectsAreReferencedByNameAndQueriedOnTheirOwn(Nftables nft) {
    nft.submit(NamedObjects.batch());
    Listed.assertLines(nft,
        "counter http_traffic {", "packets 0 bytes 0",
        "quota monthly_limit {", "1000000000 bytes",
        "limit ssh_limit {", "rate 10/minute",
        "chain INPUT {", "tcp dport 80 counter name \"http_traffic\" accept", "tcp dport 22 limit name \"ssh_limit\" accept",
        "chain OUTPUT {", "quota name \"monthly_limit\" accept");

    CounterValue http = NamedObjects.httpTraffic(nft);
    assertEquals(new CounterValue(Family.INET, "filter", "http_traffic", 0, 0), http);
    QuotaUsage quota = NamedObjects.monthlyLimit(nft);
    assertEquals(1_000_000_000L, quota.bytes());
    assertEquals(0, quota.used());
    assertEquals(1_000_000_000L, quota.remaining());
    assertFalse(quota.exceeded());
    List<NamedLimit> limits = Query.of(nft).limits(Family.INET, "filter");
    assertEquals(1, limits.size());
    assertEquals("ssh_limit", limits.get(0).name());
    assertEquals(10L, limits.get(0).rate());
    assertEquals("minute", limits.get(0).per());
    assertEquals(5L, limits.get(0).burst());
  }
}
