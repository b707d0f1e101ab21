package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named security mark: {@code
 * {"secmark":{…,"context":"system_u:object_r:ssh_server_packet_t:s0"}}}.
 */
public record Secmark(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable String context,
    @Nullable String comment)
    implements NftObject {
  public Secmark {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }
}
