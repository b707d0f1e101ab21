package io.jnftables.model.stmt;

import org.jspecify.annotations.Nullable;

/**
 * An anonymous quota, e.g. {@code quota over 10 mbytes}: {@code
 * {"quota":{"val":10,"val_unit":"mbytes","inv":true}}}. Units are {@code "bytes"}, {@code
 * "kbytes"}, {@code "mbytes"}; {@code used} is what a listing reports as consumed.
 */
public record Quota(
    long value,
    @Nullable String valueUnit,
    @Nullable Long used,
    @Nullable String usedUnit,
    boolean inv)
    implements Statement {
  /** {@code quota [over] value unit}. */
  public static Quota of(long value, String unit, boolean over) {
    return new Quota(value, unit, null, null, over);
  }
}
