package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.stmt.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The nft language in Java: entry points that read nft text into the typed model and print the
 * model back as nft text.
 *
 * <pre>{@code
 * List<Statement> s = NftText.parseRule("tcp dport { 22, 443 } ct state new accept", Family.INET);
 * String text = NftText.print(s);   // "tcp dport { 22, 443 } ct state new accept"
 * }</pre>
 *
 * Every parse method throws {@link NftSyntaxException} (and nothing else) for text nft would
 * refuse before talking to the kernel; its message has the line, column, what was expected and a
 * "did you mean" for misspelt keywords.
 */
public final class NftText {
  private NftText() {}

  /**
   * The statements of one rule — the text after {@code add rule <family> <table> <chain>} — for a
   * table of {@code family}. Values keep the spelling nft's JSON accepts (service names stay
   * names, addresses as written); see {@link RuleParser#parse} for the resolved form.
   */
  public static List<Statement> parseRule(String ruleText, Family family) {
    return parseRule(ruleText, family, Schema.NONE);
  }

  /** Like {@link #parseRule(String, Family)}, checking set and object references against {@code schema}. */
  public static List<Statement> parseRule(String ruleText, Family family, Schema schema) {
    Objects.requireNonNull(ruleText, "ruleText");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(schema, "schema");
    Cursor c = new Cursor(ruleText, false);
    StatementParser p = new StatementParser(c, family, schema);
    List<Statement> out = p.statements();
    if (c.at("comment")) {
      Token t = c.peek();
      throw c.invalid(t, "unexpected comment", "a rule comment belongs to the rule, not to its statements; "
          + "use parseRuleWithComment");
    }
    if (!c.at(Token.Kind.EOF)) {
      throw c.unexpected(c.peek(), List.of("end of rule"), null);
    }
    return List.copyOf(out);
  }

  /** The statements as nft lists them, e.g. {@code tcp dport 22 accept}. */
  public static String print(List<Statement> statements) {
    return new StatementPrinter(null).statements(statements);
  }

  /**
   * The statements of a rule in a table of {@code family} as nft lists them; the family decides
   * which rejection is the default one nft leaves out ({@code reject}).
   */
  public static String print(List<Statement> statements, Family family) {
    return new StatementPrinter(family).statements(statements);
  }

  /**
   * A whole file in nft syntax — what {@code nft -f} reads — as one batch: table blocks, command
   * lines ({@code add|insert|delete|flush …}), variables ({@code define}). Error messages give the
   * line and column.
   */
  public static Batch parseRuleset(String text) {
    Objects.requireNonNull(text, "text");
    return RulesetParser.parse(text);
  }

  /**
   * A listing as {@code nft list ruleset} (or {@code list table}, {@code list chain}, …) prints it,
   * into the typed model, objects in the order listed (each chain followed by its rules). With
   * {@code nft -a}'s {@code # handle N} comments the objects carry their handles. This reads
   * everything nft's text listing shows, including what nft 1.0.6's JSON listing leaves out
   * ({@code typeof}, {@code auto-merge}, chain devices, table, chain and set comments, …).
   *
   * @throws NftSyntaxException if the text is not a listing (only table blocks may appear)
   */
  public static Ruleset parseListing(String listing) {
    Objects.requireNonNull(listing, "listing");
    return RulesetParser.parseListing(listing);
  }

  /** A listing as {@code nft list ruleset} prints it. */
  public static String print(Ruleset ruleset) {
    return RulesetPrinter.ruleset(ruleset);
  }

  /** A rule as nft lists it in its chain: its statements, then its comment. */
  public static String print(Rule rule) {
    StringBuilder sb = new StringBuilder();
    RulesetPrinter.rule(sb, new StatementPrinter(rule.family()), rule);
    return sb.toString();
  }

  /**
   * A batch as an nft script, one command per line ({@code add rule inet f input tcp dport 22
   * accept}): what {@code nft -f} reads back into the same commands.
   */
  public static String print(Batch batch) {
    return CommandPrinter.batch(batch);
  }

  /**
   * A rule of {@code family table chain} from its text, comment included: {@code tcp dport 22
   * accept comment "ssh"}.
   */
  public static Rule parseRule(Family family, String table, String chain, String ruleText) {
    Objects.requireNonNull(ruleText, "ruleText");
    Objects.requireNonNull(family, "family");
    Cursor c = new Cursor(ruleText, false);
    StatementParser p = new StatementParser(c, family, Schema.NONE);
    List<Statement> statements = p.statements();
    String comment = p.comment();
    if (!c.at(Token.Kind.EOF)) {
      throw c.unexpected(c.peek(), List.of("end of rule"), null);
    }
    return new Rule(family, io.jnftables.model.Names.check("table", table),
        io.jnftables.model.Names.check("chain", chain), statements, null, comment);
  }

  /** What {@link Rule#toString()} says: {@code rule inet filter input tcp dport 22 accept}. */
  public static String toString(Rule rule) {
    StringBuilder sb = new StringBuilder("rule ").append(rule.family().nftName()).append(' ').append(rule.table())
        .append(' ').append(rule.chain()).append(' ');
    RulesetPrinter.rule(sb, new StatementPrinter(rule.family()), rule);
    if (rule.handle() != null) {
      sb.append(" # handle ").append(rule.handle());
    }
    return sb.toString();
  }

  /**
   * What {@link io.jnftables.model.Chain#toString()} says: {@code chain inet filter input { type
   * filter hook input priority filter; policy drop; }}.
   */
  public static String toString(io.jnftables.model.Chain chain) {
    StringBuilder sb = new StringBuilder("chain ").append(chain.family().nftName()).append(' ')
        .append(chain.table()).append(' ').append(chain.name());
    io.jnftables.model.BaseChain b = chain.base();
    if (b != null) {
      sb.append(" { type ").append(b.type().nftName()).append(" hook ").append(b.hook().nftName());
      RulesetPrinter.devices(sb, b, false);
      sb.append(" priority ").append(Priorities.print(b.priority(), chain.family(), b.hook())).append(';');
      if (b.policy() != null) {
        sb.append(" policy ").append(b.policy().nftName()).append(';');
      }
      sb.append(" }");
    }
    if (chain.handle() != null) {
      sb.append(" # handle ").append(chain.handle());
    }
    return sb.toString();
  }

  /** What {@link Ruleset#toString()} says: the listing, as {@code nft list ruleset} prints it. */
  public static String toString(Ruleset ruleset) {
    return RulesetPrinter.ruleset(ruleset);
  }
}
