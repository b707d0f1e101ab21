package io.jnftables.client;

/**
 * The executor could not run the request: libnftables could not be loaded, the helper could not
 * be started or died during the call (the next call starts a new one), the caller was
 * interrupted. The message says what happened and what to do.
 */
public final class ExecutorException extends NftablesException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ExecutorException(String message, Throwable cause) {
    super(message, "", NftErrno.UNKNOWN, -1, null, null, "", cause);
  }
}
