package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.model.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Methods that need the kernel are tagged "kernel"; the others check JSON and refusals without it. */
@ExtendWith(NftablesExtension.class)
class RawCommandsKernelTest {
  @Tag("kernel")
  @Test
  void rawJsonAndNftTextGoThroughAsTheyAre(Nftables nft) {
    assertEquals("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"custom\"}}}]}",
        RawCommands.jsonDocument());
    nft.runJson(RawCommands.jsonDocument());
    assertEquals("custom", nft.listRuleset().tables().get(0).name());

    nft.runText(RawCommands.NFT_TEXT);
    Listed.assertLines(nft, "table inet custom {", "chain input {",
        "type filter hook input priority filter; policy accept;", "tcp dport 22 accept");

    String tables = nft.runJson(RawCommands.listTablesDocument());
    assertTrue(tables.contains("\"name\": \"custom\""), tables);
  }

  @Test
  void rawInputDecodesToTheTypedBatch() {
    assertEquals(Batch.builder().add(Table.of(Family.INET, "custom")).build(), RawCommands.batch());
    assertEquals(RawCommands.batch(), Batch.parse("add table inet custom"));
  }

  @Tag("kernel")
  @Test
  void nftsRefusalComesBackAsAnException(Nftables nft) {
    NftablesException e = assertThrows(NftablesException.class, () -> nft.runText("add chain inet nosuch input"));
    assertTrue(e.nftMessage().contains("No such file or directory"), e.nftMessage());
  }
}
