package io.jnftables.model.expr;

import java.util.Objects;

/**
 * nft's raw payload expression {@code @th,16,16}: {@code length} bits at bit {@code offset} from
 * {@code base} ({@code "ll"}, {@code "nh"} or {@code "th"}): {@code
 * {"payload":{"base":"th","offset":16,"len":16}}}.
 */
public record PayloadOffsetExpr(String base, int offset, int length) implements Expression {
  public PayloadOffsetExpr {
    Objects.requireNonNull(base, "base");
  }
}
