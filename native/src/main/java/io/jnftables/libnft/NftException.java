package io.jnftables.libnft;

/**
 * libnftables could not be used: not installed, a context could not be created, or the caller was
 * interrupted while waiting.
 *
 * <p>Not thrown for a command that nft rejects: that is an {@link NftResult} with {@code rc != 0}.
 * Unchecked: the message says what to do.
 */
public class NftException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed and what to do. */
  public NftException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public NftException(String message, Throwable cause) {
    super(message, cause);
  }
}
