package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.NftErrno;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.validate.InvalidValueException;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class IpBlocklistKernelTest {
  @Test
  void theSetIsFedAndPrunedWithoutTouchingTheRules(Nftables nft) {
    nft.submit(IpBlocklist.batch());
    assertEquals(Set.copyOf(IpBlocklist.MALICIOUS), Set.copyOf(IpBlocklist.blocked(nft)));
    String text = Listed.assertLines(nft,
        "set blocklist {", "type ipv4_addr", "flags timeout",
        "chain INPUT {", "type filter hook input priority filter; policy accept;",
        "ip saddr 203.0.113.7 drop",
        "ip saddr @blocklist counter packets 0 bytes 0 drop");
    assertTrue(text.contains("172.16.5.50 timeout 1h expires "), text);
    assertTrue(text.contains("comment \"port scan\""), text);

    nft.submit(IpBlocklist.block("198.51.100.23"));
    nft.submit(IpBlocklist.unblock("192.168.1.100"));
    assertEquals(Set.of("10.0.0.99", "172.16.5.50", "198.51.100.23"), Set.copyOf(IpBlocklist.blocked(nft)));
    assertEquals(2, nft.listRuleset().rules("filter", "INPUT").size());
  }

  @Test
  void badAddressesAreRefusedBeforeAndMissingOnesByTheKernel(Nftables nft) {
    InvalidValueException bad = assertThrows(InvalidValueException.class, () -> IpBlocklist.block("10.0.0.256"));
    assertTrue(bad.getMessage().contains("10.0.0.256"), bad.getMessage());

    nft.submit(IpBlocklist.batch());
    NftablesException e = assertThrows(NftablesException.class, () -> nft.submit(IpBlocklist.unblock("203.0.113.99")));
    assertEquals(NftErrno.ENOENT, e.errno(), e.getMessage());
    assertEquals(Set.copyOf(IpBlocklist.MALICIOUS), Set.copyOf(IpBlocklist.blocked(nft)));
  }
}
