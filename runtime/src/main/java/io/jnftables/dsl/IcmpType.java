package io.jnftables.dsl;

/** ICMP (IPv4) message types ({@code icmp type}). */
public enum IcmpType implements NftSymbol {
  ECHO_REPLY("echo-reply"),
  DESTINATION_UNREACHABLE("destination-unreachable"),
  SOURCE_QUENCH("source-quench"),
  REDIRECT("redirect"),
  ECHO_REQUEST("echo-request"),
  ROUTER_ADVERTISEMENT("router-advertisement"),
  ROUTER_SOLICITATION("router-solicitation"),
  TIME_EXCEEDED("time-exceeded"),
  PARAMETER_PROBLEM("parameter-problem"),
  TIMESTAMP_REQUEST("timestamp-request"),
  TIMESTAMP_REPLY("timestamp-reply"),
  INFO_REQUEST("info-request"),
  INFO_REPLY("info-reply"),
  ADDRESS_MASK_REQUEST("address-mask-request"),
  ADDRESS_MASK_REPLY("address-mask-reply");

  private final String nft;

  IcmpType(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
