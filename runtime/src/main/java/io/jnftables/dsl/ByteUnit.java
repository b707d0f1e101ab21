package io.jnftables.dsl;

/** Byte units of byte rates and quotas. */
public enum ByteUnit implements NftSymbol {
  BYTES("bytes"),
  KBYTES("kbytes"),
  MBYTES("mbytes");

  private final String nft;

  ByteUnit(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
