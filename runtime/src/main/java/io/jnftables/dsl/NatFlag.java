package io.jnftables.dsl;

/** Flags of snat, dnat, masquerade and redirect. */
public enum NatFlag implements NftSymbol {
  RANDOM("random"),
  FULLY_RANDOM("fully-random"),
  PERSISTENT("persistent");

  private final String nft;

  NatFlag(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
