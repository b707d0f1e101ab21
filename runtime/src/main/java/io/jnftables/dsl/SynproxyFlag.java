package io.jnftables.dsl;

/** TCP options synproxy announces. */
public enum SynproxyFlag implements NftSymbol {
  TIMESTAMP("timestamp"),
  SACK_PERM("sack-perm");

  private final String nft;

  SynproxyFlag(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
