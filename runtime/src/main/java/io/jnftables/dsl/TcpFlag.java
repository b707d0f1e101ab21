package io.jnftables.dsl;

/** TCP header flags ({@code tcp flags}); a bitmask. */
public enum TcpFlag implements NftSymbol {
  FIN("fin"),
  SYN("syn"),
  RST("rst"),
  PSH("psh"),
  ACK("ack"),
  URG("urg"),
  ECN("ecn"),
  CWR("cwr");

  private final String nft;

  TcpFlag(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
