package io.jnftables.netns;

/**
 * A network namespace could not be entered or a task could not be handed to a {@link NetnsThread}.
 *
 * <p>Unchecked because the callers cannot recover in a generic way: the message says what to do
 * (run as root, create the namespace, ...).
 */
public class NetnsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that tells the user what failed and what to do. */
  public NetnsException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public NetnsException(String message, Throwable cause) {
    super(message, cause);
  }
}
