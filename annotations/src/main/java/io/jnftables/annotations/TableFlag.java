package io.jnftables.annotations;

/** Table flags. */
public enum TableFlag {
  /** The table's base chains are not attached to their hooks: the table sees no packets. */
  DORMANT("dormant"),
  /**
   * The table belongs to the netlink socket that created it and goes away with it (kernel 5.12+);
   * only useful with a client that keeps its libnftables context open.
   */
  OWNER("owner");

  private final String nftName;

  TableFlag(String nftName) {
    this.nftName = nftName;
  }

  public String nftName() {
    return nftName;
  }
}
