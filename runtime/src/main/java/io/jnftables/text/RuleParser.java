package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.stmt.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Parses the text of one nft rule — what follows {@code add rule <family> <table> <chain>} — into
 * statements with symbolic values resolved the way nft lists them back, e.g.
 *
 * <pre>{@code
 * RuleParser.parse("tcp dport { http, 443 } accept", Family.INET)
 *   // [Match(EQ, PayloadExpr(tcp, dport), SetExpr[80, 443]), Verdict.ACCEPT]
 * }</pre>
 *
 * <p>It reads everything {@link NftText#parseRule} reads, then applies {@link Canonical}: service
 * names become port numbers, protocol aliases nft's names, prefixes are reduced to their network
 * ({@code 10.0.0.1/8} is {@code 10.0.0.0/8}) and a full-length prefix is a plain address, IPv6
 * addresses are in canonical text, and flag lists ({@code ct state}) are in kernel bit order
 * without duplicates. The annotation processor uses this form: the code it generates then does
 * not depend on the target host's {@code /etc/services}.
 *
 * <p>Anything else throws {@link NftSyntaxException}, and nothing else is ever thrown for any
 * input string. Parsing is pure: no DNS, no files, no native code.
 */
public final class RuleParser {
  /** Words a statement most often starts with, in the order error messages list them. */
  static final List<String> STATEMENT_KEYWORDS = StatementParser.STATEMENT_KEYWORDS;

  private RuleParser() {}

  /**
   * The statements of {@code ruleText} for a rule in a table of {@code family}, with symbolic
   * values resolved.
   *
   * @throws NftSyntaxException if the text is not a rule nft accepts, or uses a protocol the family
   *     cannot match (e.g. {@code ip saddr} in an {@code ip6} table)
   */
  public static List<Statement> parse(String ruleText, Family family) {
    Objects.requireNonNull(ruleText, "ruleText");
    Objects.requireNonNull(family, "family");
    return Canonical.statements(NftText.parseRule(ruleText, family));
  }

  /**
   * Like {@link #parse(String, Family)}, checking references to sets, maps and stateful objects
   * against what the table declares ({@code ip saddr @v6set} is refused when {@code v6set} holds
   * IPv6 addresses).
   */
  public static List<Statement> parse(String ruleText, Family family, Schema schema) {
    Objects.requireNonNull(ruleText, "ruleText");
    Objects.requireNonNull(family, "family");
    return Canonical.statements(NftText.parseRule(ruleText, family, schema));
  }
}
