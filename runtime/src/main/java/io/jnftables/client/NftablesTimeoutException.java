package io.jnftables.client;

/**
 * No answer came within the call's timeout. If {@link #commandStarted()} is true the command may
 * still take effect (a running libnftables call cannot be interrupted); list the ruleset to know.
 */
public final class NftablesTimeoutException extends NftablesException {
  private static final long serialVersionUID = 1L;

  private final boolean commandStarted;

  /** Creates the exception. */
  public NftablesTimeoutException(String message, boolean commandStarted, String request, Throwable cause) {
    super(message, "", NftErrno.UNKNOWN, -1, null, null, request, cause);
    this.commandStarted = commandStarted;
  }

  /** Whether the command had been started (or sent to the helper): it may still take effect. */
  public boolean commandStarted() {
    return commandStarted;
  }
}
