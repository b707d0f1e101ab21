package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An existing object named by its kernel handle instead of its name, as {@code delete} takes it:
 * {@code {"delete":{"rule":{"family":"inet","table":"t","chain":"c","handle":5}}}} or
 * {@code {"delete":{"chain":{"family":"inet","table":"t","handle":3}}}}.
 *
 * @param table the table, absent for a table itself
 * @param chain the chain, for rules only
 */
public record ObjectHandle(
    ObjectKind kind, Family family, @Nullable String table, @Nullable String chain, long handle)
    implements NftObject {
  public ObjectHandle {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(family, "family");
  }

  /** A rule of {@code family table chain} by handle. */
  public static ObjectHandle rule(Family family, String table, String chain, long handle) {
    return new ObjectHandle(ObjectKind.RULE, family, table, chain, handle);
  }

  /** Any other object of {@code family table} by handle (for a table, {@code table} is null). */
  public static ObjectHandle of(ObjectKind kind, Family family, @Nullable String table, long handle) {
    return new ObjectHandle(kind, family, table, null, handle);
  }
}
