package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chain of a table: a base chain when {@code base} is present, a regular chain otherwise.
 *
 * @param comment the chain's comment (nft 1.0.6 does not list it in JSON)
 * @param newName the new name, only in a {@code rename} command ({@code newname})
 */
public record Chain(
    Family family,
    String table,
    String name,
    @Nullable BaseChain base,
    @Nullable Long handle,
    @Nullable String comment,
    @Nullable String newName)
    implements NftObject {
  public Chain {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  public Chain(Family family, String table, String name, @Nullable BaseChain base, @Nullable Long handle) {
    this(family, table, name, base, handle, null, null);
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

  /**
   * What {@code rename chain family table name newName} sends: {@code
   * {"rename":{"chain":{…,"newname":…}}}}.
   */
  public static Chain rename(Family family, String table, String name, String newName) {
    return new Chain(
        family, Names.check("table", table), Names.check("chain", name), null, null, null,
        Names.check("chain", newName));
  }

  public boolean isBase() {
    return base != null;
  }

  public Chain withoutHandle() {
    return handle == null ? this : new Chain(family, table, name, base, null, comment, newName);
  }

  /** The chain in nft syntax: {@code chain inet filter input { type filter hook input priority filter; … }}. */
  @Override
  public String toString() {
    return io.jnftables.text.NftText.toString(this);
  }
}
