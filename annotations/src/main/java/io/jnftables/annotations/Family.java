package io.jnftables.annotations;

/** nftables address families, named as nft names them. */
public enum Family {
  IP("ip"),
  IP6("ip6"),
  INET("inet"),
  ARP("arp"),
  BRIDGE("bridge"),
  NETDEV("netdev");

  private final String nftName;

  Family(String nftName) {
    this.nftName = nftName;
  }

  /** The keyword nft uses for this family, e.g. {@code "inet"}. */
  public String nftName() {
    return nftName;
  }
}
