package io.jnftables.samples;

import static io.jnftables.dsl.Expr.meterAdd;
import static io.jnftables.dsl.Expr.meterUpdate;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.SetSpec;
import io.jnftables.dsl.Key;
import io.jnftables.dsl.Per;
import io.jnftables.dsl.TerminalExpr;
import io.jnftables.model.BaseChain;
import java.time.Duration;

/**
 * Seed README, "Per-Key Rate Limiting with Meters": a rate limit per source address for SSH
 * ({@code update @ssh_limits { ip saddr limit rate 3/minute }}) and one per (address, port) pair
 * with a composite key ({@code add @conn_limits { ip saddr . tcp dport limit rate 10/second burst 5
 * packets }}). Each key gets its own limiter in a dynamic set.
 *
 * <p>nft 1.0.6's JSON has no {@code dynamic} set flag (the seed's {@code flags: [:dynamic]} was
 * refused): the kernel makes a set dynamic when it is created in the same batch as the first rule
 * that updates it with a statement, which is how {@link #batch()} is built. The sets carry a
 * timeout, so idle keys expire.
 */
public final class Meters {
  public static final String TABLE = "filter";

  private Meters() {}

  /** The seed's {@code ssh_meter}. */
  public static TerminalExpr sshMeter() {
    return meterUpdate(Key.ipSaddr(), "ssh_limits", 3, Per.MINUTE).tcp().dport(22).accept();
  }

  /** The seed's {@code conn_meter}: a composite key. */
  public static TerminalExpr connMeter() {
    return meterAdd(Key.concat(Key.ipSaddr(), Key.tcpDport()), "conn_limits", 10, Per.SECOND, 5).accept();
  }

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addSet("ssh_limits", SetSpec.of("ipv4_addr").timeout(Duration.ofMinutes(1)))
        .addSet("conn_limits", SetSpec.of("ipv4_addr", "inet_service").timeout(Duration.ofSeconds(30)))
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        .addRule(sshMeter())
        .addRule(connMeter())
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "meters", batch());
  }
}
