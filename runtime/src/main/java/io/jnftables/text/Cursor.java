package io.jnftables.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tokens of one input and the position in them, shared by the parsers of one parse, with the
 * helpers that turn a wrong token into an {@link NftSyntaxException} that points at it.
 */
final class Cursor {
  final String input;
  private final List<Token> tokens;
  private int pos;

  /** Whether line breaks end a command (files) or are plain spaces (a single rule). */
  private final boolean lines;

  /**
   * Levels of brackets, anonymous chains and chained operators beyond this are refused: the
   * parsers, the JSON encoder and the printers recurse once per level, and a thread's stack is
   * finite (tens of thousands of levels overflow it). Real rules nest a few levels. Each level is
   * at most four levels of JSON, within what the JSON decoder reads back (300).
   */
  static final int MAX_NESTING = 64;

  /** How deep the parse is now, in the levels {@link #MAX_NESTING} counts. */
  private int nesting;

  Cursor(String input, boolean lines) {
    this.input = input;
    this.lines = lines;
    List<Token> all = Lexer.tokenize(input, 0, input.length(), input, lines);
    this.tokens = lines ? Definitions.apply(all, input) : all;
  }

  Token peek() {
    return tokens.get(pos);
  }

  /** The token {@code k} places ahead (0 is {@link #peek()}); EOF past the end. */
  Token peek(int k) {
    int i = pos + k;
    return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  boolean at(String word) {
    return peek().is(word);
  }

  boolean at(Token.Kind kind) {
    return peek().kind() == kind;
  }

  /** Consumes the word if it is next. */
  boolean accept(String word) {
    if (peek().is(word)) {
      pos++;
      return true;
    }
    return false;
  }

  boolean accept(Token.Kind kind) {
    if (peek().kind() == kind && kind != Token.Kind.EOF) {
      pos++;
      return true;
    }
    return false;
  }

  Token expect(String word) {
    Token t = peek();
    if (!t.is(word)) {
      throw unexpected(t, List.of(word), null);
    }
    return next();
  }

  Token expect(Token.Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw unexpected(t, List.of(what), null);
    }
    return next();
  }

  /** Skips line breaks (inside braces, where nft lets declarations and elements span lines). */
  void skipNewlines() {
    if (lines) {
      while (peek().kind() == Token.Kind.NEWLINE) {
        pos++;
      }
    }
  }

  private static final java.util.regex.Pattern HANDLE_COMMENT =
      java.util.regex.Pattern.compile("#\\s*handle\\s+(\\d{1,19})\\s*$");

  /**
   * The handle in a {@code # handle N} comment between the last token read and the end of its
   * line, as {@code nft -a list} writes after a table, chain, set, object or rule; null if there
   * is none. Comments are not tokens, so this reads the input itself.
   */
  @Nullable Long trailingHandle() {
    if (pos == 0) {
      return null;
    }
    Token prev = tokens.get(pos - 1);
    Token cur = peek();
    int from = prev.offset() + prev.text().length();
    int to = cur.kind() == Token.Kind.EOF ? input.length() : cur.offset();
    if (from < 0 || to > input.length() || from >= to) {
      return null;
    }
    int nl = input.indexOf('\n', from);
    if (nl >= 0 && nl < to) {
      to = nl;
    }
    java.util.regex.Matcher m = HANDLE_COMMENT.matcher(input.substring(from, to));
    if (!m.find()) {
      return null;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return null; // above Long.MAX_VALUE: not a handle nft gives
    }
  }

  /**
   * One level deeper, at {@code t} (an opening bracket or an operator that nests the tree one
   * level more); returns the level to go back to with {@link #leave}.
   */
  int enter(Token t) {
    if (nesting >= MAX_NESTING) {
      throw invalid(t, "nested too deeply", "nft text may nest at most " + MAX_NESTING
          + " levels of brackets, anonymous chains and chained operators");
    }
    return nesting++;
  }

  /** The current level, to go back to with {@link #leave}. */
  int nesting() {
    return nesting;
  }

  void leave(int level) {
    nesting = level;
  }

  /**
   * The text of the tokens from position {@code from} up to the current one, as written; if a
   * variable's value stands among them, their texts joined by spaces instead, since the input
   * there says only {@code $name}, which means nothing without its definition.
   */
  String written(int from) {
    Token first = tokens.get(from);
    Token last = tokens.get(pos - 1);
    boolean asWritten = last.end() >= first.offset();
    for (int i = from; i < pos && asWritten; i++) {
      Token t = tokens.get(i);
      asWritten = input.startsWith(t.text(), t.offset()); // a substituted token sits at its "$"
    }
    if (asWritten) {
      return input.substring(first.offset(), last.end());
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < pos; i++) {
      Token t = tokens.get(i);
      sb.append(i == from ? "" : " ").append(t.kind() == Token.Kind.NEWLINE ? ";" : t.text());
    }
    return sb.toString();
  }

  /** Whether the statement list of a rule ends here. */
  boolean atEndOfRule() {
    Token.Kind k = peek().kind();
    return k == Token.Kind.EOF || k == Token.Kind.SEMICOLON || k == Token.Kind.NEWLINE || k == Token.Kind.RBRACE;
  }

  /**
   * Splits the next token, a word, after {@code at} chars: {@code 25:accept} becomes {@code 25},
   * {@code :}, {@code accept} when a mapping is written without spaces.
   */
  void split(int at) {
    Token t = peek();
    List<Token> parts = new ArrayList<>(3);
    parts.add(new Token(Token.Kind.WORD, t.text().substring(0, at), t.offset()));
    String rest = t.text().substring(at);
    if (rest.startsWith(":") && rest.length() > 1 && rest.charAt(1) != ':') {
      parts.add(new Token(Token.Kind.WORD, ":", t.offset() + at));
      parts.add(new Token(Token.Kind.WORD, rest.substring(1), t.offset() + at + 1));
    } else {
      parts.add(new Token(Token.Kind.WORD, rest, t.offset() + at));
    }
    tokens.remove(pos);
    tokens.addAll(pos, parts);
  }

  // ------------------------------------------------------------------ errors

  NftSyntaxException unexpected(Token t, Collection<String> expected, @Nullable String detail) {
    return error(t, "unexpected " + t.describe(), expected, detail, expected);
  }

  NftSyntaxException error(
      Token t, String headline, Collection<String> expected, @Nullable String detail, Collection<String> candidates) {
    String suggestion = t.kind() == Token.Kind.WORD ? Suggestions.closest(t.text(), candidates) : null;
    return NftSyntaxException.atOffset(
        input, t.offset(), t.text(), headline, List.copyOf(expected), detail, suggestion);
  }

  NftSyntaxException invalid(Token t, String headline, @Nullable String detail) {
    return NftSyntaxException.atOffset(input, t.offset(), t.text(), headline, List.of(), detail, null);
  }

  NftSyntaxException invalid(
      String text, int offset, String headline, @Nullable String detail, Collection<String> candidates) {
    return NftSyntaxException.atOffset(
        input, offset, text, headline, List.of(), detail, Suggestions.closest(text, candidates));
  }
}
