package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named SYN proxy object: {@code
 * {"synproxy":{…,"mss":1460,"wscale":7,"flags":["timestamp","sack-perm"]}}}.
 */
public record NamedSynproxy(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable Integer mss,
    @Nullable Integer wscale,
    List<String> flags,
    @Nullable String comment)
    implements NftObject {
  public NamedSynproxy {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    flags = List.copyOf(flags);
  }
}
