package io.jnftables.samples;

import static io.jnftables.dsl.Expr.ctBytes;
import static io.jnftables.dsl.Expr.ctState;
import static io.jnftables.dsl.Expr.ctStatus;
import static io.jnftables.dsl.Expr.gt;
import static io.jnftables.dsl.Expr.tcp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.CtStatus;
import io.jnftables.model.BaseChain;

/**
 * Seed README, "Connection Tracking": accept established and related connections, drop invalid
 * ones, cap concurrent connections to a port, and log transfers past a size in the forward chain.
 *
 * <p>The seed's {@code limit_connections(100)} sent {@code ct count == 100}, which nft 1.0.6
 * refused ("Unknown ct key 'count'"); here it is the connlimit statement {@code ct count over
 * 100}.
 */
public final class ConnectionTracking {
  public static final String TABLE = "filter";

  private ConnectionTracking() {}

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        .addRule(ctState(CtState.ESTABLISHED, CtState.RELATED).accept())
        .addRule(ctState(CtState.INVALID).drop())
        // "Max 100 concurrent connections"
        .addRule(tcp().dport(80).ctState(CtState.NEW).limitConnections(100).drop())
        .addChain("FORWARD", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0, Policy.ACCEPT))
        // "Track connection bytes": over 1 MB
        .addRule(ctBytes(gt(1_000_000)).log("LARGE_TRANSFER: ").accept())
        .addRule(ctStatus(CtStatus.DNAT).accept())
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "connection tracking", batch());
  }
}
