package io.jnftables.junit;

import io.jnftables.annotations.Family;
import io.jnftables.client.Nftables;
import io.jnftables.netns.NetnsTarget;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects an {@link Nftables} client bound to a fresh network namespace,
 * created for it and gone when the client is closed: after the test method for a method
 * parameter, after the class for a constructor (per-class lifecycle) or {@code @BeforeAll}
 * parameter. Nothing touches the machine's own ruleset. Needs root (CAP_SYS_ADMIN to create the
 * namespace, CAP_NET_ADMIN for nftables) and JUnit Jupiter 5.13 or later (which closes the
 * client it stores).
 *
 * <pre>{@code
 * @ExtendWith(NftablesExtension.class)
 * class BlocklistTest {
 *   @Test
 *   void blocks(Nftables nft) {
 *     nft.submit(MyPolicyRuleset.toBatch());
 *     assertEquals(1, nft.listRuleset().tables().size());
 *   }
 *
 *   @Test
 *   void throughTheHelper(@FreshNftables(backend = Nftables.Backend.HELPER, ownTables = "inet filter") Nftables nft) {
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class NftablesExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NftablesExtension.class);

  /** Called by JUnit. */
  public NftablesExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == Nftables.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    FreshNftables config = parameter.findAnnotation(FreshNftables.class).orElse(null);
    Nftables.Builder builder = Nftables.builder().netns(NetnsTarget.fresh());
    if (config != null) {
      builder.backend(config.backend());
      for (String table : config.ownTables()) {
        String[] parts = table.strip().split("\\s+");
        if (parts.length != 2) {
          throw new ParameterResolutionException("@FreshNftables(ownTables): expected \"family name\", e.g."
              + " \"inet filter\", got \"" + table + "\"");
        }
        builder.ownTable(family(parts[0]), parts[1]);
      }
      if (config.timeoutMillis() > 0) {
        builder.timeout(Duration.ofMillis(config.timeoutMillis()));
      }
    }
    Nftables client = builder.open();
    // Stored as an AutoCloseable: JUnit closes it when this context (method or class) ends.
    extension.getStore(NAMESPACE).put(new Object(), new Closing(client));
    return client;
  }

  private static Family family(String name) {
    for (Family f : Family.values()) {
      if (f.nftName().equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new ParameterResolutionException("@FreshNftables(ownTables): unknown family \"" + name + "\"");
  }

  /** Closes the client with its extension context. */
  private record Closing(Nftables client) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }
}
