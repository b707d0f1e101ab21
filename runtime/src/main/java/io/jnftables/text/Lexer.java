package io.jnftables.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits nft text into tokens. Bare words are runs of ASCII letters, digits and {@code _ . : / -
 * *}, so that numbers, names, IPv4/IPv6/MAC addresses, prefixes, ranges and times each arrive as
 * one word; the parser splits a word further where the context asks for it (a range, a prefix, a
 * {@code key:value} mapping written without spaces). {@code #} starts a comment that runs to the
 * end of the line; a backslash before a line break joins the lines.
 */
final class Lexer {
  private Lexer() {}

  /**
   * Bare words longer than this are refused. The longest real ones are names (nft allows 255
   * chars) and IPv6 ranges with prefixes; the value parser tries a word's dashes and colons as
   * places to split it, which is quadratic in its length.
   */
  static final int MAX_WORD = 1024;

  static List<Token> tokenize(String input) {
    return tokenize(input, 0, input.length(), input, true);
  }

  /**
   * Tokens of {@code input[from, to)}, offsets relative to the whole input; errors quote {@code
   * whole}. Without {@code lines}, line breaks are plain spaces (a single rule).
   */
  static List<Token> tokenize(String input, int from, int to, String whole, boolean lines) {
    List<Token> tokens = new ArrayList<>(Math.max(8, (to - from) / 4));
    int i = from;
    while (i < to) {
      char c = input.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '\n') {
        if (lines) {
          tokens.add(new Token(Token.Kind.NEWLINE, "\n", i));
        }
        i++;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < to && isWordChar(input.charAt(i))) {
          i++;
        }
        if (i - start > MAX_WORD) {
          throw NftSyntaxException.atOffset(whole, start, input.substring(start, i), "word too long", List.of(),
              "a bare word has at most " + MAX_WORD + " characters, this one " + (i - start), null);
        }
        tokens.add(new Token(Token.Kind.WORD, input.substring(start, i), start));
      } else if (c == '"') {
        int end = input.indexOf('"', i + 1);
        if (end < 0 || end >= to) {
          int nl = input.indexOf('\n', i + 1);
          int stop = nl >= 0 && nl < to ? nl : to;
          throw NftSyntaxException.atOffset(
              whole, i, input.substring(i, stop), "unterminated string", List.of(),
              "a string starts with \" and ends with the next \"", null);
        }
        tokens.add(new Token(Token.Kind.STRING, input.substring(i, end + 1), i));
        i = end + 1;
      } else if (c == '#') {
        while (i < to && input.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\\' && i + 1 < to && input.charAt(i + 1) == '\n') {
        i += 2;
      } else {
        i = punctuation(input, i, to, tokens);
      }
    }
    tokens.add(new Token(Token.Kind.EOF, "", to));
    return tokens;
  }

  private static int punctuation(String input, int i, int to, List<Token> tokens) {
    char c = input.charAt(i);
    char d = i + 1 < to ? input.charAt(i + 1) : 0;
    Token.Kind kind;
    int len = 1;
    switch (c) {
      case '{':
        kind = Token.Kind.LBRACE;
        break;
      case '}':
        kind = Token.Kind.RBRACE;
        break;
      case '(':
        kind = Token.Kind.LPAREN;
        break;
      case ')':
        kind = Token.Kind.RPAREN;
        break;
      case '[':
        kind = Token.Kind.LBRACKET;
        break;
      case ']':
        kind = Token.Kind.RBRACKET;
        break;
      case ',':
        kind = Token.Kind.COMMA;
        break;
      case ';':
        kind = Token.Kind.SEMICOLON;
        break;
      case '@':
        kind = Token.Kind.AT;
        break;
      case '$':
        kind = Token.Kind.DOLLAR;
        break;
      case '&':
      case '|':
      case '^':
        kind = Token.Kind.BINOP;
        break;
      case '=':
        if (d == '=') {
          kind = Token.Kind.OPERATOR;
          len = 2;
        } else {
          kind = Token.Kind.EQUALS;
        }
        break;
      case '!':
        if (d == '=') {
          kind = Token.Kind.OPERATOR;
          len = 2;
        } else {
          kind = Token.Kind.BANG;
        }
        break;
      case '<':
      case '>':
        if (d == c) {
          kind = Token.Kind.BINOP;
          len = 2;
        } else {
          kind = Token.Kind.OPERATOR;
          len = d == '=' ? 2 : 1;
        }
        break;
      default:
        kind = Token.Kind.OTHER;
        len = Character.isHighSurrogate(c) && d != 0 && Character.isLowSurrogate(d) ? 2 : 1;
    }
    tokens.add(new Token(kind, len == 1 && c < 128 ? ONE_CHAR[c] : input.substring(i, i + len), i));
    return i + len;
  }

  /** The text of one-character tokens, shared rather than cut out of the input each time. */
  private static final String[] ONE_CHAR = new String[128];

  static {
    for (char ch = 0; ch < 128; ch++) {
      ONE_CHAR[ch] = String.valueOf(ch).intern();
    }
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_' || c == '.' || c == ':' || c == '/' || c == '-' || c == '*';
  }
}
