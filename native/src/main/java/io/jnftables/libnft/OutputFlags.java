package io.jnftables.libnft;

/**
 * The output flags of {@code libnftables.h} ({@code NFT_CTX_OUTPUT_*}), to be or-ed together and
 * passed to {@link NftContext#run(String, int)}.
 *
 * <p>Plain {@code int} constants because libnftables takes a bit mask; the values are those of
 * nftables 1.0.6.
 */
public final class OutputFlags {
  private OutputFlags() {}

  /** No flag: nft's default text output. */
  public static final int NONE = 0;
  /** Resolve addresses to names (DNS). */
  public static final int REVERSEDNS = 1;
  /** Print port numbers as service names. */
  public static final int SERVICE = 1 << 1;
  /** Omit stateful data (counter values, quotas). */
  public static final int STATELESS = 1 << 2;
  /** Print object handles (JSON output always has them). */
  public static final int HANDLE = 1 << 3;
  /** JSON input is tried first, and output is JSON. */
  public static final int JSON = 1 << 4;
  /** Echo what was added back, with handles; forces a full cache load (can be slow). */
  public static final int ECHO = 1 << 5;
  /** Print UID/GID as names. */
  public static final int GUID = 1 << 6;
  /** Print protocols as numbers. */
  public static final int NUMERIC_PROTO = 1 << 7;
  /** Print chain priorities as numbers. */
  public static final int NUMERIC_PRIO = 1 << 8;
  /** Print symbolic constants as numbers. */
  public static final int NUMERIC_SYMBOL = 1 << 9;
  /** Print times as numbers. */
  public static final int NUMERIC_TIME = 1 << 10;
  /** All four NUMERIC_* flags. */
  public static final int NUMERIC_ALL = NUMERIC_PROTO | NUMERIC_PRIO | NUMERIC_SYMBOL | NUMERIC_TIME;
  /** Omit set contents when listing. */
  public static final int TERSE = 1 << 11;
}
