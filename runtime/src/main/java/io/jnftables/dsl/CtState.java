package io.jnftables.dsl;

/** Conntrack states ({@code ct state}); a bitmask: several match as {@code ct state established,related}. */
public enum CtState implements NftSymbol {
  INVALID("invalid"),
  ESTABLISHED("established"),
  RELATED("related"),
  NEW("new"),
  UNTRACKED("untracked");

  private final String nft;

  CtState(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
