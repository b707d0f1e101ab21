package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An IPv6 extension header field, e.g. {@code frag more-fragments}: {@code
 * {"exthdr":{"name":"frag","field":"more-fragments"}}}. Without a field it is an existence check;
 * {@code offset} is used by {@code rt0} only.
 */
public record ExthdrExpr(
    String name,
    @Nullable String field,
    @Nullable Integer offset)
    implements Expression {
  public ExthdrExpr {
    Objects.requireNonNull(name, "name");
  }
}
