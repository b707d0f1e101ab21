package io.jnftables.annotations;

/**
 * Netfilter hooks a base chain attaches to. {@link #NONE} marks a regular (non-base) chain,
 * reached only by {@code jump} or {@code goto}.
 */
public enum Hook {
  NONE(""),
  PREROUTING("prerouting"),
  INPUT("input"),
  FORWARD("forward"),
  OUTPUT("output"),
  POSTROUTING("postrouting"),
  INGRESS("ingress"),
  EGRESS("egress");

  private final String nftName;

  Hook(String nftName) {
    this.nftName = nftName;
  }

  public String nftName() {
    return nftName;
  }
}
