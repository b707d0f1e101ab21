package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named counter object: {@code
 * {"counter":{"family":…,"table":…,"name":…,"packets":0,"bytes":0}}}. Rules use it through {@link
 * io.jnftables.model.stmt.ObjectRef}.
 */
public record NamedCounter(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable Long packets,
    @Nullable Long bytes,
    @Nullable String comment)
    implements NftObject {
  public NamedCounter {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  /** A new counter to add. */
  public static NamedCounter of(Family family, String table, String name) {
    return new NamedCounter(
        family, Names.check("table", table), Names.check("counter", name), null, null, null, null);
  }
}
