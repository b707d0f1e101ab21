package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A chain of a table: a base chain when {@code base} is present, a regular chain otherwise. */
public record Chain(
    Family family, String table, String name, @Nullable BaseChain base, @Nullable Long handle)
    implements NftObject {
  public Chain {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  /** A regular chain, reached by {@code jump} or {@code goto}. */
  public static Chain regular(Family family, String table, String name) {
    return new Chain(family, Names.check("table", table), Names.check("chain", name), null, null);
  }

  /** A base chain attached to a hook. */
  public static Chain base(Family family, String table, String name, BaseChain base) {
    return new Chain(
        family, Names.check("table", table), Names.check("chain", name), Objects.requireNonNull(base), null);
  }

  public boolean isBase() {
    return base != null;
  }

  public Chain withoutHandle() {
    return handle == null ? this : new Chain(family, table, name, base, null);
  }
}
