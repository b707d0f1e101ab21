package io.jnftables.client;

import io.jnftables.annotations.Family;
import java.util.Objects;

/**
 * A table by family and name: what a client may be scoped to (see
 * {@link Nftables.Builder#ownTable(Family, String)}).
 *
 * @param family the table's family
 * @param name the table's name
 */
public record TableRef(Family family, String name) {
  /** Rejects nulls. */
  public TableRef {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
  }

  /** The table named {@code name} in the family whose nft name is {@code family}, e.g. {@code inet}. */
  static TableRef parse(String family, String name) {
    for (Family f : Family.values()) {
      if (f.nftName().equals(family)) {
        return new TableRef(f, name);
      }
    }
    throw new IllegalArgumentException("unknown family \"" + family + "\"");
  }

  @Override
  public String toString() {
    return family.nftName() + " " + name;
  }
}
