package io.jnftables.samples;

import static io.jnftables.dsl.Expr.protocol;
import static io.jnftables.dsl.Expr.quotaRef;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.Nftables;
import io.jnftables.dsl.Per;
import io.jnftables.model.BaseChain;
import io.jnftables.query.CounterValue;
import io.jnftables.query.Query;
import io.jnftables.query.QuotaUsage;

/**
 * Seed README, "Named Counters", "Quotas" and "Named Limits": stateful objects defined once in a
 * table and referenced by name from rules ({@code counter name "http_traffic"}, {@code quota name
 * "monthly_limit"}, {@code limit name "ssh_limit"}), then queried on their own.
 *
 * <p>The seed's {@code counter_ref}, {@code quota_ref} and {@code limit_ref} were never
 * implemented; here they are {@code counterRef}, {@code quotaRef} and {@code limitRef}, and
 * {@link Query} reads the counter and quota values back.
 */
public final class NamedObjects {
  public static final String TABLE = "filter";

  private NamedObjects() {}

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addCounter("http_traffic")
        .addQuota("monthly_limit", 1_000_000_000L, false)
        .addLimit("ssh_limit", 10, Per.MINUTE, 5, false)
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        .addRule(protocol("tcp").dport(80).counterRef("http_traffic").accept())
        .addRule(protocol("tcp").dport(22).limitRef("ssh_limit").accept())
        .addChain("OUTPUT", BaseChain.of(ChainType.FILTER, Hook.OUTPUT, 0, Policy.ACCEPT))
        .addRule(quotaRef("monthly_limit").accept())
        .build();
  }

  /** The counter's packets and bytes. */
  public static CounterValue httpTraffic(Nftables nft) {
    return Query.of(nft).counter(Family.INET, TABLE, "http_traffic").orElseThrow();
  }

  /** The quota's size and use. */
  public static QuotaUsage monthlyLimit(Nftables nft) {
    return Query.of(nft).quota(Family.INET, TABLE, "monthly_limit").orElseThrow();
  }

  public static void main(String[] args) {
    try (Nftables nft = SampleRunner.open(args)) {
      SampleRunner.apply(nft, "named counters, quotas and limits", batch());
      System.out.println("# " + httpTraffic(nft));
      QuotaUsage q = monthlyLimit(nft);
      System.out.println("# " + q + ", remaining " + q.remaining() + " bytes");
      SampleRunner.printRuleset(nft);
    }
  }
}
