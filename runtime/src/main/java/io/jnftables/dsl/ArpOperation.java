package io.jnftables.dsl;

/** ARP operations ({@code arp operation}). */
public enum ArpOperation implements NftSymbol {
  REQUEST("request"),
  REPLY("reply"),
  RREQUEST("rrequest"),
  RREPLY("rreply"),
  INREQUEST("inrequest"),
  INREPLY("inreply"),
  NAK("nak");

  private final String nft;

  ArpOperation(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
