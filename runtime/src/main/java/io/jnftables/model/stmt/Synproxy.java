package io.jnftables.model.stmt;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An anonymous SYN proxy: {@code
 * {"synproxy":{"mss":1460,"wscale":7,"flags":["timestamp","sack-perm"]}}}; {@code
 * {"synproxy":null}} without options.
 */
public record Synproxy(
    @Nullable Integer mss,
    @Nullable Integer wscale,
    List<String> flags)
    implements Statement {
  public Synproxy {
    flags = List.copyOf(flags);
  }
}
