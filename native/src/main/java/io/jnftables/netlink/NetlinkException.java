package io.jnftables.netlink;

/**
 * An nfnetlink exchange could not be made: the socket failed, the helper refused the messages or
 * died. {@link #maybeSent()} tells a caller whether retrying another way could apply the messages
 * twice.
 */
public final class NetlinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean maybeSent;

  public NetlinkException(String message, boolean maybeSent, Throwable cause) {
    super(message, cause);
    this.maybeSent = maybeSent;
  }

  public NetlinkException(String message, boolean maybeSent) {
    super(message);
    this.maybeSent = maybeSent;
  }

  /** Whether the kernel may have received the messages (false: it certainly did not). */
  public boolean maybeSent() {
    return maybeSent;
  }
}
