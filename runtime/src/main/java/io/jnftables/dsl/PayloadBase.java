package io.jnftables.dsl;

/** Where a raw payload offset counts from ({@code @ll,@nh,@th,@ih}). */
public enum PayloadBase implements NftSymbol {
  LL("ll"),
  NH("nh"),
  TH("th"),
  IH("ih");

  private final String nft;

  PayloadBase(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
