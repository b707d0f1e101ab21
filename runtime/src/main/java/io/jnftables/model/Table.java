package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table. {@code handle} is set on objects listed back from the kernel and absent on objects
 * to be created.
 *
 * @param flags table flags, e.g. {@code "dormant"}, {@code "owner"}
 * @param comment the table's comment (nft 1.0.6 does not list it in JSON)
 */
public record Table(
    Family family, String name, @Nullable Long handle, List<String> flags, @Nullable String comment)
    implements NftObject {
  public Table {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
    flags = List.copyOf(flags);
  }

  public Table(Family family, String name, @Nullable Long handle) {
    this(family, name, handle, List.of(), null);
  }

  public static Table of(Family family, String name) {
    return new Table(family, Names.check("table", name), null);
  }

  /** The same table without its kernel handle, for comparing desired and listed state. */
  public Table withoutHandle() {
    return handle == null ? this : new Table(family, name, null, flags, comment);
  }
}
