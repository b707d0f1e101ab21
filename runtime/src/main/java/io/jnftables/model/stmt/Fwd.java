package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Forwards the packet out of {@code device} (netdev family), optionally to a next hop: {@code
 * {"fwd":{"dev":"eth0","family":"ip","addr":"10.0.0.1"}}}.
 */
public record Fwd(
    Expression device,
    @Nullable String family,
    @Nullable Expression address)
    implements Statement {
  public Fwd {
    Objects.requireNonNull(device, "device");
  }
}
