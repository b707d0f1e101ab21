package io.jnftables.model.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An expression this version of the model does not know, kept as the JSON it came in (any JSON
 * value) so that it re-encodes unchanged.
 */
public record RawExpression(JsonNode json) implements Expression {
  public RawExpression {
    Objects.requireNonNull(json, "json");
  }
}
