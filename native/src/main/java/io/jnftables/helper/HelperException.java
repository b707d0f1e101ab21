package io.jnftables.helper;

import io.jnftables.libnft.NftException;

/**
 * The privileged helper could not be used: it could not be found or started, it refused to run,
 * or it died while a call was in flight (the next call starts a new one).
 *
 * <p>Unchecked; the message says what happened (exit status or signal, the helper's last words on
 * stderr), whether the request may have been applied, and what to do.
 */
public class HelperException extends NftException {
  private static final long serialVersionUID = 1L;
  private final boolean mayHaveBeenApplied;

  /** Creates an exception for a request that was not applied (it never reached a helper). */
  public HelperException(String message) {
    this(message, null, false);
  }

  /** Creates an exception for a request that was not applied, with the underlying cause. */
  public HelperException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * Creates an exception with a message, the underlying cause (or null) and whether the request
   * may have been applied.
   */
  public HelperException(String message, Throwable cause, boolean mayHaveBeenApplied) {
    super(message, cause);
    this.mayHaveBeenApplied = mayHaveBeenApplied;
  }

  /**
   * Whether the request may have been applied: true when the helper died after the request was
   * sent to it and before it answered (list the ruleset to know); false when the request never
   * reached a helper (it was not applied; calling again is safe).
   */
  public boolean mayHaveBeenApplied() {
    return mayHaveBeenApplied;
  }
}
