package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named conntrack timeout policy: {@code {"ct
 * timeout":{…,"protocol":"tcp","l3proto":"ip","policy":{"established":100}}}}.
 *
 * @param policy timeouts in seconds per connection state; {@code null} when absent. nft lists a
 *     policy without changed states as JSON {@code null}, which decodes to an empty map (and back).
 */
public record CtTimeout(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable String protocol,
    @Nullable String l3proto,
    @Nullable Map<String, Long> policy,
    @Nullable String comment)
    implements NftObject {
  public CtTimeout {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    if (policy != null) {
      policy = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(policy));
    }
  }
}
