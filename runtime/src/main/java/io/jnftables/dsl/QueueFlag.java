package io.jnftables.dsl;

/** Flags of the queue statement. */
public enum QueueFlag implements NftSymbol {
  BYPASS("bypass"),
  FANOUT("fanout");

  private final String nft;

  QueueFlag(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
