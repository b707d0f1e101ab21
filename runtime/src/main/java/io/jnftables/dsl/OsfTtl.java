package io.jnftables.dsl;

/** How osf compares the TTL; nft 1.0.6 has no {@code strict} (its default). */
public enum OsfTtl implements NftSymbol {
  LOOSE("loose"),
  SKIP("skip");

  private final String nft;

  OsfTtl(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
