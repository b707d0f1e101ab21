package io.jnftables.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An object this version of the model does not know, kept as the JSON it came in so that it
 * re-encodes unchanged: a listing never fails because of a construct we do not model yet.
 *
 * @param key the object's key, e.g. {@code "flowtable"}
 * @param value the object's JSON value
 */
public record RawObject(String key, JsonNode value) implements NftObject {
  public RawObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
