package io.jnftables.processor.model;

import io.jnftables.annotations.Family;
import io.jnftables.model.stmt.Statement;
import io.jnftables.text.NftSyntaxException;
import io.jnftables.text.RuleParser;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A method annotated {@code @Rule}: its text and what the parser made of it — the statements,
 * or the syntax error (exactly one of the two is present).
 *
 * @param method the method's name, e.g. {@code loopback}
 * @param text the rule text as written
 * @param statements the parsed statements, or null if the text does not parse
 * @param syntaxError why the text does not parse, or null if it does
 * @param anchor the method and its {@code @Rule} annotation
 */
public record RuleDescriptor(
    String method,
    String text,
    @Nullable List<Statement> statements,
    @Nullable NftSyntaxException syntaxError,
    Anchor anchor) {
  public RuleDescriptor {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(anchor, "anchor");
    if ((statements == null) == (syntaxError == null)) {
      throw new IllegalArgumentException("exactly one of statements and syntaxError");
    }
    statements = statements == null ? null : List.copyOf(statements);
  }

  /** Parses {@code text} for a table of {@code family}. */
  public static RuleDescriptor parse(String method, String text, Family family, Anchor anchor) {
    try {
      return new RuleDescriptor(method, text, RuleParser.parse(text, family), null, anchor);
    } catch (NftSyntaxException e) {
      return new RuleDescriptor(method, text, null, e, anchor);
    }
  }
}
