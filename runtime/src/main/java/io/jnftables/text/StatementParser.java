package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.Names;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.model.expr.TcpOptionOffsetExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.CtCount;
import io.jnftables.model.stmt.Dup;
import io.jnftables.model.stmt.FlowOffload;
import io.jnftables.model.stmt.Fwd;
import io.jnftables.model.stmt.Limit;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Mangle;
import io.jnftables.model.stmt.MapUpdate;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Meter;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.Notrack;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.OptionReset;
import io.jnftables.model.stmt.Queue;
import io.jnftables.model.stmt.Quota;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Synproxy;
import io.jnftables.model.stmt.Tproxy;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.model.stmt.VerdictMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one rule: matches, verdicts, counters, logging, limits, NAT, mangling, set
 * updates and the other actions of {@code man nft}, with the checks nft makes on the rule text
 * before any kernel sees it — protocols the table family cannot see, protocols that contradict
 * each other within the rule, values out of range, statements after a terminal one, references
 * to sets and objects the table does not declare (when a {@link Schema} says what it declares).
 */
final class StatementParser {
  /** The words a statement most often starts with, as error messages list them. */
  static final List<String> STATEMENT_KEYWORDS =
      List.of("accept", "drop", "reject", "jump", "goto", "return", "continue", "counter", "log", "ct", "meta",
          "iif", "iifname", "oif", "oifname", "ip", "ip6", "tcp", "udp");

  /** The same, for lookups. */
  static final Set<String> STATEMENT_KEYWORD_SET = Set.copyOf(STATEMENT_KEYWORDS);

  static final List<String> VERDICTS = List.of("accept", "drop", "continue", "return", "jump", "goto");

  /** Every word a statement can start with (for "did you mean"). */
  static final List<String> ALL_KEYWORDS = allKeywords();

  private static final Set<String> ALL_KEYWORD_SET = Set.copyOf(ALL_KEYWORDS);

  private static List<String> allKeywords() {
    Set<String> s = new LinkedHashSet<>(STATEMENT_KEYWORDS);
    s.addAll(List.of("limit", "quota", "queue", "notrack", "masquerade", "snat", "dnat", "redirect", "dup", "fwd",
        "tproxy", "synproxy", "meter", "add", "update", "delete", "reset", "flow", "comment"));
    s.addAll(ExpressionParser.SELECTOR_KEYWORDS);
    return List.copyOf(s);
  }

  private static final String END_OF_RULE = "end of rule";

  final Cursor c;
  final ExpressionParser expr;
  private final Family family;
  private final Schema schema;

  /** The network protocol an earlier match limits the rule to ({@code ip}, {@code ip6}, {@code arp}) and where. */
  private @Nullable String l3;
  private @Nullable Token l3Token;

  /** Likewise the transport protocol, by nft's name; {@code "*"} when a set of several allows more than one. */
  private @Nullable String l4;
  private @Nullable Token l4Token;

  /** An {@code ether type} other than vlan, which a vlan header then contradicts. */
  private @Nullable Token etherTypeToken;

  StatementParser(Cursor c, Family family, Schema schema) {
    this.c = c;
    this.family = family;
    this.schema = schema;
    this.expr = new ExpressionParser(c, this);
  }

  Family family() {
    return family;
  }

  // ================================================================== the rule

  /** The statements up to the end of the rule (end of input, {@code ;}, line break, {@code }} or {@code comment}). */
  List<Statement> statements() {
    l3 = null;
    l4 = null;
    etherTypeToken = null;
    if (c.atEndOfRule() || c.at("comment")) {
      throw c.error(c.peek(), "unexpected " + c.peek().describe(), STATEMENT_KEYWORDS,
          "a rule needs at least one statement", STATEMENT_KEYWORDS);
    }
    List<Statement> out = new ArrayList<>();
    Token terminal = null;
    boolean bareReject = false;
    while (!c.atEndOfRule() && !c.at("comment")) {
      Token start = c.peek();
      continuations = out.isEmpty() ? List.of() : continuations(out.get(out.size() - 1));
      if (terminal != null) {
        List<String> exp = bareReject ? List.of("with", END_OF_RULE) : List.of(END_OF_RULE);
        throw c.error(start, "unexpected " + start.describe(), exp,
            "nothing can follow " + (isVerdictWord(terminal) ? "a verdict" : "\"" + terminal.text() + "\"")
                + " (\"" + terminal.text() + "\" at column " + column(terminal) + ")", exp);
      }
      Statement s = statement();
      out.add(s);
      if (s instanceof Verdict || s instanceof Reject || s instanceof Nat || s instanceof Queue) {
        terminal = start;
        bareReject = s.equals(Reject.DEFAULT);
      }
    }
    return withoutRedundantDependencies(out);
  }

