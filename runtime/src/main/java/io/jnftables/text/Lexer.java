package io.jnftables.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits rule text into tokens. Bare words are runs of ASCII letters, digits and {@code _ . : / - *},
 * so that numbers, names, IPv4/IPv6 addresses, prefixes and ranges each arrive as one word; the
 * parser splits a word further where the context asks for it (a range, a prefix).
 */
final class Lexer {
  private Lexer() {}

  static List<Token> tokenize(String input) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = input.length();
    while (i < n) {
      char c = input.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < n && isWordChar(input.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Token.Kind.WORD, input.substring(start, i), start));
      } else if (c == '"') {
        int end = input.indexOf('"', i + 1);
        if (end < 0) {
          throw new NftSyntaxException(
              input, i + 1, input.substring(i), "unterminated string", List.of(),
              "a string starts with \" and ends with the next \"", null);
        }
        tokens.add(new Token(Token.Kind.STRING, input.substring(i, end + 1), i));
        i = end + 1;
      } else if (c == '{') {
        tokens.add(new Token(Token.Kind.LBRACE, "{", i++));
      } else if (c == '}') {
        tokens.add(new Token(Token.Kind.RBRACE, "}", i++));
      } else if (c == ',') {
        tokens.add(new Token(Token.Kind.COMMA, ",", i++));
      } else if ((c == '=' || c == '!') && i + 1 < n && input.charAt(i + 1) == '=') {
        tokens.add(new Token(Token.Kind.OPERATOR, input.substring(i, i + 2), i));
        i += 2;
      } else if (c == '<' || c == '>') {
        int len = i + 1 < n && input.charAt(i + 1) == '=' ? 2 : 1;
        tokens.add(new Token(Token.Kind.OPERATOR, input.substring(i, i + len), i));
        i += len;
      } else {
        int len = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(input.charAt(i + 1)) ? 2 : 1;
        tokens.add(new Token(Token.Kind.OTHER, input.substring(i, i + len), i));
        i += len;
      }
    }
    tokens.add(new Token(Token.Kind.EOF, "", n));
    return tokens;
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_' || c == '.' || c == ':' || c == '/' || c == '-' || c == '*';
  }
}
