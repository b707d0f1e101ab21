package io.jnftables.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jnftables.annotations.Family;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The hot path of encoding big batches: a rule command whose statements all have the common
 * shapes — a selector (payload field, meta or ct key) matched against a number or a plain string,
 * a new counter, a verdict without target, notrack — goes out as pre-encoded fragments plus its
 * literals through the generator's raw writes, instead of token by token. Profiles of the token
 * path show most of its time in Jackson's per-token context bookkeeping, not in producing bytes.
 *
 * <p>The bytes are exactly those of the general writer ({@code RuleFastPathTest} compares them);
 * any rule outside these shapes — a handle, index or comment, another statement, a string that
 * would need escaping — takes the general path. One instance serves one encode call: it keeps the
 * header of the previous rule, since consecutive rules of a batch almost always share verb,
 * family, table and chain.
 */
final class RuleFastPath {
  private static final int MAX_CACHED_PREFIXES = 4096;

  /** {@code {"match":{"op":"==","left":<selector>,"right":} per operator and selector. */
  @SuppressWarnings("unchecked")
  private static final ConcurrentHashMap<Expression, SerializedString>[] MATCH_PREFIXES =
      new ConcurrentHashMap[Operator.values().length];

  static {
    for (int i = 0; i < MATCH_PREFIXES.length; i++) {
      MATCH_PREFIXES[i] = new ConcurrentHashMap<>();
    }
  }

  private static final SerializedString MATCH_END = new SerializedString("}}");
  private static final SerializedString RULE_END = new SerializedString("]}}}");

  private @Nullable Verb lastVerb;
  private @Nullable Family lastFamily;
  private @Nullable String lastTable;
  private @Nullable String lastChain;
  private @Nullable SerializedString lastHeader;

  /** Writes the item if it is a rule command of the fast shapes; false (nothing written) if not. */
  boolean tryWrite(JsonGenerator g, Object item) throws IOException {
    if (!(item instanceof Command c) || !(c.object() instanceof Rule r) || !eligible(r)) {
      return false;
    }
    g.writeRawValue(header(c.verb(), r));
    List<Statement> statements = r.statements();
    for (int i = 0, n = statements.size(); i < n; i++) {
      if (i > 0) {
        g.writeRaw(',');
      }
      Statement s = statements.get(i);
      SerializedString constant = StatementCodec.constant(s);
      if (constant != null) {
        g.writeRaw(constant);
      } else {
        writeMatch(g, (Match) s);
      }
    }
    g.writeRaw(RULE_END);
    return true;
  }

  private static boolean eligible(Rule r) {
    if (r.handle() != null || r.index() != null || r.comment() != null) {
      return false;
    }
    if (!plain(r.table()) || !plain(r.chain())) {
      return false;
    }
    List<Statement> statements = r.statements();
    if (statements.isEmpty()) {
      return false;
    }
    for (int i = 0, n = statements.size(); i < n; i++) {
      Statement s = statements.get(i);
      if (StatementCodec.constant(s) != null) {
        continue;
      }
      if (!(s instanceof Match m) || !ExpressionCodec.isSelector(m.left())) {
        return false;
      }
      Expression right = m.right();
      if (!(right instanceof NumberLiteral || right instanceof StringLiteral str && plain(str.value()))) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII without {@code "} or {@code \}: JSON text without any escaping. */
  private static boolean plain(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\') {
        return false;
      }
    }
    return true;
  }

  private SerializedString header(Verb verb, Rule r) {
    // Names are compared by value: consecutive rules often hold equal, not identical, strings.
    if (verb == lastVerb && r.family() == lastFamily && r.table().equals(lastTable)
        && r.chain().equals(lastChain) && lastHeader != null) {
      return lastHeader;
    }
    String text = "{\"" + verb.jsonName() + "\":{\"rule\":{\"family\":\"" + r.family().nftName()
        + "\",\"table\":\"" + r.table() + "\",\"chain\":\"" + r.chain() + "\",\"expr\":[";
    lastVerb = verb;
    lastFamily = r.family();
    lastTable = r.table();
    lastChain = r.chain();
    lastHeader = new SerializedString(text);
    return lastHeader;
  }

  private static void writeMatch(JsonGenerator g, Match m) throws IOException {
    ConcurrentHashMap<Expression, SerializedString> prefixes = MATCH_PREFIXES[m.op().ordinal()];
    SerializedString prefix = prefixes.get(m.left());
    if (prefix == null) {
      prefix = new SerializedString("{\"match\":{\"op\":" + StatementCodec.quotedOperator(m.op())
          + ",\"left\":" + ExpressionCodec.selector(m.left()).getValue() + ",\"right\":");
      if (prefixes.size() < MAX_CACHED_PREFIXES) {
        prefixes.putIfAbsent(m.left(), prefix);
      }
    }
    g.writeRaw(prefix);
    if (m.right() instanceof NumberLiteral n) {
      g.writeRaw(Long.toString(n.value()));
    } else {
      g.writeRaw('"');
      g.writeRaw(((StringLiteral) m.right()).value());
      g.writeRaw('"');
    }
    g.writeRaw(MATCH_END);
  }
}
