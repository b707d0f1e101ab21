package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Connection tracking data of the packet, e.g. {@code ct state}: {@code {"ct":{"key":"state"}}},
 * or {@code ct original ip saddr}: {@code {"ct":{"key":"ip saddr","dir":"original"}}}.
 *
 * @param key the ct key, e.g. {@code "state"}, {@code "mark"}, {@code "ip saddr"}
 * @param family {@code "ip"} or {@code "ip6"} where the key needs it (input only; nft 1.0.6
 *     lists the family inside the key instead)
 * @param dir {@code "original"} or {@code "reply"} for keys that have a direction
 */
public record CtExpr(
    String key,
    @Nullable String family,
    @Nullable String dir)
    implements Expression {
  public CtExpr {
    Objects.requireNonNull(key, "key");
  }

  /** A ct key without family or direction, e.g. {@code ct state}. */
  public CtExpr(String key) {
    this(key, null, null);
  }
}
