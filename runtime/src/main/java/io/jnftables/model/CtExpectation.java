package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named conntrack expectation: {@code {"ct
 * expectation":{…,"protocol":"tcp","dport":666,"timeout":100,"size":96,"l3proto":"ip"}}}.
 *
 * @param timeout in milliseconds
 */
public record CtExpectation(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable String protocol,
    @Nullable Integer dport,
    @Nullable Long timeout,
    @Nullable Integer size,
    @Nullable String l3proto,
    @Nullable String comment)
    implements NftObject {
  public CtExpectation {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }
}
