package io.jnftables.processor.validation;

import io.jnftables.text.NftSyntaxException;

/**
 * Sorts the parser's refusals into the catalogue: a misspelt word with a suggestion, a statement
 * after a verdict, a header the family cannot see, a port without a transport protocol, two
 * matches no packet satisfies together; anything else is a plain syntax error. The parser's own
 * message (token, column, what was expected) is kept in every case.
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  static Diagnostic classify(NftSyntaxException e) {
    String headline = e.headline();
    String detail = e.detail() == null ? "" : e.detail();
    if (detail.startsWith("nothing can follow")) {
      return Diagnostic.AFTER_VERDICT;
    }
    if (headline.contains("cannot be used in a") && headline.endsWith(" table")) {
      return Diagnostic.FAMILY_MISMATCH;
    }
    if (headline.contains("needs a transport protocol")) {
      return Diagnostic.PORT_WITHOUT_PROTOCOL;
    }
    if (headline.contains(" conflicts with ")) {
      return Diagnostic.CONFLICTING_MATCHES;
    }
    if (e.suggestion() != null) {
      return Diagnostic.UNKNOWN_WORD;
    }
    return Diagnostic.RULE_SYNTAX;
  }

  /** The rule text and a caret line under the offending token (the lines after the message). */
  static String caret(NftSyntaxException e) {
    String formatted = e.formatted();
    return formatted.substring(formatted.indexOf('\n') + 1);
  }
}
