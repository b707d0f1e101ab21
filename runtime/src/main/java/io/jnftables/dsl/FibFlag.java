package io.jnftables.dsl;

/** What a fib lookup keys on ({@code fib saddr . iif …}). */
public enum FibFlag implements NftSymbol {
  SADDR("saddr"),
  DADDR("daddr"),
  MARK("mark"),
  IIF("iif"),
  OIF("oif");

  private final String nft;

  FibFlag(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
