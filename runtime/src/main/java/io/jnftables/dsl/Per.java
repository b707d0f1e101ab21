package io.jnftables.dsl;

/** The time unit of a rate ({@code limit rate 10/minute}). */
public enum Per implements NftSymbol {
  SECOND("second"),
  MINUTE("minute"),
  HOUR("hour"),
  DAY("day"),
  WEEK("week");

  private final String nft;

  Per(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
