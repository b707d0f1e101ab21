package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An SCTP chunk field, e.g. {@code sctp chunk init num-inbound-streams}: {@code {"sctp
 * chunk":{"name":"init","field":"num-inbound-streams"}}}. Without a field it is an existence check.
 */
public record SctpChunkExpr(String name, @Nullable String field) implements Expression {
  public SctpChunkExpr {
    Objects.requireNonNull(name, "name");
  }
}
