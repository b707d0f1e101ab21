package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * IPsec (xfrm) state of the packet, e.g. {@code ipsec in reqid}: {@code
 * {"ipsec":{"key":"reqid","dir":"in","spnum":0}}}; {@code family} qualifies addresses.
 */
public record XfrmExpr(
    String key,
    @Nullable String family,
    @Nullable String dir,
    @Nullable Integer spnum)
    implements Expression {
  public XfrmExpr {
    Objects.requireNonNull(key, "key");
  }
}
