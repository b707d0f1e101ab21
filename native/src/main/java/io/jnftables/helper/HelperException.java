package io.jnftables.helper;

import io.jnftables.libnft.NftException;

/**
 * The privileged helper could not be used: it could not be found or started, it refused to run,
 * or it died while a call was in flight (the next call starts a new one).
 *
 * <p>Unchecked; the message says what happened (exit status or signal, the helper's last words on
 * stderr) and what to do.
 */
public class HelperException extends NftException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed and what to do. */
  public HelperException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public HelperException(String message, Throwable cause) {
    super(message, cause);
  }
}
