package io.jnftables.dsl;

/** What the {@code log} statement adds to each message. */
public enum LogFlag implements NftSymbol {
  TCP_SEQUENCE("tcp sequence"),
  TCP_OPTIONS("tcp options"),
  IP_OPTIONS("ip options"),
  SKUID("skuid"),
  ETHER("ether"),
  ALL("all");

  private final String nft;

  LogFlag(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
