package io.jnftables.dsl;

/** Syslog levels of the {@code log} statement; {@code warn} is nft's default and is not listed back. */
public enum LogLevel implements NftSymbol {
  EMERG("emerg"),
  ALERT("alert"),
  CRIT("crit"),
  ERR("err"),
  WARN("warn"),
  NOTICE("notice"),
  INFO("info"),
  DEBUG("debug"),
  AUDIT("audit");

  private final String nft;

  LogLevel(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
