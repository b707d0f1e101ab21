package io.jnftables.dsl;

/** Packet types ({@code meta pkttype}). */
public enum PktType implements NftSymbol {
  HOST("host"),
  UNICAST("unicast"),
  BROADCAST("broadcast"),
  MULTICAST("multicast"),
  OTHER("other");

  private final String nft;

  PktType(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
