package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named quota object: {@code {"quota":{…,"bytes":1200,"used":0,"inv":true}}}. nft lists {@code
 * inv} always; the codec writes it whenever {@code bytes} is present.
 */
public record NamedQuota(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable Long bytes,
    @Nullable Long used,
    boolean inv,
    @Nullable String comment)
    implements NftObject {
  public NamedQuota {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  /** A new quota of {@code bytes}; {@code over} inverts it (match once exceeded). */
  public static NamedQuota of(Family family, String table, String name, long bytes, boolean over) {
    return new NamedQuota(
        family, Names.check("table", table), Names.check("quota", name), null, bytes, null, over, null);
  }
}
