package io.jnftables.annotations;

/** Base chain policy: the verdict for packets no rule decided on. */
public enum Policy {
  ACCEPT("accept"),
  DROP("drop");

  private final String nftName;

  Policy(String nftName) {
    this.nftName = nftName;
  }

  public String nftName() {
    return nftName;
  }
}
