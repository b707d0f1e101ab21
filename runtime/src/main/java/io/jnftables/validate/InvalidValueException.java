package io.jnftables.validate;

/**
 * A value nft would reject, or would read differently from what was meant, caught before
 * anything is sent to the kernel. The message names the field, the value and the problem, e.g.
 * {@code invalid port 70000: outside 0..65535}.
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String value;
  private final String problem;

  public InvalidValueException(String what, Object value, String problem) {
    super("invalid " + what + " " + quote(value) + ": " + problem);
    this.what = what;
    this.value = String.valueOf(value);
    this.problem = problem;
  }

  private static String quote(Object value) {
    return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
  }

  /** What was being checked, e.g. {@code "port"}, {@code "IPv4 address"}. */
  public String what() {
    return what;
  }

  /** The offending value as text. */
  public String value() {
    return value;
  }

  /** What is wrong with it, e.g. {@code "outside 0..65535"}. */
  public String problem() {
    return problem;
  }
}
