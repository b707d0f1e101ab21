package io.jnftables.samples;

import static io.jnftables.dsl.Expr.osfName;
import static io.jnftables.dsl.Expr.tcp;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.OsfTtl;
import io.jnftables.dsl.Per;

/**
 * Seed README, "OS Fingerprinting": passive detection of the sender's operating system from its
 * TCP SYN ({@code osf name "Linux"}): SSH only from Linux, a rate limit for Windows, unknown
 * systems logged and dropped, and a mark per OS for routing.
 *
 * <p><b>Differences from the seed:</b> its {@code ttl: :strict} is not an nft 1.0.6 keyword ("Invalid
 * osf ttl option 'strict'"): strict TTL checking is what {@code osf name} does without a ttl
 * option, so {@link OsfTtl} offers only {@code LOOSE} and {@code SKIP}, and the Windows rule here
 * leaves the option out. The rules load without the fingerprint database; they match only once
 * it is loaded ({@code nfnl_osf -f /usr/share/pf.os}), which this sample does not do.
 */
public final class OsFingerprinting {
  public static final String TABLE = "filter";
  public static final String CHAIN = "osf";

  private OsFingerprinting() {}

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain(CHAIN)
        .addRule(tcp().dport(22).osfName("Linux").limit(10, Per.MINUTE).accept())
        .addRule(osfName("Windows").limit(10, Per.SECOND, 5).accept())
        .addRule(osfName("unknown").log("Unknown OS blocked: ").drop())
        .addRule(osfName("Linux", OsfTtl.SKIP).setMark(1))
        .addRule(osfName("Windows", OsfTtl.SKIP).setMark(2))
        .addRule(osfName("MacOS", OsfTtl.SKIP).setMark(3))
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "OS fingerprinting", batch());
  }
}
