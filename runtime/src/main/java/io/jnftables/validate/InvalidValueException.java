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

  public InvalidValueException(String what, Object value, String problem) {
    super("invalid " + what + " " + quote(value) + ": " + problem);
    this.what = what;
    this.value = String.valueOf(value);
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
}
