package io.jnftables.client;

/**
 * For tests outside this package: how many batches a client wrote directly, handed to libnftables,
 * and how many set-type look-ups it made ({@code Nftables.directCounts()} is package-private).
 */
public final class DirectCounts {
  private DirectCounts() {}

  /** {applied directly, handed back to libnftables, look-ups}. */
  public static long[] of(Nftables nft) {
    return nft.directCounts();
  }
}
