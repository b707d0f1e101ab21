package io.jnftables.dsl;

/** ICMPv6 message types ({@code icmpv6 type}). */
public enum Icmpv6Type implements NftSymbol {
  DESTINATION_UNREACHABLE("destination-unreachable"),
  PACKET_TOO_BIG("packet-too-big"),
  TIME_EXCEEDED("time-exceeded"),
  PARAMETER_PROBLEM("parameter-problem"),
  ECHO_REQUEST("echo-request"),
  ECHO_REPLY("echo-reply"),
  MLD_LISTENER_QUERY("mld-listener-query"),
  MLD_LISTENER_REPORT("mld-listener-report"),
  MLD_LISTENER_DONE("mld-listener-done"),
  ND_ROUTER_SOLICIT("nd-router-solicit"),
  ND_ROUTER_ADVERT("nd-router-advert"),
  ND_NEIGHBOR_SOLICIT("nd-neighbor-solicit"),
  ND_NEIGHBOR_ADVERT("nd-neighbor-advert"),
  ND_REDIRECT("nd-redirect"),
  ROUTER_RENUMBERING("router-renumbering"),
  IND_NEIGHBOR_SOLICIT("ind-neighbor-solicit"),
  IND_NEIGHBOR_ADVERT("ind-neighbor-advert"),
  MLD2_LISTENER_REPORT("mld2-listener-report");

  private final String nft;

  Icmpv6Type(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
