package io.jnftables.model.stmt;

import org.jspecify.annotations.Nullable;

/**
 * An anonymous rate limit, e.g. {@code limit rate over 10/second burst 5 packets}: {@code
 * {"limit":{"rate":10,"per":"second","burst":5,"inv":true}}}. For byte rates {@code
 * rateUnit}/{@code burstUnit} are {@code "bytes"}, {@code "kbytes"}, {@code "mbytes"}.
 */
public record Limit(
    long rate,
    @Nullable String rateUnit,
    @Nullable String per,
    @Nullable Long burst,
    @Nullable String burstUnit,
    boolean inv)
    implements Statement {
  /** {@code limit rate [over] rate/per}, in packets. */
  public static Limit packets(long rate, String per, boolean over) {
    return new Limit(rate, null, per, null, null, over);
  }
}
