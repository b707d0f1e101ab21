package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table. {@code handle} is set on objects listed back from the kernel and absent on objects
 * to be created.
 */
public record Table(Family family, String name, @Nullable Long handle) implements NftObject {
  public Table {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(name, "name");
  }

  public static Table of(Family family, String name) {
    return new Table(family, Names.check("table", name), null);
  }

  /** The same table without its kernel handle, for comparing desired and listed state. */
  public Table withoutHandle() {
    return handle == null ? this : new Table(family, name, null);
  }
}
