package io.jnftables.text;

/**
 * One token of nft text.
 *
 * @param kind what it is
 * @param text the token as written (a quoted string keeps its quotes)
 * @param offset 0-based index of its first char in the input
 */
record Token(Kind kind, String text, int offset) {
  enum Kind {
    /**
     * A bare word: keyword, number, name, address, range ({@code 1000-2000}), prefix, time
     * ({@code 1h30m}); also the lone punctuation that nft spells like a word: {@code .} (concat),
     * {@code :} (mapping), {@code -} (range), {@code /} (rate), {@code *} (catch-all element).
     */
    WORD,
    /** {@code "..."}; nft has no escapes in quoted strings. */
    STRING,
    LBRACE,
    RBRACE,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    /** {@code ;}, which ends a rule or a declaration. */
    SEMICOLON,
    /** A line break: ends a command or a declaration in a file. */
    NEWLINE,
    /** {@code == != < > <= >=}. */
    OPERATOR,
    /** {@code !}, nft's "none of these flags" relation. */
    BANG,
    /** {@code & | ^ << >>}. */
    BINOP,
    /** {@code @}, before a set name or a raw payload base. */
    AT,
    /** {@code $}, before a variable name. */
    DOLLAR,
    /** {@code =}, in {@code policy = { … }} of ct timeout objects. */
    EQUALS,
    /** Any other character: never valid in nft's grammar. */
    OTHER,
    EOF
  }

  /** The value of a word or the content of a quoted string. */
  String value() {
    return kind == Kind.STRING ? text.substring(1, text.length() - 1) : text;
  }

  int end() {
    return offset + text.length();
  }

  boolean is(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  /** How the token reads in a message: {@code "foo"}, {@code string "foo"}, {@code end of input}. */
  String describe() {
    switch (kind) {
      case EOF:
        return "end of input";
      case NEWLINE:
        return "end of line";
      case STRING:
        return "string " + text;
      default:
        return "\"" + text + "\"";
    }
  }
}
