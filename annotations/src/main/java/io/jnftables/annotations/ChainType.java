package io.jnftables.annotations;

/** Base chain types. */
public enum ChainType {
  FILTER("filter"),
  NAT("nat"),
  ROUTE("route");

  private final String nftName;

  ChainType(String nftName) {
    this.nftName = nftName;
  }

  public String nftName() {
    return nftName;
  }
}
