package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named limit object: {@code {"limit":{…,"rate":400,"per":"hour","burst":5}}}.
 *
 * @param rateUnit for byte rates, {@code "bytes"}, {@code "kbytes"}, {@code "mbytes"} ({@code
 *     rate_unit}, as listed)
 * @param burstUnit the unit of {@code burst} for byte rates ({@code burst_unit}, as listed)
 * @param unit {@code "packets"} or {@code "bytes"}: the input spelling of the man page
 */
public record NamedLimit(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable Long rate,
    @Nullable String per,
    @Nullable Long burst,
    @Nullable String rateUnit,
    @Nullable String burstUnit,
    @Nullable String unit,
    boolean inv,
    @Nullable String comment)
    implements NftObject {
  public NamedLimit {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  /** A new packet-rate limit, {@code rate/per}. */
  public static NamedLimit packets(Family family, String table, String name, long rate, String per) {
    return new NamedLimit(
        family, Names.check("table", table), Names.check("limit", name), null, rate, per, null, null, null,
        null, false, null);
  }
}
