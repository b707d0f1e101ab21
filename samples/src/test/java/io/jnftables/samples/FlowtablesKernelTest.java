package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.batch.Batch;
import io.jnftables.client.KernelFeature;
import io.jnftables.client.NftErrno;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.validate.InvalidValueException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Methods that need the kernel are tagged "kernel"; the others check JSON and refusals without it. */
@ExtendWith(NftablesExtension.class)
class FlowtablesKernelTest {
  @Test
  void theJsonIsWhatLibnftablesExpects() throws Exception {
    JsonNode commands = new ObjectMapper().readTree(Flowtables.batch("lo", "veth0").toJson()).get("nftables");
    assertEquals(4, commands.size());
    JsonNode ft = commands.get(1).get("add").get("flowtable");
    assertEquals("inet", ft.get("family").asText());
    assertEquals("filter", ft.get("table").asText());
    assertEquals("fastpath", ft.get("name").asText());
    assertEquals("ingress", ft.get("hook").asText());
    assertEquals(0, ft.get("prio").asInt());
    assertEquals("[\"lo\",\"veth0\"]", ft.get("dev").toString());

    JsonNode rule = commands.get(3).get("add").get("rule");
    assertEquals("forward", rule.get("chain").asText());
    JsonNode flow = rule.get("expr").get(1).get("flow");
    assertEquals("add", flow.get("op").asText());
    assertEquals("@fastpath", flow.get("flowtable").asText());
  }

  @Test
  void aBadDeviceNameIsRefusedBeforeSending() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Flowtables.batch("averyverylongifname"));
    assertTrue(e.getMessage().contains("interface name"), e.getMessage());
  }

  @Tag("kernel")
  @Test
  void aKernelWithoutFlowtablesRefusesTheBatchWholeAndSaysWhichCommand(Nftables nft) {
    Batch batch = Flowtables.batch("lo");
    if (nft.capabilities().has(KernelFeature.FLOWTABLE)) {
      // A kernel with nf_flow_table loads it as is.
      nft.submit(batch);
      Listed.assertLines(nft, "flowtable fastpath {", "chain forward {", "ct state established,related flow add @fastpath");
      return;
    }
    assertTrue(nft.capabilities().unsupported().get(KernelFeature.FLOWTABLE).contains("No such file or directory"),
        nft.capabilities().unsupported().toString());
    NftablesException e = assertThrows(NftablesException.class, () -> nft.submit(batch));
    assertEquals(NftErrno.ENOENT, e.errno(), e.getMessage());
    assertEquals(1, e.commandIndex().orElseThrow(), e.getMessage());
    assertTrue(e.getMessage().contains("add flowtable inet filter fastpath"), e.getMessage());
    // One transaction: the table before the flowtable was not left behind.
    assertTrue(nft.listRuleset().tables().isEmpty());
  }
}
