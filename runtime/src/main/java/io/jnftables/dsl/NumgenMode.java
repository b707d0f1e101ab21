package io.jnftables.dsl;

/** How numgen produces numbers. */
public enum NumgenMode implements NftSymbol {
  INC("inc"),
  RANDOM("random");

  private final String nft;

  NumgenMode(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
