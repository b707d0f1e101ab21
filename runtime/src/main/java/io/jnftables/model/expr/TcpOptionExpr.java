package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A TCP option field, e.g. {@code tcp option maxseg size}: {@code {"tcp
 * option":{"name":"maxseg","field":"size"}}}. Without a field it is an existence check.
 */
public record TcpOptionExpr(String name, @Nullable String field) implements Expression {
  public TcpOptionExpr {
    Objects.requireNonNull(name, "name");
  }
}
