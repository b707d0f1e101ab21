package io.jnftables.model.stmt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Logs the packet: {@code {"log":{"prefix":"…","group":2,"snaplen":64,"queue-threshold":4,
 * "level":"info","flags":["tcp sequence","ip options"]}}}; {@code {"log":null}} without options.
 *
 * @param level {@code "emerg"}, …, {@code "debug"}, {@code "audit"}; nft omits the default
 *     {@code "warn"} in listings
 * @param flags {@code "tcp sequence"}, {@code "tcp options"}, {@code "ip options"}, {@code
 *     "skuid"},
 *     {@code "ether"} or {@code "all"}
 */
public record Log(
    @Nullable String prefix,
    @Nullable Integer group,
    @Nullable Integer snaplen,
    @Nullable Integer queueThreshold,
    @Nullable String level,
    List<String> flags)
    implements Statement {
  /** nft refuses longer prefixes (NF_LOG_PREFIXLEN is 128 bytes with the terminating NUL). */
  public static final int MAX_PREFIX_BYTES = 127;

  public Log {
    if (prefix != null && prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
      throw new IllegalArgumentException(
          "log prefix is longer than " + MAX_PREFIX_BYTES + " bytes: \"" + prefix + "\"");
    }
    flags = List.copyOf(flags);
  }

  /** Logs the packet, optionally with a prefix. */
  public Log(@Nullable String prefix) {
    this(prefix, null, null, null, null, List.of());
  }
}
