package io.jnftables.dsl;

/** What a fib lookup returns. */
public enum FibResult implements NftSymbol {
  OIF("oif"),
  OIFNAME("oifname"),
  TYPE("type");

  private final String nft;

  FibResult(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
