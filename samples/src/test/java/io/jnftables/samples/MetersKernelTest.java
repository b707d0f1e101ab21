package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnftables.annotations.Family;
import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.model.NamedSet;
import io.jnftables.query.Query;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class MetersKernelTest {
  @Test
  void perKeyLimitersInDynamicSets(Nftables nft) {
    nft.submit(Meters.batch());
    Listed.assertLines(nft,
        "set ssh_limits {", "type ipv4_addr", "flags dynamic,timeout", "timeout 1m",
        "set conn_limits {", "type ipv4_addr . inet_service", "flags dynamic,timeout", "timeout 30s",
        "chain INPUT {",
        "update @ssh_limits { ip saddr limit rate 3/minute } tcp dport 22 accept",
        "add @conn_limits { ip saddr . tcp dport limit rate 10/second } accept");
    NamedSet conn = Query.of(nft).set(Family.INET, Meters.TABLE, "conn_limits").orElseThrow();
    assertEquals(List.of("ipv4_addr", "inet_service"), conn.type());
  }
}
