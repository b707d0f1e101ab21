package io.jnftables.processor.writer;

/**
 * ASCII-only Java text for arbitrary strings, so that generated sources read the same whatever
 * {@code -encoding} compiles them, and rule text cannot break out of a literal or a comment.
 */
final class JavaLiterals {
  private JavaLiterals() {}

  /** A Java string literal for {@code s}, quotes included. */
  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            // not \\u: javac turns \\u000a into a line break before it sees the literal
            sb.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * {@code s} for a {@code //} comment: control characters become spaces, backslashes are
   * doubled (so no unicode escape survives), non-ASCII becomes {@code ?}.
   */
  static String comment(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(' ');
      } else if (c == '\\') {
        sb.append("\\\\");
      } else if (c > 0x7e) {
        sb.append('?');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * {@code s} for javadoc HTML: {@link #comment} plus entities for the characters javadoc or a
   * comment would read ({@code & < > @ { } *}), so that no {@code *}{@code /} can end the comment.
   */
  static String javadoc(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : comment(s).toCharArray()) {
      switch (c) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '@': sb.append("&#64;"); break;
        case '{': sb.append("&#123;"); break;
        case '}': sb.append("&#125;"); break;
        case '*': sb.append("&#42;"); break;
        default: sb.append(c);
      }
    }
    return sb.toString();
  }
}
