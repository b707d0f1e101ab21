package io.jnftables.dsl;

/** Conntrack status bits ({@code ct status}). */
public enum CtStatus implements NftSymbol {
  EXPECTED("expected"),
  SEEN_REPLY("seen-reply"),
  ASSURED("assured"),
  CONFIRMED("confirmed"),
  SNAT("snat"),
  DNAT("dnat"),
  DYING("dying");

  private final String nft;

  CtStatus(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
