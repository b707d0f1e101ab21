package io.jnftables.netns;

import java.util.Objects;

/**
 * A libc call failed; carries the call, {@code errno} and its symbolic name.
 *
 * <p>The message reads like {@code unshare(CLONE_NEWNET) failed: EPERM (Operation not permitted) —
 * creating a network namespace needs CAP_SYS_ADMIN (run as root)}, so that a user can act on it
 * without looking up errno numbers.
 */
public final class ErrnoException extends NetnsException {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final int errno;
  private final String hint;

  /**
   * Creates the exception.
   *
   * @param call the call as a user would recognise it, e.g. {@code unshare(CLONE_NEWNET)}
   * @param errno the value of {@code errno} right after the call
   * @param hint what to do about it, or {@code ""}
   */
  public ErrnoException(String call, int errno, String hint) {
    super(message(call, errno, hint));
    this.call = call;
    this.errno = errno;
    this.hint = Objects.requireNonNull(hint, "hint");
  }

  /** Returns a copy of this exception with a hint that says what to do about it. */
  public ErrnoException withHint(String newHint) {
    ErrnoException e = new ErrnoException(call, errno, newHint);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** The failed call, e.g. {@code setns(fd, CLONE_NEWNET)}. */
  public String call() {
    return call;
  }

  /** The numeric {@code errno}. */
  public int errno() {
    return errno;
  }

  /** The symbolic name of {@link #errno()}, e.g. {@code EPERM}, or {@code errno 123} if unknown. */
  public String errnoName() {
    return Errno.name(errno);
  }

  /** The hint given when the exception was created, or {@code ""}. */
  public String hint() {
    return hint;
  }

  private static String message(String call, int errno, String hint) {
    String m = call + " failed: " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
    return hint.isEmpty() ? m : m + " — " + hint;
  }
}