  /**
   * Drops {@code ether type vlan} when a vlan header match follows: nft adds that dependency itself
   * and lists the rule without it.
   */
  private static List<Statement> withoutRedundantDependencies(List<Statement> in) {
    List<Statement> out = null;
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i) instanceof Match m && m.op() == Operator.EQ && m.left() instanceof PayloadExpr p
          && p.protocol().equals("ether") && p.field().equals("type") && m.right() instanceof StringLiteral v
          && (v.value().equals("vlan") || v.value().equals("8021q")) && vlanFollows(in, i + 1)) {
        if (out == null) {
          out = new ArrayList<>(in.subList(0, i));
        }
        continue;
      }
      if (out != null) {
        out.add(in.get(i));
      }
    }
    return out == null ? in : out;
  }

  private static boolean vlanFollows(List<Statement> in, int from) {
    for (int i = from; i < in.size(); i++) {
      if (in.get(i) instanceof Match m && m.left() instanceof PayloadExpr p && p.protocol().equals("vlan")) {
        return true;
      }
    }
    return false;
  }

  /** Options the previous statement could still have taken: offered first when a statement word is wrong. */
  private List<String> continuations = List.of();

  private static List<String> continuations(Statement s) {
    if (s instanceof Log) {
      return LOG_OPTIONS;
    }
    if (s instanceof Counter) {
      return List.of("packets", "bytes");
    }
    if (s instanceof Limit) {
      return List.of("burst");
    }
    if (s instanceof Quota) {
      return List.of("used");
    }
    if (s instanceof Nat) {
      return NAT_FLAGS;
    }
    return List.of();
  }

  private NftSyntaxException unknownStatement(Token t) {
    List<String> expected = new ArrayList<>(continuations);
    expected.addAll(STATEMENT_KEYWORDS);
    List<String> candidates = new ArrayList<>(continuations);
    candidates.addAll(ALL_KEYWORDS);
    return c.error(t, "unexpected " + t.describe(), expected, null, candidates);
  }

  private static boolean isVerdictWord(Token t) {
    return VERDICTS.contains(t.text()) || t.is("reject");
  }

  private int column(Token t) {
    int nl = c.input.lastIndexOf('\n', t.offset() - 1);
    return t.offset() - nl;
  }

  /** {@code comment "text"} after the statements, or null. */
  @Nullable String comment() {
    if (!c.accept("comment")) {
      return null;
    }
    return commentText();
  }

  String commentText() {
    Token t = c.next();
    if (t.kind() != Token.Kind.STRING && !t.isWord()) {
      throw c.unexpected(t, List.of("a quoted comment"), null);
    }
    String v = t.value();
    if (v.getBytes(StandardCharsets.UTF_8).length > Limits.COMMENT_BYTES) {
      throw c.invalid(t, "comment too long", "at most " + Limits.COMMENT_BYTES + " bytes");
    }
    return v;
  }

  // ================================================================== statements

  Statement statement() {
    Token t = c.peek();
    if (t.kind() == Token.Kind.AT || t.kind() == Token.Kind.LPAREN) {
      return expressionStatement();
    }
    if (!t.isWord()) {
      throw unknownStatement(t);
    }
    switch (t.text()) {
      case "jump":
      case "goto":
        if (c.peek(1).kind() == Token.Kind.LBRACE) {
          return anonymousChain();
        }
        return expr.verdict();
      case "accept":
      case "drop":
      case "continue":
      case "return":
        return expr.verdict();
      case "counter":
        c.next();
        return counter();
      case "log":
        c.next();
        return log();
      case "limit":
        c.next();
        return limit();
      case "quota":
        c.next();
        return quota();
      case "reject":
        c.next();
        return reject(t);
      case "snat":
      case "dnat":
      case "masquerade":
      case "redirect":
        c.next();
        return nat(t);
      case "queue":
        c.next();
        return queue();
      case "notrack":
        c.next();
        return Notrack.INSTANCE;
      case "dup":
        c.next();
        return dup();
      case "fwd":
        c.next();
        return fwd();
      case "tproxy":
        c.next();
        return tproxy(t);
      case "synproxy":
        c.next();
        return synproxy();
      case "meter":
        c.next();
        return meter();
      case "add":
      case "update":
      case "delete":
        if (c.peek(1).kind() == Token.Kind.AT) {
          c.next();
          return setUpdate(t);
        }
        break;
      case "reset":
        c.next();
        return reset();
      case "flow":
        c.next();
        return flow();
      case "ct":
        if (c.peek(1).is("count")) {
          c.next();
          c.next();
          return ctCount();
        }
        break;
      default:
        break;
    }
    if (!expr.startsSelector(t)) {
      throw unknownStatement(t);
    }
    return expressionStatement();
  }

  /**
   * {@code jump { … }}: a chain bound to the rule. nft's JSON has no form for it (it lists the
   * statement as its text), so it is kept as a {@link io.jnftables.model.stmt.TextStatement} of
   * the text as written, after checking the rules inside.
   */
  private Statement anonymousChain() {
    Token verb = c.next();
    c.expect(Token.Kind.LBRACE, "{");
    int depth = 1;
    while (true) {
      c.skipNewlines();
      while (c.accept(Token.Kind.SEMICOLON)) {
        c.skipNewlines();
      }
      if (c.at(Token.Kind.RBRACE)) {
        Token close = c.next();
        return new io.jnftables.model.stmt.TextStatement(c.input.substring(verb.offset(), close.end()));
      }
      if (c.at(Token.Kind.EOF)) {
        throw c.unexpected(c.peek(), List.of("}"), "the chain of " + verb.text() + " { … } is not closed");
      }
      StatementParser inner = new StatementParser(c, family, schema);
      inner.statements();
      inner.comment();
      if (!c.atEndOfRule()) {
        throw c.unexpected(c.peek(), List.of("end of rule"), null);
      }
    }
  }

  /** The body of a quota or limit object: what follows the statement's keyword. */
  Statement statementAfterKeyword(String keyword) {
    return keyword.equals("quota") ? quota() : limit();
  }

  /** {@code selector [op] value}, {@code selector set value}, {@code selector vmap { … }}. */
  private Statement expressionStatement() {
    Token start = c.peek();
    Expression left = expr.expression(List.of());
    checkSelector(left, start);
    if (c.at("set")) {
      c.next();
      return assignment(left, start);
    }
    if (c.at("vmap")) {
      c.next();
      Expression data = c.at(Token.Kind.AT) ? expr.setReference()
          : expr.set(expr.typesOf(left), List.of(DataType.VERDICT), false);
      checkSetReference(data, left, true);
      checkIntervals(data, left);
      return new VerdictMap(left, data);
    }
    Token opToken = null;
    Operator op = null;
    Token t = c.peek();
    if (t.kind() == Token.Kind.OPERATOR) {
      opToken = c.next();
      op = Operator.fromJson(opToken.text());
    } else if (t.kind() == Token.Kind.BANG) {
      opToken = c.next();
      op = Operator.NOT;
      if (left instanceof BinaryExpr) {
        throw c.invalid(opToken, "operator \"!\" not allowed here", "\"!\" applies to flags, not to a masked value");
      }
    } else if (t.isWord()) {
      op = wordOperator(t.text());
      if (op != null) {
        opToken = c.next();
      }
    }
    if (c.atEndOfRule()) {
      throw c.unexpected(c.peek(), ValueParser.expected(expr.typeOf(left)), null);
    }
    Expression right = expr.rhs(left, false);
    if (c.at("/") && expr.typeOf(left).flags) {
      // tcp flags syn / syn,ack: the flags under a mask
      c.next();
      Expression mask = expr.rhs(left, false);
      left = new BinaryExpr(BinaryOperator.AND, left, mask);
      if (op == null) {
        op = Operator.EQ;
      }
    }
    if (op == null) {
      op = implicitOperator(left, right);
    }
    checkOperator(op, opToken, left, right);
    checkSetReference(right, left, false);
    checkIntervals(right, left);
    Match m = simplify(new Match(op, left, right));
    record(m, start);
    return m;
  }

  private static @Nullable Operator wordOperator(String w) {
    switch (w) {
      case "eq":
        return Operator.EQ;
      case "ne":
        return Operator.NE;
      case "lt":
        return Operator.LT;
      case "gt":
        return Operator.GT;
      case "le":
        return Operator.LE;
      case "ge":
        return Operator.GE;
      default:
        return null;
    }
  }

  /** nft's implicit relation: "any of these bits" for flag types, equality otherwise. */
  private Operator implicitOperator(Expression left, Expression right) {
    DataType type = expr.typeOf(left);
    if (left instanceof BinaryExpr) {
      return Operator.EQ;
    }
    if ((type.flags || type == DataType.CT_LABEL) && !(right instanceof SetExpr) && !(right instanceof SetReference)) {
      return Operator.IN;
    }
    return Operator.EQ;
  }

  /** {@code tcp flags & syn != 0} is nft's {@code tcp flags syn} (op in), {@code == 0} its {@code ! syn}. */
  private static Match simplify(Match m) {
    if (m.left() instanceof BinaryExpr b && b.op() == BinaryOperator.AND && m.right() instanceof NumberLiteral n
        && n.value() == 0 && Selectors.typeOf(b.left()).flags
        && (m.op() == Operator.NE || m.op() == Operator.EQ)) {
      return new Match(m.op() == Operator.NE ? Operator.IN : Operator.NOT, b.left(), b.right());
    }
    return m;
  }

  private void checkOperator(Operator op, @Nullable Token opToken, Expression left, Expression right) {
    if (opToken == null) {
      return;
    }
    boolean ordering = op == Operator.LT || op == Operator.GT || op == Operator.LE || op == Operator.GE;
    DataType type = expr.typeOf(left);
    if (ordering && (type == DataType.IFNAME || type == DataType.IFACE_INDEX)) {
      throw c.invalid(opToken, "operator \"" + opToken.text() + "\" not allowed here",
          "only == and != apply to an interface name");
    }
    if (ordering && (right instanceof SetExpr || right instanceof RangeExpr || right instanceof PrefixExpr
        || right instanceof ListExpr || right instanceof SetReference)) {
      throw c.invalid(opToken, "operator \"" + opToken.text() + "\" not allowed here", "it compares with a single "
          + (expr.typeOf(left).base == DataType.Base.SERVICE ? "port" : "value") + ", not a set or range");
    }
  }

  /** {@code left set value}: packet mangling, or choosing a ct helper/timeout/expectation. */
  private Statement assignment(Expression left, Token start) {
    if (left instanceof CtExpr ct && (ct.key().equals("helper") || ct.key().equals("timeout")
        || ct.key().equals("expectation"))) {
      ObjectRef.Type type = ct.key().equals("helper") ? ObjectRef.Type.CT_HELPER
          : ct.key().equals("timeout") ? ObjectRef.Type.CT_TIMEOUT : ObjectRef.Type.CT_EXPECTATION;
      return objectReference(type, List.of(DataType.STRING));
    }
    if (left instanceof MetaExpr m && m.key().equals("secmark") && c.at(Token.Kind.STRING)) {
      return new ObjectRef(ObjectRef.Type.SECMARK, new StringLiteral(c.next().value()));
    }
    if (!(left instanceof PayloadExpr || left instanceof MetaExpr || left instanceof CtExpr
        || left instanceof io.jnftables.model.expr.ExthdrExpr || left instanceof TcpOptionExpr
        || left instanceof io.jnftables.model.expr.PayloadOffsetExpr || left instanceof io.jnftables.model.expr.IpOptionExpr)) {
      throw c.invalid(start, "cannot set " + start.text(), "only header fields, meta and ct keys can be set");
    }
    if (left instanceof CtExpr ct && (ct.key().equals("state") || ct.key().equals("status")
        || ct.key().equals("expiration") || ct.key().equals("direction"))) {
      throw c.invalid(start, "cannot set ct " + ct.key(), null);
    }
    Token valueToken = c.peek();
    if (c.atEndOfRule()) {
      throw c.unexpected(valueToken, ValueParser.expected(expr.typeOf(left)), "set needs a value");
    }
    Expression value = expr.rhs(left, true);
    if (value instanceof MapExpr vm) {
      checkMapKeyTypes(vm.key(), valueToken);
    }
    if (value instanceof SetExpr || value instanceof SetReference) {
      throw c.invalid(valueToken, "cannot set " + start.text() + " to a set",
          "a set matches one of several values; set takes one value");
    }
    if (expr.typeOf(left).flags && value instanceof BinaryExpr b && b.op() == BinaryOperator.OR) {
      List<Expression> flags = new ArrayList<>();
      if (orOfConstants(b, flags)) {
        value = new ListExpr(flags); // ct event set new | related: a flag list
      }
    }
    return new Mangle(left, value);
  }

  private static boolean orOfConstants(Expression e, List<Expression> out) {
    if (e instanceof BinaryExpr b && b.op() == BinaryOperator.OR) {
      return orOfConstants(b.left(), out) && orOfConstants(b.right(), out);
    }
    if (e instanceof StringLiteral || e instanceof NumberLiteral) {
      out.add(e);
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ simple statements

  /** {@code counter [packets N bytes N]} or {@code counter name X}. */
  private Statement counter() {
    if (c.at("name")) {
      c.next();
      return objectReference(ObjectRef.Type.COUNTER, List.of(DataType.STRING));
    }
    Long packets = null;
    Long bytes = null;
    while (c.at("packets") || c.at("bytes")) {
      Token key = c.next();
      if (key.is("packets") ? packets != null : bytes != null) {
        throw c.invalid(key, "duplicate \"" + key.text() + "\"", null);
      }
      long n = count(key.text());
      if (key.is("packets")) {
        packets = n;
      } else {
        bytes = n;
      }
    }
    return packets == null && bytes == null ? Counter.NEW : new Counter(packets, bytes);
  }

  private long count(String what) {
    Token value = c.next();
    if (!value.isWord() || !ValueParser.isDigits(value.text())) {
      throw c.unexpected(value, List.of("a number"), null);
    }
    if (value.text().length() > 18) {
      throw c.invalid(value, "invalid " + what + " count \"" + value.text() + "\"", "too large");
    }
    return Long.parseLong(value.text());
  }

  /** {@code counter name X}, {@code quota name X}, {@code ct helper set X}, or the same through a map. */
  private Statement objectReference(ObjectRef.Type type, List<DataType> data) {
    Token t = c.peek();
    if (t.kind() == Token.Kind.STRING || (t.isWord() && !expr.startsSelector(t))) {
      c.next();
      String name = t.value();
      if (type == ObjectRef.Type.CT_HELPER && name.getBytes(StandardCharsets.UTF_8).length > Limits.CT_HELPER_BYTES) {
        throw c.invalid(t, "ct helper name too long", "at most " + Limits.CT_HELPER_BYTES + " bytes");
      }
      checkObject(t, name, type);
      return new ObjectRef(type, new StringLiteral(name));
    }
    Expression key = expr.concat();
    Token map = c.expect("map");
    return new ObjectRef(type, new MapExpr(key, expr.mapData(key, data, map)));
  }

  private void checkObject(Token t, String name, ObjectRef.Type type) {
    if (!schema.strict()) {
      return;
    }
    String kind = schema.object(name);
    String wanted = type.json();
    if (kind == null) {
      throw c.invalid(t, "no " + wanted + " object named \"" + name + "\" in the table", null);
    }
    if (!kind.equals(wanted)) {
      throw c.invalid(t, "\"" + name + "\" is a " + kind + ", not a " + wanted, null);
    }
  }

  private static final List<String> LOG_LEVELS =
      List.of("emerg", "alert", "crit", "err", "warn", "notice", "info", "debug", "audit");

  private static final List<String> LOG_OPTIONS = List.of("prefix", "level", "group", "snaplen", "queue-threshold",
      "flags");

  private Statement log() {
    String prefix = null;
    Integer group = null;
    Integer snaplen = null;
    Integer threshold = null;
    String level = null;
    Token levelToken = null;
    Token groupToken = null;
    Set<String> flags = new LinkedHashSet<>();
    Token flagsToken = null;
    Token first = null;
    while (c.peek().isWord() && LOG_OPTIONS.contains(c.peek().text())) {
      Token k = c.next();
      if (first == null) {
        first = k;
      }
      switch (k.text()) {
        case "prefix": {
          Token t = c.next();
          if (t.kind() != Token.Kind.STRING && !(t.isWord() && !ALL_KEYWORD_SET.contains(t.text()))) {
            throw c.unexpected(t, List.of("a quoted prefix"), null);
          }
          prefix = t.value();
          if (prefix.getBytes(StandardCharsets.UTF_8).length > Log.MAX_PREFIX_BYTES) {
            throw c.invalid(t, "log prefix too long", "at most " + Log.MAX_PREFIX_BYTES + " bytes");
          }
          break;
        }
        case "level": {
          Token t = c.next();
          if (!t.isWord() || !LOG_LEVELS.contains(t.text())) {
            throw c.error(t, "unknown log level " + t.describe(), LOG_LEVELS, null, LOG_LEVELS);
          }
          level = t.text();
          levelToken = t;
          break;
        }
        case "group":
          groupToken = k;
          group = (int) smallNumber(65535);
          break;
        case "snaplen":
          snaplen = (int) smallNumber(Integer.MAX_VALUE);
          break;
        case "queue-threshold":
          threshold = (int) smallNumber(65535);
          break;
        default:
          flagsToken = k;
          logFlags(flags);
      }
    }
    if ("audit".equals(level) && (prefix != null || group != null || snaplen != null || threshold != null
        || !flags.isEmpty())) {
      throw c.invalid(levelToken, "log level audit takes no other options", null);
    }
    if (level != null && group != null) {
      throw c.invalid(levelToken, "log level cannot be combined with group",
          "a level applies to the kernel log, group to nflog");
    }
    if (group != null && !flags.isEmpty()) {
      throw c.invalid(flagsToken, "log flags cannot be combined with group",
          "flags apply to the kernel log, group to nflog");
    }
    List<String> fl = new ArrayList<>(flags);
    if (fl.containsAll(List.of("tcp sequence", "tcp options", "ip options", "skuid", "ether")) && fl.size() == 5) {
      fl = new ArrayList<>(fl); // nft lists the complete set as "all"; keep what was written
    }
    return new Log(prefix, group, snaplen, threshold, level, fl);
  }

  private void logFlags(Set<String> flags) {
    Token t = c.next();
    switch (t.text()) {
      case "all":
        flags.add("all");
        return;
      case "skuid":
      case "ether":
        flags.add(t.text());
        return;
      case "ip":
        c.expect("options");
        flags.add("ip options");
        return;
      case "tcp": {
        do {
          Token f = c.next();
          if (!f.is("sequence") && !f.is("options")) {
            throw c.unexpected(f, List.of("sequence", "options"), null);
          }
          flags.add("tcp " + f.text());
        } while (c.accept(Token.Kind.COMMA));
        return;
      }
      default:
        throw c.unexpected(t, List.of("tcp", "ip", "skuid", "ether", "all"), null);
    }
  }

  private long smallNumber(long max) {
    Token t = c.next();
    Long v = t.isWord() ? ValueParser.longValue(t.text()) : null;
    if (v == null) {
      throw c.unexpected(t, List.of("a number"), null);
    }
    if (v > max) {
      throw c.invalid(t, "value " + t.text() + " out of range", "at most " + max);
    }
    return v;
  }

  private static final List<String> PER = List.of("second", "minute", "hour", "day", "week");
  private static final List<String> BYTE_UNITS = List.of("bytes", "kbytes", "mbytes");

  /** {@code limit rate [over] N/unit [burst N packets]}, {@code limit rate N kbytes/second [burst N kbytes]}. */
  private Statement limit() {
    if (c.accept("name")) {
      return objectReference(ObjectRef.Type.LIMIT, List.of(DataType.STRING));
    }
    c.expect("rate");
    boolean over = false;
    if (c.accept("over")) {
      over = true;
    } else {
      c.accept("until");
    }
    String[] rate = rate();
    long value = Long.parseLong(rate[0]);
    String unit = rate[1];
    String per = rate[2];
    Long burst = null;
    String burstUnit = null;
    if (c.accept("burst")) {
      Token b = c.peek();
      burst = count("burst");
      Token u = c.next();
      if (u.is("packets")) {
        if (unit != null) {
          throw c.invalid(u, "a byte rate has a burst in bytes", "write burst " + burst + " bytes, kbytes or mbytes");
        }
      } else if (u.isWord() && BYTE_UNITS.contains(u.text())) {
        if (unit == null) {
          throw c.invalid(u, "a packet rate has a burst in packets", "write burst " + burst + " packets");
        }
        burstUnit = u.text();
      } else {
        throw c.unexpected(u, List.of("packets", "bytes", "kbytes", "mbytes"), null);
      }
    }
    return new Limit(value, unit, per, burst, burstUnit, over);
  }

  /** {@code N/second}, {@code N kbytes/second}, {@code N bytes / second}: number, byte unit or null, period. */
  private String[] rate() {
    Token t = c.next();
    if (!t.isWord()) {
      throw c.unexpected(t, List.of("a rate such as 10/second"), null);
    }
    String s = t.text();
    int slash = s.indexOf('/');
    String number = slash > 0 ? s.substring(0, slash) : s;
    if (!ValueParser.isDigits(number) || number.length() > 18) {
      throw c.invalid(t, "invalid rate " + t.describe(), "a rate is a number followed by /second, /minute, …");
    }
    String unit = null;
    String per;
    if (slash > 0) {
      per = s.substring(slash + 1);
      if (per.isEmpty()) {
        per = c.next().text();
      }
    } else {
      Token u = c.peek();
      if (u.isWord() && (BYTE_UNITS.contains(u.text()) || u.text().startsWith("bytes/")
          || u.text().startsWith("kbytes/") || u.text().startsWith("mbytes/") || isByteUnitLike(u.text()))) {
        c.next();
        String us = u.text();
        int sl = us.indexOf('/');
        unit = sl > 0 ? us.substring(0, sl) : us;
        if (!BYTE_UNITS.contains(unit)) {
          throw c.error(u, "unknown byte unit \"" + unit + "\"", BYTE_UNITS, null, BYTE_UNITS);
        }
        if (sl > 0) {
          per = us.substring(sl + 1);
        } else {
          Token sl2 = c.next();
          if (sl2.is("/")) {
            per = c.next().text();
          } else if (sl2.isWord() && sl2.text().startsWith("/")) {
            per = sl2.text().substring(1);
          } else {
            throw c.unexpected(sl2, List.of("/"), null);
          }
        }
      } else if (u.is("/") || (u.isWord() && u.text().startsWith("/"))) {
        c.next();
        per = u.text().length() > 1 ? u.text().substring(1) : c.next().text();
      } else {
        throw c.unexpected(u, List.of("/second", "bytes", "kbytes", "mbytes"), null);
      }
    }
    if (!PER.contains(per)) {
      throw c.error(t, "unknown rate period \"" + per + "\"", PER, null, PER);
    }
    return new String[] {number, unit, per};
  }

  private static boolean isByteUnitLike(String s) {
    return s.endsWith("bytes") || s.contains("bytes/");
  }

  /** {@code quota [over] N unit [used N unit]} or {@code quota name X}. */
  private Statement quota() {
    if (c.accept("name")) {
      return objectReference(ObjectRef.Type.QUOTA, List.of(DataType.STRING));
    }
    boolean over = false;
    if (c.accept("over")) {
      over = true;
    } else {
      c.accept("until");
    }
    long value = count("quota");
    String unit = byteUnit();
    Long used = null;
    String usedUnit = null;
    if (c.accept("used")) {
      used = count("used");
      usedUnit = byteUnit();
    }
    return new Quota(value, unit, used, usedUnit, over);
  }

  private String byteUnit() {
    Token u = c.next();
    if (!u.isWord() || !BYTE_UNITS.contains(u.text())) {
      throw c.error(u, "unexpected " + u.describe(), BYTE_UNITS, null, BYTE_UNITS);
    }
    return u.text();
  }

  private Statement ctCount() {
    boolean over = c.accept("over");
    long n = smallNumber(0xffffffffL);
    return new CtCount(n, over);
  }

  private Statement reset() {
    Token t = c.next();
    if (!t.is("tcp")) {
      throw c.unexpected(t, List.of("tcp"), null);
    }
    c.expect("option");
    Token o = c.next();
    Long kind = o.isWord() ? ValueParser.longValue(o.text()) : null;
    if (kind != null) {
      if (kind > 255) {
        throw c.invalid(o, "invalid tcp option kind " + o.describe(), "a kind is 0..255");
      }
      for (Map.Entry<String, Integer> e : Selectors.TCP_OPTION_KIND.entrySet()) {
        if (e.getValue() == kind.intValue()) {
          return new OptionReset(new TcpOptionExpr(e.getKey(), null));
        }
      }
      return new OptionReset(new TcpOptionOffsetExpr((int) (long) kind, 0, 0));
    }
    if (!o.isWord() || !Selectors.TCP_OPTION.containsKey(o.text())) {
      throw c.error(o, "unknown tcp option " + o.describe(), List.copyOf(Selectors.TCP_OPTION_KIND.keySet()), null,
          Selectors.TCP_OPTION_KIND.keySet());
    }
    return new OptionReset(new TcpOptionExpr(o.is("sack0") ? "sack" : o.text(), null));
  }

  private Statement flow() {
    Token op = c.next();
    if (!op.is("add") && !op.is("offload")) {
      throw c.unexpected(op, List.of("add", "offload"), null);
    }
    Expression ref = expr.setReference();
    return new FlowOffload("add", ((SetReference) ref).name());
  }

  // ------------------------------------------------------------------ reject

  private static final Map<String, List<String>> REJECT_CODES =
      Map.of(
          "icmp", List.copyOf(DataType.ICMP_CODE.symbols.keySet()),
          "icmpv6", List.copyOf(DataType.ICMPV6_CODE.symbols.keySet()),
          "icmpx", List.copyOf(DataType.ICMPX_CODE.symbols.keySet()));

  private Statement reject(Token keyword) {
    if (family == Family.ARP) {
      throw notInFamily(keyword, "reject", "arp tables cannot reject");
    }
    if (l3 != null && !l3.equals("ip") && !l3.equals("ip6")) {
      throw conflict(keyword, "reject", "reject answers IPv4 and IPv6 packets only", l3, l3Token);
    }
    if (!c.accept("with")) {
      return Reject.DEFAULT;
    }
    Token type = c.next();
    if (type.is("tcp")) {
      c.expect("reset");
      if (l4 != null && !l4.equals("tcp")) {
        throw conflict(type, "tcp reset", "a TCP reset answers TCP packets only", l4, l4Token);
      }
      return new Reject("tcp reset", null);
    }
    List<String> codes = type.isWord() ? REJECT_CODES.get(type.text()) : null;
    if (codes == null) {
      throw c.unexpected(type, List.of("tcp", "icmp", "icmpv6", "icmpx"), null);
    }
    if (type.is("icmpx") && (family == Family.IP || family == Family.IP6)) {
      throw notInFamily(type, "icmpx", "use icmp" + (family == Family.IP6 ? "v6" : "")
          + " in " + family.nftName() + " tables; icmpx is for inet, bridge and netdev");
    }
    if (type.is("icmp") && family == Family.IP6 || type.is("icmpv6") && family == Family.IP) {
      throw notInFamily(type, type.text(), "use icmp" + (family == Family.IP6 ? "v6" : "")
          + " in " + family.nftName() + " tables");
    }
    String network = type.is("icmp") ? "ip" : type.is("icmpv6") ? "ip6" : null;
    if (network != null && l3 != null && !l3.equals(network)) {
      throw conflict(type, type.text(), type.text() + " answers " + network + " packets only", l3, l3Token);
    }
    c.accept("type"); // the older spelling "reject with icmp type host-unreachable"
    Token code = c.next();
    if (code.isWord() && ValueParser.isNumber(code.text())) {
      Long n = ValueParser.longValue(code.text());
      DataType dt = type.is("icmp") ? DataType.ICMP_CODE : type.is("icmpv6") ? DataType.ICMPV6_CODE
          : DataType.ICMPX_CODE;
      String name = n == null ? null : dt.symbolOf(n);
      if (name == null) {
        throw c.error(code, "unknown " + type.text() + " code " + code.describe(), codes, null, codes);
      }
      return new Reject(type.text(), name);
    }
    if (!code.isWord() || !codes.contains(code.text())) {
      throw c.error(code, "unexpected " + code.describe(), codes, null, codes);
    }
    return new Reject(type.text(), code.text());
  }

  // ------------------------------------------------------------------ nat, tproxy, dup, fwd, queue

  private static final List<String> NAT_FLAGS = List.of("random", "fully-random", "persistent", "netmap");

  private Statement nat(Token keyword) {
    Nat.Type type = Nat.Type.fromJson(keyword.text());
    String fam = null;
    Token famToken = null;
    if (type == Nat.Type.SNAT || type == Nat.Type.DNAT) {
      if (c.at("ip") || c.at("ip6")) {
        famToken = c.next();
        fam = famToken.text();
        checkNatFamily(famToken, fam);
      }
    }
    List<String> typeFlags = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    if (c.at("prefix")) {
      c.next();
      typeFlags.add("interval");
      typeFlags.add("prefix");
      flags.add("netmap");
    } else if (c.at("addr") && c.peek(1).is(".")) {
      c.next();
      c.next();
      c.expect("port");
      typeFlags.add("concat");
    } else if (c.at("interval")) {
      c.next();
      typeFlags.add("interval");
    }
    Expression address = null;
    Expression port = null;
    Token toToken = null;
    if (c.at("to")) {
      toToken = c.next();
      String effective = fam != null ? fam : inferredFamily();
      Expression[] ap = natTarget(type, effective, toToken);
      address = ap[0];
      port = ap[1];
      if (fam == null && address != null && family == Family.INET) {
        if (effective == null) {
          throw c.invalid(keyword, "\"" + keyword.text() + " to\" an address needs ip or ip6 in an inet table",
              "write " + keyword.text() + " ip to … or " + keyword.text() + " ip6 to …, or match ip/ip6 first");
        }
        fam = effective;
      }
    } else if (type == Nat.Type.SNAT || type == Nat.Type.DNAT) {
      throw c.unexpected(c.peek(), List.of("to"), keyword.text() + " needs an address or port");
    }
    if (port != null && l4 == null && !(port instanceof MapExpr) ) {
      throw c.invalid(toToken, "a port needs a transport protocol",
          "match the protocol first, e.g. tcp dport 80 or meta l4proto tcp");
    }
    if (address instanceof MapExpr m && hasPortData(m) && l4 == null && !hasTransport(m.key())) {
      throw c.invalid(toToken, "a port needs a transport protocol",
          "match the protocol first, e.g. meta l4proto tcp");
    }
    while (c.peek().isWord() && NAT_FLAGS.contains(c.peek().text())) {
      Token f = c.next();
      addFlag(flags, f);
      while (c.accept(Token.Kind.COMMA)) {
        Token g = c.next();
        if (!g.isWord() || !NAT_FLAGS.contains(g.text())) {
          throw c.unexpected(g, NAT_FLAGS, null);
        }
        addFlag(flags, g);
      }
    }
    return new Nat(type, fam, address, port, flags, typeFlags);
  }

  private void addFlag(List<String> flags, Token f) {
    if (!flags.contains(f.text())) {
      flags.add(f.text());
    }
  }

  private static boolean hasTransport(Expression key) {
    for (Expression e : flattenConcat(key)) {
      if (e instanceof PayloadExpr p && Selectors.TRANSPORT.contains(p.protocol()) && !p.protocol().equals("th")) {
        return true;
      }
    }
    return false;
  }

  private boolean hasPortData(MapExpr m) {
    if (m.data() instanceof SetExpr s) {
      for (Expression e : s.elements()) {
        if (e instanceof io.jnftables.model.expr.MappingExpr me && me.value() instanceof ConcatExpr) {
          return true;
        }
      }
    }
    return false;
  }

  /** The network protocol of the rule: the table's (ip, ip6) or an earlier match's, else null. */
  @Nullable String network() {
    return inferredFamily();
  }

  String tableArticle() {
    return article(family);
  }

  /** The family an earlier ip/ip6 match gives the rule, or the table's. */
  private @Nullable String inferredFamily() {
    if (family == Family.IP) {
      return "ip";
    }
    if (family == Family.IP6) {
      return "ip6";
    }
    return l3 != null && (l3.equals("ip") || l3.equals("ip6")) ? l3 : null;
  }

  private void checkNatFamily(Token t, String fam) {
    if (family == Family.IP && fam.equals("ip6") || family == Family.IP6 && fam.equals("ip")) {
      throw notInFamily(t, fam, "the table's family is " + family.nftName());
    }
    if (l3 != null && (l3.equals("ip") || l3.equals("ip6")) && !l3.equals(fam)) {
      throw conflict(t, fam, null, l3, l3Token);
    }
  }

  /** What follows {@code to}: address, address:port, [v6]:port, :port, a range or prefix, or an expression with a map. */
  private Expression[] natTarget(Nat.Type type, @Nullable String fam, Token toToken) {
    DataType addrType = "ip6".equals(fam) ? DataType.IPV6 : "ip".equals(fam) ? DataType.IPV4 : DataType.ANY;
    Token t = c.peek();
    Expression address = null;
    Expression port = null;
    if (t.isWord() && t.text().startsWith(":")) {
      c.split(1); // ":80" → ":" "80"
      c.next();
      port = portExpression();
    } else if (t.kind() == Token.Kind.LBRACKET) {
      c.next();
      Token a = c.next();
      address = expr.values().one(a.text(), a.offset(), DataType.IPV6);
      checkAddressFamily(a, "ip6", fam);
      c.expect(Token.Kind.RBRACKET, "]");
      Token after = c.peek();
      if (after.is("-") && c.peek(1).kind() == Token.Kind.LBRACKET) {
        c.next();
        c.next();
        Token b = c.next();
        Expression high = expr.values().one(b.text(), b.offset(), DataType.IPV6);
        c.expect(Token.Kind.RBRACKET, "]");
        address = new RangeExpr(address, high);
        after = c.peek();
      }
      if (after.isWord() && after.text().startsWith("/")) {
        c.next();
        String len = after.text().substring(1);
        if (!ValueParser.isDigits(len) || len.length() > 3 || Integer.parseInt(len) > 128) {
          throw c.invalid(after, "invalid prefix length " + after.describe(), "a prefix length is 0..128");
        }
        address = new PrefixExpr(address, Integer.parseInt(len));
      } else if (after.isWord() && after.text().startsWith(":")) {
        c.split(1);
        c.next();
        port = portExpression();
      }
    } else if (t.isWord() && !expr.startsSelector(t) && (type == Nat.Type.SNAT || type == Nat.Type.DNAT)) {
      String s = t.text();
      int colon = s.lastIndexOf(':');
      boolean v4WithPort = colon > 0 && s.indexOf(':') == colon && s.indexOf('.') >= 0;
      if (v4WithPort) {
        c.split(colon);
      }
      Token a = c.peek();
      address = expr.values().value(addrType == DataType.ANY ? guessAddressType(a.text()) : addrType);
      checkAddressFamily(a, familyOfAddress(address), fam);
      if (c.peek().is(":") || (c.peek().isWord() && c.peek().text().startsWith(":"))) {
        if (!c.peek().is(":")) {
          c.split(1);
        }
        c.next();
        port = portExpression();
      }
    } else {
      if (type == Nat.Type.MASQUERADE || type == Nat.Type.REDIRECT) {
        throw c.unexpected(t, List.of(":port"), "masquerade and redirect take a port only");
      }
      Token start = c.peek();
      Expression key = expr.concat();
      if (key instanceof CtExpr ct && (ct.key().equals("saddr") || ct.key().equals("daddr"))) {
        // fine: typed by the table
      }
      Token map = c.expect("map");
      List<DataType> data = new ArrayList<>();
      data.add(addrType == DataType.ANY ? DataType.ANY : addrType);
      Expression mapData = expr.mapData(key, mapDataTypes(addrType), map);
      address = new MapExpr(key, mapData);
      checkMapKeyTypes(key, start);
      checkNatMapFamily(address, fam, start);
    }
    return new Expression[] {address, port};
  }

  /** NAT map values: an address, or address . port. */
  private List<DataType> mapDataTypes(DataType addrType) {
    return List.of(addrType);
  }

  private void checkNatMapFamily(Expression address, @Nullable String fam, Token start) {
    if (fam == null || !(address instanceof MapExpr m)) {
      return;
    }
    for (Expression part : flattenConcat(m.key())) {
      if (part instanceof PayloadExpr p && (p.protocol().equals("ip") || p.protocol().equals("ip6"))
          && !p.protocol().equals(fam)) {
        throw c.invalid(start, "\"" + p.protocol() + " " + p.field() + "\" conflicts with " + fam,
            "the translation is for " + fam + " packets");
      }
    }
  }

  private static List<Expression> flattenConcat(Expression e) {
    return e instanceof ConcatExpr c ? c.elements() : List.of(e);
  }

  private DataType guessAddressType(String s) {
    return s.indexOf(':') >= 0 ? DataType.IPV6 : DataType.IPV4;
  }

  private static @Nullable String familyOfAddress(Expression e) {
    Expression a = e instanceof RangeExpr r ? r.low() : e instanceof PrefixExpr p ? p.address() : e;
    if (a instanceof StringLiteral s) {
      return s.value().indexOf(':') >= 0 ? "ip6" : "ip";
    }
    return null;
  }

  private void checkAddressFamily(Token t, @Nullable String addressFamily, @Nullable String fam) {
    if (addressFamily == null) {
      return;
    }
    if (fam != null && !fam.equals(addressFamily)) {
      throw c.invalid(t, "invalid " + (fam.equals("ip") ? "IPv4" : "IPv6") + " address " + t.describe(),
          "the translation is for " + fam + " packets");
    }
    if (family == Family.IP && addressFamily.equals("ip6") || family == Family.IP6 && addressFamily.equals("ip")) {
      throw c.invalid(t, "invalid " + (family == Family.IP ? "IPv4" : "IPv6") + " address " + t.describe(),
          "the table's family is " + family.nftName());
    }
  }

  /** A port, a port range, or an expression with a map ({@code :tcp dport map { 22 : 8000 }}). */
  private Expression portExpression() {
    Token t = c.peek();
    if (t.isWord() && expr.startsSelector(t)) {
      Expression key = expr.concat();
      Token map = c.expect("map");
      return new MapExpr(key, expr.mapData(key, List.of(DataType.SERVICE), map));
    }
    Expression p = expr.values().value(DataType.SERVICE);
    return p;
  }

  private Statement tproxy(Token keyword) {
    String fam = null;
    Token famToken = null;
    if (c.at("ip") || c.at("ip6")) {
      famToken = c.next();
      fam = famToken.text();
      checkNatFamily(famToken, fam);
    }
    if (!c.at("to")) {
      throw c.unexpected(c.peek(), List.of("to"), "tproxy needs an address or a port");
    }
    Token toToken = c.next();
    if (l4 == null) {
      throw c.invalid(keyword, "tproxy needs a transport protocol", "match it first, e.g. meta l4proto tcp");
    }
    String effective = fam != null ? fam : inferredFamily();
    Expression[] ap = natTarget(Nat.Type.DNAT, effective, toToken);
    if (ap[0] != null && fam == null && family == Family.INET) {
      throw c.invalid(keyword, "tproxy to an address needs ip or ip6 in an inet table",
          "write tproxy ip to … or tproxy ip6 to …");
    }
    return new Tproxy(fam, ap[0], ap[1]);
  }

  private Statement dup() {
    Expression address = null;
    Expression device = null;
    if (c.accept("to")) {
      Token t = c.peek();
      if (t.kind() == Token.Kind.STRING) {
        c.next();
        if (family == Family.NETDEV) {
          address = new StringLiteral(t.value()); // nft's JSON names the netdev target device "addr"
        } else {
          device = new StringLiteral(t.value());
        }
      } else if (expr.startsSelector(t)) {
        Expression key = expr.concat();
        Token map = c.expect("map");
        address = new MapExpr(key, expr.mapData(key, List.of(DataType.ANY), map));
      } else {
        address = expr.values().value(family == Family.IP6 ? DataType.IPV6 : family == Family.IP ? DataType.IPV4
            : guessAddressType(t.text()));
      }
    }
    if (c.accept("device")) {
      device = deviceExpression();
    }
    if (address == null && device == null) {
      throw c.unexpected(c.peek(), List.of("to", "device"), null);
    }
    return new Dup(address, device);
  }

  private Expression deviceExpression() {
    Token t = c.peek();
    if (t.kind() == Token.Kind.STRING || (t.isWord() && !expr.startsSelector(t))) {
      c.next();
      return new StringLiteral(t.value());
    }
    Expression key = expr.concat();
    Token map = c.expect("map");
    return new MapExpr(key, expr.mapData(key, List.of(DataType.IFNAME), map));
  }

  private Statement fwd() {
    String fam = null;
    if (c.at("ip") || c.at("ip6")) {
      fam = c.next().text();
    }
    c.expect("to");
    if (fam != null) {
      Expression addr = expr.values().value(fam.equals("ip") ? DataType.IPV4 : DataType.IPV6);
      c.expect("device");
      return new Fwd(deviceExpression(), fam, addr);
    }
    return new Fwd(deviceExpression(), null, null);
  }

  private Statement queue() {
    List<String> flags = new ArrayList<>();
    Expression number = null;
    boolean oldSyntax = false;
    if (c.accept("flags")) {
      do {
        Token f = c.next();
        if (!f.is("bypass") && !f.is("fanout")) {
          throw c.unexpected(f, List.of("bypass", "fanout"), null);
        }
        if (!flags.contains(f.text())) {
          flags.add(f.text());
        }
      } while (c.accept(Token.Kind.COMMA));
    }
    if (c.at("num")) {
      c.next();
      oldSyntax = true;
      Token t = c.peek();
      if (expr.startsSelector(t)) {
        throw c.invalid(t, "queue num takes a number or range", "write queue to " + t.text() + " …");
      }
      number = queueNumber();
    } else if (c.at("to")) {
      c.next();
      Token t = c.peek();
      if (expr.startsSelector(t)) {
        Token start = t;
        Expression e = expr.expression(List.of(DataType.integer(16)));
        if (!(e instanceof MapExpr || e instanceof io.jnftables.model.expr.NumgenExpr
            || e instanceof io.jnftables.model.expr.JhashExpr || e instanceof io.jnftables.model.expr.SymhashExpr)) {
          throw c.invalid(start, "queue to takes a number, range, hash, numgen or map", null);
        }
        checkQueueRange(e, start);
        if (flags.contains("fanout")) {
          throw c.invalid(start, "fanout needs a range of queue numbers", null);
        }
        number = e;
      } else {
        number = queueNumber();
      }
    }
    while (c.at("bypass") || c.at("fanout")) {
      Token f = c.next();
      if (!flags.contains(f.text())) {
        flags.add(f.text());
      }
    }
    if (flags.size() == 2 && flags.get(0).equals("fanout")) {
      flags = List.of("bypass", "fanout");
    }
    return new Queue(number, flags);
  }

  private void checkQueueRange(Expression e, Token start) {
    long mod = -1;
    long offset = 0;
    if (e instanceof io.jnftables.model.expr.SymhashExpr s) {
      mod = s.mod();
      offset = s.offset() == null ? 0 : s.offset();
    } else if (e instanceof io.jnftables.model.expr.JhashExpr j) {
      mod = j.mod();
      offset = j.offset() == null ? 0 : j.offset();
    } else if (e instanceof io.jnftables.model.expr.NumgenExpr n) {
      mod = n.mod();
      offset = n.offset() == null ? 0 : n.offset();
    }
    if (mod > 0 && offset + mod - 1 > 65535) {
      throw c.invalid(start, "queue numbers out of range", "offset + mod - 1 must be at most 65535");
    }
  }

  private Expression queueNumber() {
    Token t = c.peek();
    Expression e = expr.values().value(DataType.integer(16));
    if (e instanceof StringLiteral) {
      throw c.invalid(t, "invalid queue number " + t.describe(), "a queue is 0..65535");
    }
    return e;
  }

  private Statement synproxy() {
    if (c.accept("name")) {
      return objectReference(ObjectRef.Type.SYNPROXY, List.of(DataType.STRING));
    }
    Integer mss = null;
    Integer wscale = null;
    List<String> flags = new ArrayList<>();
    while (true) {
      if (c.accept("mss")) {
        mss = (int) smallNumber(65535);
      } else if (c.accept("wscale")) {
        wscale = (int) smallNumber(14);
      } else if (c.at("timestamp") || c.at("sack-perm")) {
        String f = c.next().text();
        if (!flags.contains(f)) {
          flags.add(f);
        }
      } else {
        break;
      }
    }
    return new Synproxy(mss, wscale, flags);
  }

  /** {@code meter name [size N] { key [timeout T] statement }}. */
  private Statement meter() {
    Token name = c.next();
    if (!name.isWord() || Names.problem(name.text()) != null) {
      throw c.unexpected(name, List.of("a meter name"), null);
    }
    Long size = null;
    if (c.accept("size")) {
      size = smallNumber(0xffffffffL);
    }
    c.expect(Token.Kind.LBRACE, "{");
    Expression key = expr.concat();
    Long timeout = null;
    if (c.accept("timeout")) {
      Token v = c.next();
      timeout = v.isWord() ? Times.parseSeconds(v.text()) : null;
      if (timeout == null) {
        throw c.unexpected(v, List.of("a time"), null);
      }
    }
    if (timeout != null) {
      key = new ElemExpr(key, timeout, null, null, List.of());
    }
    Statement s = statement();
    c.expect(Token.Kind.RBRACE, "}");
    return new Meter(name.text(), key, s, size);
  }

  /** {@code add @s { key [timeout T] [statements] }}, {@code update @m { key : value }}. */
  private Statement setUpdate(Token op) {
    SetReference ref = (SetReference) expr.setReference();
    c.expect(Token.Kind.LBRACE, "{");
    Expression key = expr.elementExpression();
    Long timeout = null;
    Long expires = null;
    String comment = null;
    while (c.at("timeout") || c.at("expires") || c.at("comment")) {
      Token k = c.next();
      if (k.is("comment")) {
        comment = commentText();
        continue;
      }
      Token v = c.next();
      Long secs = v.isWord() ? Times.parseSeconds(v.text()) : null;
      if (secs == null) {
        throw c.unexpected(v, List.of("a time"), null);
      }
      if (k.is("timeout")) {
        timeout = secs;
      } else {
        expires = secs;
      }
    }
    if (timeout != null || expires != null || comment != null) {
      key = new ElemExpr(key, timeout, expires, comment, List.of());
    }
    Expression data = null;
    if (c.at(":")) {
      c.next();
      data = expr.startsSelector(c.peek()) ? expr.expression(List.of()) : expr.values().value(DataType.ANY);
    }
    List<Statement> stmts = new ArrayList<>();
    while (c.at("counter") || c.at("limit") || c.at("quota") || c.at("ct")) {
      stmts.add(statement());
    }
    c.expect(Token.Kind.RBRACE, "}");
    if (schema.strict() && schema.set(ref.name()) == null) {
      throw c.invalid(op, "no set named \"" + ref.name() + "\" in the table", null);
    }
    if (data != null) {
      return new MapUpdate(op.text(), key, data, ref.name(), stmts);
    }
    return new SetUpdate(op.text(), key, ref.name(), stmts);
  }

  // ================================================================== helpers used by the expression parser

  /** A chain name after jump/goto. */
  String chainName() {
    Token t = c.next();
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.STRING) {
      throw c.unexpected(t, List.of("a chain name"), null);
    }
    String name = t.value();
    String problem = Names.problem(name);
    if (problem != null) {
      throw c.invalid(t, "invalid chain name " + t.describe(), problem);
    }
    return name;
  }

  // ================================================================== checks

  /** Protocols the table family cannot see; selectors that need a family or a context. */
  private void checkSelector(Expression left, Token start) {
    for (Expression e : flattenConcat(left instanceof BinaryExpr b ? b.left() : left)) {
      checkOne(e, start, left instanceof ConcatExpr);
    }
    if (left instanceof MapExpr m) {
      checkMapKeyTypes(m.key(), start);
    }
  }

  private void checkOne(Expression e, Token start, boolean inConcat) {
    if (e instanceof PayloadExpr p) {
      String proto = p.protocol();
      if (family == Family.ARP && !proto.equals("arp") && !proto.equals("ether") && !proto.equals("vlan")) {
        throw notInFamily(start, proto, "arp tables see ARP packets only");
      }
      if (proto.equals("ip") && family == Family.IP6) {
        throw notInFamily(start, proto, "an ip6 table sees IPv6 packets only; use ip6, or an inet table for both");
      }
      if (proto.equals("ip6") && family == Family.IP) {
        throw notInFamily(start, proto, "an ip table sees IPv4 packets only; use ip, or an inet table for both");
      }
      if (proto.equals("vlan") && etherTypeToken != null) {
        throw c.invalid(start, "\"vlan\" conflicts with " + etherTypeToken.text() + " ether type",
            "the rule already matches an ether type other than vlan");
      }
    } else if (e instanceof MetaExpr m) {
      if ((m.key().equals("ibrname") || m.key().equals("obrname") || m.key().equals("ibrvproto")
          || m.key().equals("ibrpvid")) && family != Family.BRIDGE) {
        throw notInFamily(start, "meta " + m.key(), "bridge metadata exists in bridge tables only");
      }
    } else if (e instanceof CtExpr ct) {
      if (family == Family.ARP || family == Family.NETDEV) {
        throw notInFamily(start, "ct", "conntrack is not available to " + family.nftName() + " tables");
      }
      if (inConcat && (ct.key().equals("saddr") || ct.key().equals("daddr"))) {
        throw c.invalid(start, "\"ct " + ct.dir() + " " + ct.key() + "\" has no fixed type here",
            "write ct " + ct.dir() + " ip " + ct.key() + " or ct " + ct.dir() + " ip6 " + ct.key());
      }
    } else if (e instanceof io.jnftables.model.expr.RtExpr rt) {
      if (rt.family() != null && (family == Family.IP && rt.family().equals("ip6")
          || family == Family.IP6 && rt.family().equals("ip"))) {
        throw notInFamily(start, "rt " + rt.family(), "the table's family is " + family.nftName());
      }
    } else if (e instanceof io.jnftables.model.expr.ExthdrExpr && family == Family.IP) {
      // nft lets ip tables match IPv6 extension headers only through an explicit dependency
    }
  }

  /** Map keys and concatenations need types of a fixed size. */
  private void checkMapKeyTypes(Expression key, Token start) {
    for (Expression e : flattenConcat(key)) {
      if (e instanceof CtExpr ct && (ct.key().equals("saddr") || ct.key().equals("daddr"))) {
        throw c.invalid(start, "\"ct " + ct.dir() + " " + ct.key() + "\" has no fixed type here",
            "write ct " + ct.dir() + " ip " + ct.key() + " or ct " + ct.dir() + " ip6 " + ct.key());
      }
    }
  }

  /** A referenced set must exist and hold values of the left side's type. */
  private void checkSetReference(Expression right, Expression left, boolean verdictMap) {
    if (!(right instanceof SetReference ref) || !schema.strict()) {
      return;
    }
    Schema.SetInfo info = schema.set(ref.name());
    if (info == null) {
      throw c.invalid(c.peek(-1), "no set or map named \"" + ref.name() + "\" in the table", null);
    }
    List<DataType> want = expr.typesOf(left);
    if (want.size() != info.keyTypes().size()) {
      throw c.invalid(c.peek(-1), "@" + ref.name() + " holds " + String.join(" . ", info.keyTypes())
          + ", not " + describe(want), null);
    }
    for (int i = 0; i < want.size(); i++) {
      DataType w = resolved(want.get(i), left, i);
      DataType have = DataType.BY_NAME.get(info.keyTypes().get(i));
      if (w != DataType.ANY && have != null && w.base != have.base && !(w.base == DataType.Base.INTEGER
          && have.base == DataType.Base.INTEGER)) {
        throw c.invalid(c.peek(-1), "@" + ref.name() + " holds " + String.join(" . ", info.keyTypes())
            + ", not " + describe(want), null);
      }
    }
  }

  private DataType resolved(DataType t, Expression left, int index) {
    return t;
  }

  private static String describe(List<DataType> types) {
    List<String> names = new ArrayList<>();
    for (DataType t : types) {
      names.add(t.name);
    }
    return String.join(" . ", names);
  }

  /** Intervals of an anonymous set or map must not overlap (nft refuses {@code { 1-5 : a, 3-9 : b }}). */
  private void checkIntervals(Expression right, Expression left) {
    if (!(right instanceof SetExpr s)) {
      return;
    }
    List<byte[][]> seen = new ArrayList<>();
    for (Expression e : s.elements()) {
      Expression k = e instanceof io.jnftables.model.expr.MappingExpr m ? m.key() : e;
      byte[][] r = bounds(k);
      if (r == null) {
        continue;
      }
      for (byte[][] o : seen) {
        if (o[0].length == r[0].length && Addresses.compare(r[0], o[1]) <= 0 && Addresses.compare(o[0], r[1]) <= 0
            && (k instanceof RangeExpr)) {
          throw c.invalid(c.peek(-1), "overlapping intervals in the set", "each value may be in one interval only");
        }
      }
      seen.add(r);
    }
  }

  private static byte[] @Nullable [] bounds(Expression e) {
    if (e instanceof RangeExpr r && r.low() instanceof StringLiteral a && r.high() instanceof StringLiteral b) {
      byte[] x = Addresses.tryParse(a.value());
      byte[] y = Addresses.tryParse(b.value());
      if (x != null && y != null) {
        return new byte[][] {x, y};
      }
    }
    if (e instanceof StringLiteral s) {
      byte[] x = Addresses.tryParse(s.value());
      if (x != null) {
        return new byte[][] {x, x};
      }
    }
    return null;
  }

  /** Remembers what a match tells about the packet's protocols, refusing contradictions. */
  private void record(Match m, Token start) {
    Expression left = m.left();
    boolean equal = m.op() == Operator.EQ || m.op() == Operator.IN;
    if (left instanceof PayloadExpr p) {
      String proto = p.protocol();
      if (proto.equals("ip") || proto.equals("ip6") || proto.equals("arp")) {
        setL3(proto, start);
      } else if (Selectors.TRANSPORT.contains(proto) && !proto.equals("th")) {
        setL4(proto, start);
      }
      if (equal && (proto.equals("ip") && p.field().equals("protocol") || proto.equals("ip6")
          && p.field().equals("nexthdr"))) {
        l4FromValue(m.right(), start);
      }
      if (equal && proto.equals("ether") && p.field().equals("type")) {
        l3FromEtherType(m.right(), start);
      }
    } else if (left instanceof MetaExpr meta && equal) {
      switch (meta.key()) {
        case "l4proto":
          l4FromValue(m.right(), start);
          break;
        case "nfproto":
          if (m.right() instanceof StringLiteral s) {
            setL3(s.value().equals("ipv4") ? "ip" : s.value().equals("ipv6") ? "ip6" : s.value(), start);
          }
          break;
        case "protocol":
          l3FromEtherType(m.right(), start);
          break;
        default:
          break;
      }
    } else if (left instanceof CtExpr ct && ct.key().indexOf(' ') > 0) {
      setL3(ct.key().substring(0, ct.key().indexOf(' ')), start);
    }
  }

  private void l3FromEtherType(Expression value, Token start) {
    if (value instanceof StringLiteral s) {
      switch (s.value()) {
        case "ip":
        case "ip6":
        case "arp":
          setL3(s.value(), start);
          etherTypeToken = start;
          break;
        case "vlan":
        case "8021q":
        case "8021ad":
          break;
        default:
          etherTypeToken = start;
      }
    } else if (value instanceof NumberLiteral n) {
      long v = n.value();
      if (v == 0x0800) {
        setL3("ip", start);
      } else if (v == 0x86dd) {
        setL3("ip6", start);
      } else if (v == 0x0806) {
        setL3("arp", start);
      }
      if (v != 0x8100 && v != 0x88a8) {
        etherTypeToken = start;
      }
    }
  }

  private void l4FromValue(Expression value, Token start) {
    String name = null;
    if (value instanceof StringLiteral s) {
      Long n = DataType.INET_PROTO.symbols.get(s.value());
      name = n == null ? s.value() : DataType.INET_PROTO.symbolOf(n);
    } else if (value instanceof NumberLiteral n) {
      String sym = DataType.INET_PROTO.symbolOf(n.value());
      name = sym == null ? "protocol " + n.value() : sym;
    } else if (value instanceof SetExpr) {
      name = "*";
    }
    if (name == null) {
      return;
    }
    if (name.equals("ipv6-icmp")) {
      name = "icmpv6";
    }
    setL4(name, start);
  }

  private void setL3(String proto, Token t) {
    if (l3 != null && !l3.equals(proto)) {
      throw conflict(t, proto, null, l3, l3Token);
    }
    if (l3 == null) {
      l3 = proto;
      l3Token = t;
    }
  }

  private void setL4(String proto, Token t) {
    if (l4 != null && !l4.equals(proto) && !proto.equals("*")) {
      throw conflict(t, proto, null, l4.equals("*") ? "a set of protocols" : l4, l4Token);
    }
    if (l4 == null || l4.equals("*")) {
      if (!(l4 != null && proto.equals("*"))) {
        l4 = proto;
        l4Token = t;
      }
    }
  }

  /** {@code what} at {@code t} contradicts the protocol an earlier match limited the rule to. */
  private NftSyntaxException conflict(
      Token t, String what, @Nullable String why, String earlier, @Nullable Token earlierToken) {
    String where = earlierToken == null ? "" : " (\"" + earlierToken.text() + "\" at column " + column(earlierToken) + ")";
    return NftSyntaxException.atOffset(
        c.input, t.offset(), t.text(), "\"" + what + "\" conflicts with " + earlier, List.of(),
        (why != null ? why + "; " : "") + "the rule already matches " + earlier + " packets only" + where, null);
  }

  private NftSyntaxException notInFamily(Token t, String what, String why) {
    return NftSyntaxException.atOffset(
        c.input, t.offset(), t.text(), "\"" + what + "\" cannot be used in " + article(family) + " table",
        List.of(), why, null);
  }

  private static String article(Family family) {
    return ("aeiou".indexOf(family.nftName().charAt(0)) >= 0 ? "an " : "a ") + family.nftName();
  }
}
