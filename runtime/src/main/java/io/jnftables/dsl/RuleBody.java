package io.jnftables.dsl;

import io.jnftables.annotations.Family;
import io.jnftables.model.Rule;
import io.jnftables.model.stmt.Statement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the DSL builds: the statements of one rule, not yet placed in a chain. Either a {@link
 * RuleExpr} (still open) or a {@link TerminalExpr} (ended by a verdict).
 */
public sealed interface RuleBody permits RuleExpr, TerminalExpr {
  /** The statements for a table of {@code family} (some statements depend on it, e.g. NAT in inet). */
  List<Statement> statements(Family family);

  /** The statements for the family given to {@link Expr#expr(Family)} (inet by default). */
  List<Statement> statements();

  /** The rule's comment, or null. */
  @Nullable String comment();

  /** The rule for {@code family table chain}, to add, insert or replace. */
  default Rule toRule(Family family, String table, String chain) {
    return Rule.of(family, table, chain, statements(family)).withComment(comment());
  }

  /** The rule as nft text, e.g. {@code tcp dport 22 ct state new counter accept}. */
  @Override
  String toString();
}
