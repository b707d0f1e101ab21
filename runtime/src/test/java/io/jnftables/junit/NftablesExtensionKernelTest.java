package io.jnftables.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.ForeignTableException;
import io.jnftables.client.HelperExecutor;
import io.jnftables.client.Nftables;
import io.jnftables.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as a user would use it: injected clients, each in its own fresh namespace. */
@Tag("kernel")
@ExtendWith(NftablesExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NftablesExtensionKernelTest {
  private static Nftables shared;
  private static final List<Nftables> perMethod = new ArrayList<>();
  private static final List<String> namespaces = new ArrayList<>();

  @BeforeAll
  static void classScoped(Nftables nft) {
    shared = nft;
    shared.submit(Batch.builder().add(Table.of(Family.INET, "shared")).build());
  }

  @Test
  @Order(1)
  void methodParameterGetsAFreshNamespace(Nftables nft) throws IOException {
    perMethod.add(nft);
    namespaces.add(Files.readSymbolicLink(nft.netnsPath().orElseThrow()).toString());
    assertEquals(List.of(), nft.listRuleset().tables()); // not the class-scoped one's namespace
    nft.submit(Batch.builder().add(Table.of(Family.INET, "mine")).build());
    assertEquals(1, nft.listRuleset().tables().size());
    assertEquals(1, shared.listRuleset().tables().size());
  }

  @Test
  @Order(2)
  void configuredByTheAnnotation(
      @FreshNftables(backend = Nftables.Backend.HELPER, ownTables = "inet filter") Nftables nft) throws IOException {
    perMethod.add(nft);
    namespaces.add(Files.readSymbolicLink(nft.netnsPath().orElseThrow()).toString());
    assertTrue(nft.executor() instanceof HelperExecutor);
    nft.submit(Batch.builder().add(Table.of(Family.INET, "filter")).build());
    assertThrows(ForeignTableException.class, () -> nft.submit(Batch.builder().add(Table.of(Family.INET, "x")).build()));
  }

  @Test
  @Order(3)
  void previousClientsWereClosedAfterTheirMethod() {
    assertEquals(2, perMethod.size());
    assertNotEquals(namespaces.get(0), namespaces.get(1));
    for (Nftables nft : perMethod) {
      assertThrows(RuntimeException.class, nft::listRuleset); // closed
    }
    assertEquals(1, shared.listRuleset().tables().size()); // the class-scoped one lives on
  }

  @AfterAll
  static void classScopedStillOpenUntilAfterAll() {
    assertFalse(shared.listRuleset().tables().isEmpty());
  }
}
