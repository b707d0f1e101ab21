package io.jnftables.model.expr;

import java.util.Objects;

/**
 * A named header field, e.g. {@code tcp dport}: {@code
 * {"payload":{"protocol":"tcp","field":"dport"}}}.
 */
public record PayloadExpr(String protocol, String field) implements Expression {
  public PayloadExpr {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(field, "field");
  }
}
