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
class PortVerdictMapKernelTest {
  @Test
  void portsMapToVerdictsAndAnEntryChangesWithoutTheRule(Nftables nft) {
    nft.submit(PortVerdictMap.batch());
    Listed.assertLines(nft,
        "map port_verdict {", "type inet_service : verdict", "elements = { 80 : accept, 443 : accept, 8080 : drop }",
        "chain INPUT {", "tcp dport vmap @port_verdict");
    NamedSet map = Query.of(nft).maps(Family.INET, PortVerdictMap.TABLE).get(0);
    assertEquals(List.of("inet_service"), map.type());
    assertEquals("verdict", map.mapType());
    assertEquals(3, map.elements().size());

    nft.submit(PortVerdictMap.open8080());
    Listed.assertLines(nft, "elements = { 80 : accept, 443 : accept, 8080 : accept }", "tcp dport vmap @port_verdict");
  }
}
