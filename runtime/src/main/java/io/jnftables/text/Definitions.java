package io.jnftables.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * nft's variables: {@code define name = value} (also {@code redefine}, {@code undefine}) and
 * {@code $name} anywhere after it. The definition lines are dropped and each use is replaced by
 * the tokens of the value, placed at the {@code $name} so that errors inside a value point at its
 * use.
 */
final class Definitions {
  /** Nesting of variables inside values beyond this is a loop nft would refuse too. */
  private static final int MAX_DEPTH = 16;

  /**
   * Tokens that uses of variables may add, at least: a value can hold two uses of the variable
   * before, so forty lines could otherwise ask for 2^40 tokens.
   */
  private static final long MIN_BUDGET = 1 << 16;

  private final String input;

  /** Tokens that uses of variables may still add: linear in the text's own size. */
  private long budget;

  private Definitions(String input, long budget) {
    this.input = input;
    this.budget = budget;
  }

  static List<Token> apply(List<Token> in, String input) {
    return new Definitions(input, Math.max(MIN_BUDGET, 16L * in.size())).expand(in);
  }

  private List<Token> expand(List<Token> in) {
    Map<String, List<Token>> defs = new HashMap<>();
    List<Token> out = new ArrayList<>(in.size());
    boolean lineStart = true;
    for (int i = 0; i < in.size(); i++) {
      Token t = in.get(i);
      if (lineStart && (t.is("define") || t.is("redefine")) && i + 2 < in.size() && in.get(i + 1).isWord()
          && in.get(i + 2).kind() == Token.Kind.EQUALS) {
        String name = in.get(i + 1).text();
        if (t.is("define") && defs.containsKey(name)) {
          throw NftSyntaxException.atOffset(input, in.get(i + 1).offset(), name, "variable \"" + name
              + "\" is already defined", List.of(), "use redefine to change it", null);
        }
        List<Token> value = new ArrayList<>();
        int depth = 0;
        int j = i + 3;
        for (; j < in.size(); j++) {
          Token v = in.get(j);
          Token.Kind k = v.kind();
          if (depth == 0 && (k == Token.Kind.NEWLINE || k == Token.Kind.SEMICOLON || k == Token.Kind.EOF)) {
            break;
          }
          if (k == Token.Kind.LBRACE) {
            depth++;
          } else if (k == Token.Kind.RBRACE) {
            depth--;
          }
          if (k == Token.Kind.NEWLINE) {
            continue; // a value in braces may span lines
          }
          value.add(v);
        }
        if (value.isEmpty()) {
          Token at = in.get(Math.min(j, in.size() - 1));
          throw NftSyntaxException.atOffset(input, at.offset(), at.text(), "unexpected " + at.describe(),
              List.of("a value"), "define " + name + " = <value>", null);
        }
        defs.put(name, substitute(value, defs, 0));
        i = j - 1;
        continue;
      }
      if (lineStart && t.is("undefine") && i + 1 < in.size() && in.get(i + 1).isWord()) {
        defs.remove(in.get(i + 1).text());
        i++;
        continue;
      }
      if (t.kind() == Token.Kind.DOLLAR) {
        Token name = i + 1 < in.size() ? in.get(i + 1) : t;
        out.addAll(use(t, name, defs, 0));
        i++;
        lineStart = false;
        continue;
      }
      out.add(t);
      lineStart = t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.SEMICOLON;
    }
    return out;
  }

  private List<Token> substitute(List<Token> value, Map<String, List<Token>> defs, int depth) {
    List<Token> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      Token t = value.get(i);
      if (t.kind() == Token.Kind.DOLLAR && i + 1 < value.size()) {
        out.addAll(use(t, value.get(i + 1), defs, depth + 1));
        i++;
      } else {
        out.add(t);
      }
    }
    return out;
  }

  private List<Token> use(Token dollar, Token name, Map<String, List<Token>> defs, int depth) {
    if (!name.isWord() || name.offset() != dollar.offset() + 1) {
      throw NftSyntaxException.atOffset(input, dollar.offset(), "$", "unexpected \"$\"", List.of("a variable name"),
          null, null);
    }
    List<Token> value = defs.get(name.text());
    if (value == null) {
      throw NftSyntaxException.atOffset(input, dollar.offset(), "$" + name.text(),
          "unknown variable \"$" + name.text() + "\"", List.of(), "define it first: define " + name.text() + " = …",
          Suggestions.closest(name.text(), defs.keySet()));
    }
    if (depth > MAX_DEPTH) {
      throw NftSyntaxException.atOffset(input, dollar.offset(), "$" + name.text(), "variables nested too deeply",
          List.of(), null, null);
    }
    budget -= value.size();
    if (budget < 0) {
      throw NftSyntaxException.atOffset(input, dollar.offset(), "$" + name.text(), "variables expand too much",
          List.of(), "their values, used in each other, grow beyond " + MIN_BUDGET
          + " tokens or 16 times the text", null);
    }
    List<Token> out = new ArrayList<>(value.size());
    for (Token v : value) {
      // placed at the use, so that errors point where the value is used
      out.add(new Token(v.kind(), v.text(), dollar.offset()));
    }
    return out;
  }
}
