package io.jnftables.samples;

import static io.jnftables.dsl.Expr.icmp;
import static io.jnftables.dsl.Expr.sourceIp;
import static io.jnftables.dsl.Expr.tcp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.ByteUnit;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.IcmpType;
import io.jnftables.dsl.Per;
import io.jnftables.model.BaseChain;

/**
 * Seed README, "Rate Limiting" (migration guide), the distributed firewall's "SSH_ATTACK" rule
 * and the seed's {@code 04_rate_limiting} example: accept SSH up to a rate, drop ICMP echo floods
 * over a rate, and cap a bulk port by bytes per second.
 *
 * <p>Beyond the seed: {@code limitOver} (nft's {@code limit rate over}, which the seed could not
 * express) and byte rates ({@code limitBytes}).
 */
public final class RateLimiting {
  public static final String TABLE = "filter";

  private RateLimiting() {}

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        // The seed's rate_limit: an attacker's SSH attempts, logged and dropped up to a rate.
        .addRule(sourceIp("192.168.1.100").tcp().dport(22).rateLimit(10, Per.MINUTE).log("SSH_ATTACK: ").drop())
        .addRule(tcp().dport(22).ctState(CtState.NEW).limit(10, Per.MINUTE, 5).accept())
        .addRule(icmp().icmpType(IcmpType.ECHO_REQUEST).limitOver(10, Per.SECOND).drop())
        .addRule(tcp().dport(873).limitBytes(2, ByteUnit.MBYTES, Per.SECOND).accept())
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "rate limiting", batch());
  }
}
