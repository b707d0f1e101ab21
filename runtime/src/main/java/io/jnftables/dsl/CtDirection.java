package io.jnftables.dsl;

/** A conntrack direction ({@code ct direction}, {@code ct original …}, {@code ct reply …}). */
public enum CtDirection implements NftSymbol {
  ORIGINAL("original"),
  REPLY("reply");

  private final String nft;

  CtDirection(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
