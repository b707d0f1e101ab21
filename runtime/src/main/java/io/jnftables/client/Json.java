package io.jnftables.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads JSON documents as trees, for the client's structural work on requests and echoes (which
 * table a command touches, which echoed object answers which command). Writing JSON stays with
 * {@link io.jnftables.json.JsonCodec}.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode readTree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree, or {@code null} if {@code json} is not JSON. */
  static JsonNode readTreeOrNull(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
