package io.jnftables.samples;

import static io.jnftables.dsl.Expr.tcp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.Elem;
import io.jnftables.batch.SetSpec;
import io.jnftables.model.BaseChain;
import io.jnftables.model.stmt.Verdict;

/**
 * Seed README, "Maps (Key-Value Dictionaries)": a named map from ports to verdicts and one rule
 * that looks the TCP destination port up in it ({@code tcp dport vmap @port_verdict}). Changing
 * what a port does is then an element update, not a rule change.
 *
 * <p>The seed's {@code dport_map} was never implemented and its map elements sent verdicts as
 * strings, which nft refused; here they are {@link Verdict}s.
 */
public final class PortVerdictMap {
  public static final String TABLE = "filter";
  public static final String MAP = "port_verdict";

  private PortVerdictMap() {}

  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addMap(MAP, SetSpec.of("inet_service").map("verdict"))
        .addElements(Elem.mapping(80, Verdict.ACCEPT), Elem.mapping(443, Verdict.ACCEPT),
            Elem.mapping(8080, Verdict.DROP))
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        .addRule(tcp().dportVmap(MAP))
        .build();
  }

  /** Port 8080 changes its mind: one element out, one in, one transaction. */
  public static Batch open8080() {
    return Builder.create(Family.INET).table(TABLE).set(MAP)
        .deleteElements(Elem.mapping(8080, Verdict.DROP))
        .addElements(Elem.mapping(8080, Verdict.ACCEPT))
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "port to verdict map", batch());
  }
}
