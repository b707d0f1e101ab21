package io.jnftables.text;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * nft text that the parser does not accept. It says where (the 1-based {@link #line()} and
 * {@link #column()} of the offending token in {@link #input()}), what ({@link #token()}, as
 * written), what would have been accepted there ({@link #expected()}) and, for a misspelt keyword,
 * the likely intended one ({@link #suggestion()}).
 *
 * <p>{@link #getMessage()} is one line, e.g. {@code unexpected "acept" at column 14, expected one
 * of: accept, drop, … (did you mean "accept"?)}; for text of several lines it says {@code at line
 * 3, column 14}. {@link #formatted()} adds the offending line with a caret under the token.
 */
public final class NftSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final int line;
  private final int column;
  private final int offset;
  private final String token;
  private final List<String> expected;
  private final @Nullable String suggestion;
  private final String headline;
  private final @Nullable String detail;

  /**
   * @param input the whole text that was parsed
   * @param column 1-based index (in chars) of the offending token in {@code input}; {@code
   *     input.length() + 1} at the end of the input. For text of several lines the exception works
   *     out the line and the column within it.
   * @param token the offending token as written; empty at the end of the input
   * @param headline what is wrong with the token, without its position, e.g. {@code unexpected
   *     "foo"} or {@code invalid port "70000"}
   * @param expected what would have been accepted at that position (may be empty)
   * @param detail why, when the headline does not say it all (may be null)
   * @param suggestion the expected word the token most likely meant (may be null)
   */
  public NftSyntaxException(
      String input,
      int column,
      String token,
      String headline,
      List<String> expected,
      @Nullable String detail,
      @Nullable String suggestion) {
    this(input, Math.max(0, column - 1), position(input, Math.max(0, column - 1)), token, headline, expected,
        detail, suggestion);
  }

  private NftSyntaxException(
      String input,
      int offset,
      int[] lineColumn,
      String token,
      String headline,
      List<String> expected,
      @Nullable String detail,
      @Nullable String suggestion) {
    super(message(lineColumn[0], lineColumn[1], input.indexOf('\n') >= 0 && input.indexOf('\n') < input.length() - 1,
        headline, expected, detail, suggestion));
    this.input = Objects.requireNonNull(input, "input");
    this.offset = offset;
    this.line = lineColumn[0];
    this.column = lineColumn[1];
    this.token = Objects.requireNonNull(token, "token");
    this.headline = Objects.requireNonNull(headline, "headline");
    this.expected = List.copyOf(expected);
    this.detail = detail;
    this.suggestion = suggestion;
  }

  /** An error at the 0-based char {@code offset} of {@code input}. */
  static NftSyntaxException atOffset(
      String input,
      int offset,
      String token,
      String headline,
      List<String> expected,
      @Nullable String detail,
      @Nullable String suggestion) {
    return new NftSyntaxException(input, offset, position(input, offset), token, headline, expected, detail,
        suggestion);
  }

  /** 1-based line and column of a 0-based offset. */
  private static int[] position(String input, int offset) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(offset, input.length());
    for (int i = 0; i < end; i++) {
      if (input.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  private static String message(
      int line,
      int column,
      boolean multiline,
      String headline,
      List<String> expected,
      @Nullable String detail,
      @Nullable String suggestion) {
    StringBuilder sb = new StringBuilder(headline);
    if (multiline) {
      sb.append(" at line ").append(line).append(", column ").append(column);
    } else {
      sb.append(" at column ").append(column);
    }
    if (!expected.isEmpty()) {
      sb.append(expected.size() == 1 ? ", expected " : ", expected one of: ");
      sb.append(String.join(", ", expected));
    }
    if (detail != null) {
      sb.append(": ").append(detail);
    }
    if (suggestion != null) {
      sb.append(" (did you mean \"").append(suggestion).append("\"?)");
    }
    return sb.toString();
  }

  /** The text that was parsed. */
  public String input() {
    return input;
  }

  /** 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token within its line, counted in chars. */
  public int column() {
    return column;
  }

  /** 0-based index of the offending token in {@link #input()}. */
  public int offset() {
    return offset;
  }

  /** The offending token as written in the input; empty when the input ended too early. */
  public String token() {
    return token;
  }

  /** What the parser would have accepted at the error; empty when any token is wrong there. */
  public List<String> expected() {
    return expected;
  }

  /** The keyword or name the token most likely meant, or {@code null}. */
  public @Nullable String suggestion() {
    return suggestion;
  }

  /** What is wrong, without the position: {@code unexpected "foo"}, {@code invalid port "70000"}. */
  public String headline() {
    return headline;
  }

  /** Why the token is wrong, when the headline does not say it all, or {@code null}. */
  public @Nullable String detail() {
    return detail;
  }

  /**
   * The message, the offending line and a caret line under the offending token:
   *
   * <pre>
   * unexpected "acept" at column 14, expected ... (did you mean "accept"?)
   *     tcp dport 22 acept
   *                  ^^^^^
   * </pre>
   *
   * Tabs and other control characters of the line are shown as spaces so that the caret stays
   * aligned.
   */
  public String formatted() {
    int start = offset - (column - 1);
    int end = input.indexOf('\n', Math.max(start, 0));
    if (end < 0) {
      end = input.length();
    }
    StringBuilder sb = new StringBuilder(getMessage()).append('\n').append("    ");
    for (int i = Math.max(start, 0); i < end; i++) {
      char c = input.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    sb.append('\n').append("    ");
    sb.append(" ".repeat(Math.max(0, column - 1)));
    int width = token.indexOf('\n') >= 0 ? token.indexOf('\n') : token.length();
    sb.append("^".repeat(Math.max(1, width)));
    return sb.toString();
  }
}
