package io.jnftables.dsl;

import io.jnftables.annotations.Family;
import io.jnftables.model.stmt.Statement;
import io.jnftables.validate.Validate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule ended by a verdict ({@code accept}, {@code drop}, {@code jump}, {@code reject}, NAT, a
 * verdict map…). Nothing can follow a verdict, so this type offers no matchers or statements: only
 * a comment and the conversions to the model.
 */
public final class TerminalExpr implements RuleBody {
  private final RuleExpr body;

  TerminalExpr(RuleExpr body) {
    this.body = body;
  }

  RuleExpr body() {
    return body;
  }

  /** The rule's comment (at most 127 bytes). */
  public TerminalExpr comment(String comment) {
    return new TerminalExpr(body.comment(Validate.comment(comment)));
  }

  @Override
  public @Nullable String comment() {
    return body.comment();
  }

  @Override
  public List<Statement> statements(Family family) {
    return body.statements(family);
  }

  @Override
  public List<Statement> statements() {
    return body.statements();
  }

  @Override
  public String toString() {
    return body.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TerminalExpr t && t.body.equals(body);
  }

  @Override
  public int hashCode() {
    return body.hashCode();
  }
}
