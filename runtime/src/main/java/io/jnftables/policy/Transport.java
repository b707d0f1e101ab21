package io.jnftables.policy;

import io.jnftables.dsl.Expr;
import io.jnftables.dsl.RuleExpr;

/** The transport protocol a port belongs to (the seed's {@code protocol: :tcp | :udp}). */
public enum Transport {
  TCP,
  UDP;

  /** The DSL header selector: {@code tcp()} or {@code udp()}. */
  RuleExpr select() {
    return this == TCP ? Expr.tcp() : Expr.udp();
  }

  /** The nft name, {@code tcp} or {@code udp}. */
  public String nft() {
    return this == TCP ? "tcp" : "udp";
  }
}
