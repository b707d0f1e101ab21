package io.jnftables.sysctl;

/** Strict decimal parsing shared by the types. */
final class Numbers {
  private Numbers() {}

  /** Removes spaces, tabs, CR and LF around the value (nothing else). */
  static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlank(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /**
   * Parses an optionally negative decimal integer of at most 10 digits (after
   * {@link #strip(String) stripping}); anything else, including {@code +}, hex and inner spaces,
   * is refused.
   */
  static long parse(String value) {
    String v = strip(value);
    int i = 0;
    if (v.startsWith("-")) {
      i = 1;
    }
    if (i == v.length()) {
      throw new IllegalArgumentException("\"" + show(value) + "\" is not a decimal integer");
    }
    for (int j = i; j < v.length(); j++) {
      char c = v.charAt(j);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("\"" + show(value) + "\" is not a decimal integer");
      }
    }
    String digits = v.substring(i).replaceFirst("^0+(?=.)", "");
    if (digits.length() > 10) {
      throw new IllegalArgumentException("\"" + show(value) + "\" is out of range");
    }
    long n = Long.parseLong(digits);
    return i == 1 ? -n : n;
  }

  /** The value for a message: control characters escaped, cut at 40 characters. */
  static String show(String value) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < value.length() && i < 40; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (value.length() > 40) {
      sb.append("…");
    }
    return sb.toString();
  }
}
