package io.jnftables.libnft;

import java.time.Duration;

/**
 * A command did not finish within the timeout given to
 * {@link NftContext#run(String, int, boolean, Duration)}.
 *
 * <p>A native call cannot be interrupted, so {@link #commandStarted()} tells what happened: if
 * false, the command was still waiting (for its context or for the process-wide libnftables lock)
 * and was cancelled, so it will never run; if true, libnftables is still running it, it may still
 * take effect, and the context stays busy until it returns (later calls queue behind it).
 */
public final class NftTimeoutException extends NftException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;
  private final boolean commandStarted;

  /** Creates the exception; the message is derived from the arguments. */
  public NftTimeoutException(String contextName, Duration timeout, boolean commandStarted) {
    super(message(contextName, timeout, commandStarted));
    this.timeout = timeout;
    this.commandStarted = commandStarted;
  }

  /** The timeout that elapsed. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether libnftables had started the command (it then still runs and may take effect). */
  public boolean commandStarted() {
    return commandStarted;
  }

  private static String message(String contextName, Duration timeout, boolean started) {
    return started
        ? "libnftables context " + contextName + ": the command did not finish within " + timeout
            + "; it is still running (a native call cannot be interrupted) and may still take"
            + " effect; the context stays busy until it returns and later calls queue behind it"
        : "libnftables context " + contextName + ": the command did not start within " + timeout
            + " (the context was busy or waiting for the process-wide libnftables lock); it was"
            + " cancelled and will not run";
  }
}
