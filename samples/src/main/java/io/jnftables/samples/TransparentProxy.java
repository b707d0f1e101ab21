package io.jnftables.samples;

import static io.jnftables.dsl.Expr.socketTransparent;
import static io.jnftables.dsl.Expr.tcp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.model.BaseChain;

/**
 * Seed README, "Transparent Proxy with TPROXY": in an {@code ip} table's prerouting chain at
 * priority -150 (mangle), packets of sockets that are already transparent get mark 1 and are
 * accepted, and new HTTP connections are handed to a proxy listening on port 8080 without their
 * destination being rewritten.
 *
 * <p>The proxy itself needs a socket with {@code IP_TRANSPARENT} and a policy route for mark 1
 * ({@code ip rule add fwmark 1 lookup 100; ip route add local 0.0.0.0/0 dev lo table 100}); this
 * sample loads the firewall part. In an {@code inet} table nft needs the address family of the
 * proxy ({@code tproxy ip to …}); the DSL takes it from the address (the seed's inet form was
 * refused).
 */
public final class TransparentProxy {
  public static final String TABLE = "tproxy";

  private TransparentProxy() {}

  public static Batch batch() {
    return Builder.create(Family.IP)
        .addTable(TABLE)
        .addChain("prerouting", BaseChain.of(ChainType.FILTER, Hook.PREROUTING, -150, Policy.ACCEPT))
        // mark_existing
        .addRule(socketTransparent().setMark(1).accept())
        // tproxy_http
        .addRule(tcp().dport(80).mark(0).tproxy(8080))
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "transparent proxy", batch());
  }
}
