package io.jnftables.model.stmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.jnftables.model.RawNodes;
import java.util.Objects;

/**
 * A statement this version of the model does not know, kept as its JSON so that it re-encodes
 * unchanged.
 *
 * @param key the statement's key, e.g. {@code "meter"}
 * @param value its JSON value
 */
public record RawStatement(String key, JsonNode value) implements Statement {
  public RawStatement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** Raw nodes in a statement: itself, or statements and expressions nested in it. */
  public static int countRaw(Statement s) {
    return RawNodes.count(s);
  }
}
