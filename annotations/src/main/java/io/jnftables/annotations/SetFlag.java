package io.jnftables.annotations;

/** Flags of a named set or map. */
public enum SetFlag {
  /** The contents never change after the set is created. */
  CONSTANT("constant"),
  /** Elements may be prefixes and ranges. */
  INTERVAL("interval"),
  /** Elements may expire ({@code timeout} on the set or per element). */
  TIMEOUT("timeout"),
  /** Rules may add elements from the packet path ({@code add @set { ip saddr }}). */
  DYNAMIC("dynamic");

  private final String nftName;

  SetFlag(String nftName) {
    this.nftName = nftName;
  }

  public String nftName() {
    return nftName;
  }
}
