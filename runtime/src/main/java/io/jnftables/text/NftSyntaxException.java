package io.jnftables.text;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * nft rule text that the parser does not accept. It says where (the 1-based {@link #column()} of
 * the offending token in {@link #input()}), what ({@link #token()}, as written), what would have
 * been accepted there ({@link #expected()}) and, for a misspelt keyword, the likely intended one
 * ({@link #suggestion()}).
 *
 * <p>{@link #getMessage()} is one line, e.g. {@code unexpected "acept" at column 14, expected one
 * of: accept, drop, … (did you mean "accept"?)}; {@link #formatted()} adds the input with a caret
 * under the token.
 */
public final class NftSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final int column;
  private final String token;
  private final List<String> expected;
  private final @Nullable String suggestion;
  private final String headline;
  private final @Nullable String detail;

  /**
   * @param input the whole text that was parsed
   * @param column 1-based column (in chars) of the offending token; {@code input.length() + 1} at
   *     the end of the input
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
    super(message(column, headline, expected, detail, suggestion));
    this.input = Objects.requireNonNull(input, "input");
    this.column = column;
    this.token = Objects.requireNonNull(token, "token");
    this.headline = Objects.requireNonNull(headline, "headline");
    this.expected = List.copyOf(expected);
    this.detail = detail;
    this.suggestion = suggestion;
  }

  private static String message(
      int column,
      String headline,
      List<String> expected,
      @Nullable String detail,
      @Nullable String suggestion) {
    StringBuilder sb = new StringBuilder(headline).append(" at column ").append(column);
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

  /** 1-based column of the offending token, counted in chars of {@link #input()}. */
  public int column() {
    return column;
  }

  /** The offending token as written in the input; empty when the input ended too early. */
  public String token() {
    return token;
  }

  /** What the parser would have accepted at {@link #column()}; empty when any token is wrong there. */
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
   * The message, the input and a caret line under the offending token:
   *
   * <pre>
   * unexpected "acept" at column 14, expected ... (did you mean "accept"?)
   *     tcp dport 22 acept
   *                  ^^^^^
   * </pre>
   *
   * Tabs and line breaks of the input are shown as spaces so that the caret stays aligned.
   */
  public String formatted() {
    StringBuilder sb = new StringBuilder(getMessage()).append('\n').append("    ");
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    sb.append('\n').append("    ");
    sb.append(" ".repeat(Math.max(0, column - 1)));
    sb.append("^".repeat(Math.max(1, token.length())));
    return sb.toString();
  }
}
