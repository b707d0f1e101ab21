package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named conntrack helper object: {@code {"ct
 * helper":{…,"type":"ftp","protocol":"tcp","l3proto":"ip"}}}.
 */
public record CtHelper(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable String type,
    @Nullable String protocol,
    @Nullable String l3proto,
    @Nullable String comment)
    implements NftObject {
  public CtHelper {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }
}
