package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Queues the packet to user space: {@code {"queue":{"num":1,"flags":["bypass","fanout"]}}}; {@code
 * {"queue":null}} for queue 0 without flags.
 */
public record Queue(@Nullable Expression number, List<String> flags) implements Statement {
  public Queue {
    flags = List.copyOf(flags);
  }
}
