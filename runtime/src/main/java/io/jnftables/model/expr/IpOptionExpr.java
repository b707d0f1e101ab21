package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 option field, e.g. {@code ip option rr ptr}: {@code {"ip
 * option":{"name":"rr","field":"ptr"}}}. Without a field it is an existence check.
 */
public record IpOptionExpr(String name, @Nullable String field) implements Expression {
  public IpOptionExpr {
    Objects.requireNonNull(name, "name");
  }
}
