package io.jnftables.model;

import io.jnftables.annotations.Family;
import io.jnftables.model.stmt.Statement;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule: the statements it runs, in order, in the chain it belongs to.
 *
 * @param handle the kernel's handle: set on listed rules; in {@code add}/{@code insert} the rule
 *     to place this one after/before, in {@code replace} the rule to replace
 * @param index the position for {@code add}/{@code insert}, as an alternative to the handle
 */
public record Rule(
    Family family,
    String table,
    String chain,
    List<Statement> statements,
    @Nullable Long handle,
    @Nullable String comment,
    @Nullable Integer index)
    implements NftObject {
  public Rule {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(chain, "chain");
    statements = List.copyOf(statements);
  }

  public Rule(
      Family family,
      String table,
      String chain,
      List<Statement> statements,
      @Nullable Long handle,
      @Nullable String comment) {
    this(family, table, chain, statements, handle, comment, null);
  }

  public static Rule of(Family family, String table, String chain, List<Statement> statements) {
    return new Rule(family, Names.check("table", table), Names.check("chain", chain), statements, null, null);
  }

  public Rule withoutHandle() {
    return handle == null ? this : new Rule(family, table, chain, statements, null, comment, index);
  }

  /** The same rule with a comment. */
  public Rule withComment(@Nullable String comment) {
    return new Rule(family, table, chain, statements, handle, comment, index);
  }

  /**
   * A rule of {@code family table chain} from nft text, e.g. {@code Rule.parse(Family.INET,
   * "filter", "input", "tcp dport 22 accept comment \"ssh\"")}: a thin delegation to {@link
   * io.jnftables.text.NftText#parseRule(Family, String, String, String)}.
   *
   * @throws io.jnftables.text.NftSyntaxException if nft would refuse the text
   */
  public static Rule parse(Family family, String table, String chain, String text) {
    return io.jnftables.text.NftText.parseRule(family, table, chain, text);
  }

  /** The rule in nft syntax: {@code rule inet filter input tcp dport 22 accept}. */
  @Override
  public String toString() {
    return io.jnftables.text.NftText.toString(this);
  }
}
