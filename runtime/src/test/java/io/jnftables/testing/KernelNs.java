package io.jnftables.testing;

import io.jnftables.client.LibnftablesExecutor;
import io.jnftables.client.NftRequest;
import io.jnftables.client.NftResponse;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.netns.NetnsTarget;

/**
 * A fresh network namespace with a client, plus raw nft text execution (for loading reference
 * rulesets and reading nft's own listing) through the public executor SPI.
 */
public final class KernelNs implements AutoCloseable {
  private final LibnftablesExecutor executor;
  private final Nftables nft;

  private KernelNs() {
    this.executor = LibnftablesExecutor.open(NetnsTarget.fresh());
    this.nft = Nftables.using(executor);
  }

  public static KernelNs fresh() {
    return new KernelNs();
  }

  public Nftables nft() {
    return nft;
  }

  /** Runs nft text commands as {@code nft -f} does; throws with nft's message on failure. */
  public String text(String commands) {
    NftResponse r = executor.execute(NftRequest.text(commands));
    if (!r.ok()) {
      throw new NftablesException("nft text failed", r.error(), commands);
    }
    return r.output();
  }

  /**
   * Runs a JSON document through the client ({@link Nftables#runJson}, so its guards apply: a
   * listing of a table with exactly one flag is refused, nft 1.0.6 would print it from freed
   * memory) and returns the JSON output (e.g. a listing).
   */
  public String json(String json) {
    return nft.runJson(json);
  }

  @Override
  public void close() {
    nft.close();
  }
}
