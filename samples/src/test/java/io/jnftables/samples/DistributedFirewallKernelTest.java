package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.Nftables;
import io.jnftables.json.JsonDecodingException;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class DistributedFirewallKernelTest {
  @Test
  void builtOnceAppliedOnTwoNodesTheyListTheSame(Nftables nodeA, Nftables nodeB, @TempDir Path dir) throws Exception {
    Path file = DistributedFirewall.export(DistributedFirewall.batch(), dir.resolve("firewall.json"));
    String json = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(DistributedFirewall.batch().toJson(), json);

    Ruleset a = DistributedFirewall.applyRaw(nodeA, json);
    Ruleset b = DistributedFirewall.applyTyped(nodeB, json);
    assertEquals(withoutHandles(a), withoutHandles(b));
    assertEquals(3, a.rules().size());
    for (Nftables node : List.of(nodeA, nodeB)) {
      Listed.assertLines(node,
          "set blocklist {", "type ipv4_addr", "elements = { 1.2.3.4, 5.6.7.8 }",
          "chain INPUT {", "type filter hook input priority filter; policy drop;",
          "ip saddr 127.0.0.1 accept",
          "ip saddr @blocklist drop",
          "tcp dport 22 ct state new limit rate 10/minute accept");
    }
  }

  @Test
  void theTypedShimRefusesAMalformedDocumentBeforeTheKernel(Nftables node) {
    String broken = DistributedFirewall.batch().toJson().replace("\"chain\":\"INPUT\"", "\"chain\":42");
    JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> DistributedFirewall.applyTyped(node, broken));
    assertTrue(e.path().startsWith("$.nftables["), e.path());
    assertTrue(node.listRuleset().tables().isEmpty());
  }

  private static List<Rule> withoutHandles(Ruleset rs) {
    return rs.rules().stream().map(Rule::withoutHandle).toList();
  }
}
