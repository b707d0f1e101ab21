package io.jnftables.dsl;

import java.util.List;

/**
 * One value of a concatenated key, one part per key: {@code Expr.tuple("10.0.0.1", 22)} for
 * {@code ip saddr . tcp dport}, as {@code 10.0.0.1 . 22} in nft.
 */
public record Tuple(List<Object> values) {
  public Tuple {
    values = List.copyOf(values);
    if (values.size() < 2) {
      throw new IllegalArgumentException("a tuple has at least two values, got " + values.size());
    }
  }

  public static Tuple of(Object... values) {
    return new Tuple(List.of(values));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      if (sb.length() > 0) {
        sb.append(" . ");
      }
      sb.append(v instanceof NftSymbol s ? s.nft() : String.valueOf(v));
    }
    return sb.toString();
  }
}
