package io.jnftables.samples;

import static io.jnftables.dsl.Expr.sourceIp;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.CallOptions;
import io.jnftables.client.Nftables;
import io.jnftables.client.SubmitResult;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.query.Query;
import io.jnftables.state.Backup;
import io.jnftables.state.Drift;
import io.jnftables.state.DriftReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Seed README, "Query Round-Trip Support" (import, modify, reapply; "Backup and Restore";
 * "Configuration Drift Detection"; "Incremental Updates") and the migration guide's "Deleting
 * Rules" (find a rule by listing, delete it by handle). Starts from {@link BasicFirewall}.
 *
 * <p>Unlike the seed, which compared two JSON strings, drift is a list of differences that
 * ignores handles and counter values, with the batch that converges the live ruleset.
 */
public final class RoundTrip {
  /** The tables this application owns: backups and restores leave every other table alone. */
  public static final Predicate<Table> OWNED = t -> t.family() == Family.INET && t.name().equals("filter");

  private RoundTrip() {}

  /** The starting point: the annotated {@link BasicFirewall}. */
  public static Batch batch() {
    return BasicFirewallRuleset.toBatch();
  }

  /**
   * "Import Entire Ruleset", then modify and reapply: the live ruleset as commands, plus one rule,
   * after a flush of the owned table, in one transaction.
   */
  public static Batch importModifyReapply(Ruleset live) {
    Batch imported = Builder.fromRuleset(live, OWNED)
        .table("filter").chain("input")
        .addRule(sourceIp("192.168.1.100").drop())
        .build();
    return Builder.create(Family.INET).flushTable("filter").build().concat(imported);
  }

  /** "Incremental Updates": one rule appended, the live rules untouched; returns its handle. */
  public static long addRule(Nftables nft) {
    Batch add = Builder.create(Family.INET).table("filter").chain("input")
        .addRule(sourceIp("10.0.0.0/8").accept())
        .build();
    SubmitResult r = nft.submit(add, CallOptions.defaults().withHandles());
    return r.handle(0).orElseThrow();
  }

  /** "Deleting Rules": find the rule by listing the chain, delete it by its handle. */
  public static void deleteRule(Nftables nft, long handle) {
    Rule rule = Query.of(nft).rules(Family.INET, "filter", "input").stream()
        .filter(r -> r.handle() != null && r.handle() == handle)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rule with handle " + handle));
    nft.submit(Builder.create(Family.INET).table(rule.table()).chain(rule.chain()).deleteRule(handle).build());
  }

  /** "Configuration Drift Detection": what differs between the desired batch and the live ruleset. */
  public static DriftReport drift(Nftables nft) {
    return Drift.diff(Drift.canonical(batch()), Query.of(nft).ruleset());
  }

  public static void main(String[] args) throws IOException {
    try (Nftables nft = SampleRunner.open(args)) {
      SampleRunner.apply(nft, "round trip: the starting point", batch());

      Path backup = Files.createTempFile("jnftables-backup-", ".nft");
      try {
        Backup.save(nft, backup, OWNED);
        System.out.println("# backed up the owned tables to " + backup);

        nft.submit(importModifyReapply(nft.listRuleset()));
        long handle = addRule(nft);
        System.out.println("# added a rule with handle " + handle + "; drift from the policy now:");
        DriftReport drift = drift(nft);
        drift.differences().forEach(d -> System.out.println("#   " + d));

        deleteRule(nft, handle);
        Backup.restore(nft, backup, OWNED);
        System.out.println("# restored; in sync with the policy: " + drift(nft).inSync());
      } finally {
        Files.deleteIfExists(backup);
      }
      SampleRunner.printRuleset(nft);
    }
  }

  /** The rules of the owned input chain, as nft prints them. */
  public static List<String> inputRules(Nftables nft) {
    return Query.of(nft).rules(Family.INET, "filter", "input").stream()
        .map(r -> r.withoutHandle().toString())
        .toList();
  }
}
