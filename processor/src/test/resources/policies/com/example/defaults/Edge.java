package com.example.defaults;

import io.jnftables.annotations.Chain;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Rule;
import io.jnftables.annotations.Table;
import io.jnftables.dsl.Expr;
import io.jnftables.dsl.RuleBody;
import java.net.Inet6Address;
import java.util.Set;

/** A table named by the package's defaults (app_edge, ip6), with DSL rules. */
@Table(name = "edge")
public interface Edge {
  @Chain(name = "in", hook = Hook.INPUT)
  interface In {
    @Rule("ip6 saddr $peers tcp dport $ports accept")
    void peers(Set<Inet6Address> peers, Set<Integer> ports);

    @Rule(comment = "ssh by DSL")
    static RuleBody ssh() {
      return Expr.expr().tcp().dport(22).accept();
    }

    @Rule
    static RuleBody port(int port) {
      return Expr.expr().udp().dport(port).drop();
    }
  }
}
