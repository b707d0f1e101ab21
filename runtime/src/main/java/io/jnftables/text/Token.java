package io.jnftables.text;

/**
 * One token of rule text.
 *
 * @param kind what it is
 * @param text the token as written (a quoted string keeps its quotes)
 * @param offset 0-based index of its first char in the input
 */
record Token(Kind kind, String text, int offset) {
  enum Kind {
    /** A bare word: keyword, number, name, address, range ({@code 1000-2000}) or prefix. */
    WORD,
    /** {@code "..."}; nft has no escapes in quoted strings. */
    STRING,
    LBRACE,
    RBRACE,
    COMMA,
    /** {@code == != < > <= >=}. */
    OPERATOR,
    /** Any other character: never valid in the supported grammar. */
    OTHER,
    EOF
  }

  /** The value of a word or the content of a quoted string. */
  String value() {
    return kind == Kind.STRING ? text.substring(1, text.length() - 1) : text;
  }

  int column() {
    return offset + 1;
  }

  boolean is(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  /** How the token reads in a message: {@code "foo"}, {@code string "foo"}, {@code end of input}. */
  String describe() {
    switch (kind) {
      case EOF:
        return "end of input";
      case STRING:
        return "string " + text;
      default:
        return "\"" + text + "\"";
    }
  }
}
