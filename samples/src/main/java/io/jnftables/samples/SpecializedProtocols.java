package io.jnftables.samples;

import static io.jnftables.dsl.Expr.dccp;
import static io.jnftables.dsl.Expr.gre;
import static io.jnftables.dsl.Expr.range;
import static io.jnftables.dsl.Expr.sctp;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.TerminalExpr;
import io.jnftables.validate.UnsupportedFeatureException;

/**
 * Seed README, "Specialized Protocols": SCTP (WebRTC data channels), DCCP (streaming media) with
 * source and destination ports, an SCTP port range, and GRE (VPN tunnels).
 *
 * <p><b>What nft 1.0.6 cannot do:</b> the seed's GRE rule matches {@code gre_version(0)} and
 * {@code gre_key(12345)}, header fields that nft only knows from 1.0.7 on ("Unknown payload
 * protocol 'gre'" on 1.0.6). {@link #seedGreRule()} builds the seed's rule as written and throws
 * {@link UnsupportedFeatureException} saying so; {@link #batch()} keeps the part 1.0.6 can load:
 * GRE from 10.0.0.1 ({@code meta l4proto gre ip saddr 10.0.0.1}).
 */
public final class SpecializedProtocols {
  public static final String TABLE = "filter";
  public static final String CHAIN = "protocols";

  private SpecializedProtocols() {}

  /** The seed's GRE rule with version and key: refused on nft 1.0.6. */
  public static TerminalExpr seedGreRule() {
    return gre().greVersion(0).greKey(12345).sourceIp("10.0.0.1").accept();
  }

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain(CHAIN)
        .addRule(sctp().dport(9899).accept())
        .addRule(dccp().sport(5000).dport(6000).log("DCCP traffic: ").accept())
        .addRule(gre().sourceIp("10.0.0.1").accept())
        .addRule(sctp().dport(range(9000, 9999)).counter())
        .build();
  }

  public static void main(String[] args) {
    try {
      seedGreRule();
    } catch (UnsupportedFeatureException e) {
      System.out.println("# the seed's GRE rule: " + e.getMessage());
    }
    SampleRunner.run(args, "SCTP, DCCP and GRE", batch());
  }
}
