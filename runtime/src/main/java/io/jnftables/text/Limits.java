package io.jnftables.text;

/** Sizes the kernel and nft enforce on names and strings, checked before any kernel sees them. */
final class Limits {
  private Limits() {}

  /** IFNAMSIZ (16) minus the terminating NUL. */
  static final int IFNAME_BYTES = 15;

  /** NF_CT_HELPER_NAME_LEN (16) minus the terminating NUL. */
  static final int CT_HELPER_BYTES = 15;

  /** NFT_OSF_MAXGENRELEN: nft refuses longer osf names and versions. */
  static final int OSF_NAME_BYTES = 16;

  /** NF_LOG_PREFIXLEN (128) minus the terminating NUL. */
  static final int LOG_PREFIX_BYTES = 127;

  /** NFT_USERDATA_MAXLEN for comments. */
  static final int COMMENT_BYTES = 128;
}
