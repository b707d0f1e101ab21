package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.state.Backup;
import io.jnftables.state.Difference;
import io.jnftables.state.DriftReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class RoundTripKernelTest {
  @Test
  void importModifyReapplyDriftDeleteByHandleAndRestore(Nftables nft, @TempDir Path dir) {
    nft.submit(RoundTrip.batch());
    List<String> policy = RoundTrip.inputRules(nft);
    assertEquals(4, policy.size());
    assertTrue(RoundTrip.drift(nft).inSync());
    Path backup = dir.resolve("firewall.nft");
    Backup.save(nft, backup, RoundTrip.OWNED);

    nft.submit(RoundTrip.importModifyReapply(nft.listRuleset()));
    List<String> modified = RoundTrip.inputRules(nft);
    assertEquals(5, modified.size(), modified.toString());
    assertEquals(policy, modified.subList(0, 4));
    assertEquals("rule inet filter input ip saddr 192.168.1.100 drop", modified.get(4));

    long handle = RoundTrip.addRule(nft);
    assertEquals("rule inet filter input ip saddr 10.0.0.0/8 accept", RoundTrip.inputRules(nft).get(5));
    DriftReport drift = RoundTrip.drift(nft);
    assertFalse(drift.inSync());
    assertEquals(2, drift.differences().size(), drift.differences().toString());
    assertTrue(drift.differences().stream().allMatch(d -> d.kind() == Difference.Kind.EXTRA), drift.differences().toString());

    RoundTrip.deleteRule(nft, handle);
    assertEquals(modified, RoundTrip.inputRules(nft));

    Backup.restore(nft, backup, RoundTrip.OWNED);
    assertEquals(policy, RoundTrip.inputRules(nft));
    assertTrue(RoundTrip.drift(nft).inSync());
  }
}
