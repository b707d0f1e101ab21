package io.jnftables.model.stmt;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Logs the packet, optionally with a prefix. */
public record Log(@Nullable String prefix) implements Statement {
  /** nft refuses longer prefixes (NF_LOG_PREFIXLEN is 128 bytes with the terminating NUL). */
  public static final int MAX_PREFIX_BYTES = 127;

  public Log {
    if (prefix != null && prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
      throw new IllegalArgumentException(
          "log prefix is longer than " + MAX_PREFIX_BYTES + " bytes: \"" + prefix + "\"");
    }
  }
}
