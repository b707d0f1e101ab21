package io.jnftables.samples;

import static io.jnftables.dsl.Expr.ip;
import static io.jnftables.dsl.Expr.ref;
import static io.jnftables.dsl.Expr.sourceIp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.Elem;
import io.jnftables.batch.SetSpec;
import io.jnftables.client.Nftables;
import io.jnftables.model.BaseChain;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.query.Query;
import java.time.Duration;
import java.util.List;

/**
 * Seed README, "Block an IP Address" and "Manage IP Blocklists with Sets": one address dropped by
 * its own rule, then a {@code blocklist} set that a single rule consults, fed and pruned at run
 * time (fail2ban-style) without touching the rules, and listed back.
 *
 * <p>Unlike the seed, the set is created in the same batch as the rule that uses it (the seed
 * assumed an "existing blocklist set"), elements can carry a timeout and a comment, and every
 * address is checked before anything is sent.
 */
public final class IpBlocklist {
  public static final String TABLE = "filter";
  public static final String SET = "blocklist";

  /** The seed's malicious addresses. */
  public static final List<String> MALICIOUS = List.of("192.168.1.100", "10.0.0.99", "172.16.5.50");

  private IpBlocklist() {}

  /**
   * The table, the {@code blocklist} set (with element timeouts allowed), the input chain, the
   * seed's single-address rule and the rule that drops every member of the set, and the seed's
   * three addresses — one of them with a timeout and a comment.
   */
  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addSet(SET, SetSpec.of("ipv4_addr").flags("timeout"))
        .addElements(MALICIOUS.get(0), MALICIOUS.get(1),
            Elem.of(MALICIOUS.get(2)).timeout(Duration.ofHours(1)).comment("port scan"))
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        // "Block an IP Address": the address in the rule itself.
        .addRule(sourceIp("203.0.113.7").drop())
        // One rule for every address in the set.
        .addRule(ip().saddr(ref(SET)).counter().drop())
        .build();
  }

  /** More addresses, as events arrive: {@code add element}. */
  public static Batch block(String... addresses) {
    return Builder.create(Family.INET).table(TABLE).set(SET).addElements((Object[]) addresses).build();
  }

  /** "Remove a false positive": {@code delete element}. */
  public static Batch unblock(String... addresses) {
    return Builder.create(Family.INET).table(TABLE).set(SET).deleteElements((Object[]) addresses).build();
  }

  /** "List all blocked IPs": the addresses in the set (timeouts and comments left out). */
  public static List<String> blocked(Nftables nft) {
    return Query.of(nft).elementValues(Family.INET, TABLE, SET).stream().map(IpBlocklist::address).toList();
  }

  /** An element of an {@code ipv4_addr} set without the interval flag is an address literal. */
  private static String address(Expression e) {
    if (e instanceof StringLiteral s) {
      return s.value();
    }
    throw new IllegalStateException("not an address: " + e);
  }

  public static void main(String[] args) {
    try (Nftables nft = SampleRunner.open(args)) {
      SampleRunner.apply(nft, "IP blocklist", batch());
      nft.submit(block("198.51.100.23"));
      nft.submit(unblock("192.168.1.100"));
      System.out.println("# blocked now: " + blocked(nft));
      SampleRunner.printRuleset(nft);
    }
  }
}
