package io.jnftables.annotations;

/**
 * nft's standard chain priorities by name. With {@link Chain#priorityName()} set, {@link
 * Chain#priority()} is an offset from the named value ({@code priorityName = DSTNAT, priority = 5}
 * is nft's {@code priority dstnat + 5}).
 *
 * <p>Values in ip, ip6, inet, arp and netdev tables: raw -300, mangle -150, dstnat -100, filter 0,
 * security 50, srcnat 100. In bridge tables: dstnat -300, filter -200, out 100, srcnat 300. nft
 * accepts {@code dstnat} on prerouting and {@code srcnat} on postrouting only, {@code out} on
 * bridge output only, and only {@code filter} in arp and netdev tables.
 */
public enum PriorityName {
  /** No name: {@link Chain#priority()} is the priority itself. */
  NONE(""),
  RAW("raw"),
  MANGLE("mangle"),
  DSTNAT("dstnat"),
  FILTER("filter"),
  SECURITY("security"),
  SRCNAT("srcnat"),
  /** Bridge output only. */
  OUT("out");

  private final String nftName;

  PriorityName(String nftName) {
    this.nftName = nftName;
  }

  public String nftName() {
    return nftName;
  }
}
