package io.jnftables.samples;

import static io.jnftables.dsl.Expr.ctState;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.KernelFeature;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.dsl.CtState;
import io.jnftables.model.BaseChain;

/**
 * Seed README, "Hardware Acceleration with Flowtables": a flowtable on the ingress hook of some
 * devices, and a forward-chain rule that offloads established connections to it ({@code flow add
 * @fastpath}), so that their packets skip the rest of the ruleset.
 *
 * <p><b>Not loadable here:</b> the kernel the project is tested on lacks flowtables ({@code
 * nf_flow_table}), so the kernel refuses the batch ("No such file or directory"), and {@code
 * nft.capabilities().has(KernelFeature.FLOWTABLE)} is false. This sample builds the batch and its
 * JSON, and {@link #main} prints what the kernel answers. On a kernel with flowtables it loads as
 * is. The seed's {@code flow_offload()} without a flowtable name was refused by nft ("Object item
 * not found: flowtable"); the flowtable is always named here. The seed's devices {@code eth0} and
 * {@code eth1} must exist when the flowtable is added, so {@link #main} uses {@code lo}, the one
 * device of a fresh namespace.
 */
public final class Flowtables {
  public static final String TABLE = "filter";
  public static final String FLOWTABLE = "fastpath";

  private Flowtables() {}

  /** The flowtable on {@code devices}, a forward chain, and the offload rule. */
  public static Batch batch(String... devices) {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addFlowtable(FLOWTABLE, 0, devices)
        .addChain("forward", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0, Policy.ACCEPT))
        .addRule(ctState(CtState.ESTABLISHED, CtState.RELATED).flowOffload(FLOWTABLE))
        .build();
  }

  public static void main(String[] args) {
    Batch batch = batch("lo");
    System.out.println("# flowtables: batch for libnftables");
    System.out.println(batch.toJson());
    try (Nftables nft = SampleRunner.open(args)) {
      if (!nft.capabilities().has(KernelFeature.FLOWTABLE)) {
        System.out.println("# this kernel lacks flowtables: "
            + nft.capabilities().unsupported().get(KernelFeature.FLOWTABLE));
      }
      try {
        nft.submit(batch);
        SampleRunner.printRuleset(nft);
      } catch (NftablesException e) {
        System.out.println("# the kernel refused the batch (nothing was applied): " + e.getMessage());
      }
    }
  }
}
