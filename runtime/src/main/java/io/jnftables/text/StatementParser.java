package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.Names;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
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
 * The statements of one rule: matches, verdicts, counters, logging, limits, mangling, set
 * updates and the other actions of {@code man nft} ({@link NatParser} reads the NAT ones), with
 * the checks nft makes on the rule text before any kernel sees it ({@link RuleChecks}) —
 * protocols the table family cannot see, protocols that contradict each other within the rule,
 * values out of range, statements after a terminal one, references to sets and objects the table
 * does not declare (when a {@link Schema} says what it declares).
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
  final RuleChecks checks;
  private final NatParser nat;
  private final Family family;
  private final Schema schema;


  StatementParser(Cursor c, Family family, Schema schema) {
    this.c = c;
    this.family = family;
    this.schema = schema;
    this.expr = new ExpressionParser(c, this);
    this.checks = new RuleChecks(c, family, schema, expr);
    this.nat = new NatParser(c, family, expr, checks);
  }

  Family family() {
    return family;
  }

  // ================================================================== the rule

  /** The statements up to the end of the rule (end of input, {@code ;}, line break, {@code }} or {@code comment}). */
  List<Statement> statements() {
    checks.reset();
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
                + " (\"" + terminal.text() + "\" at column " + checks.column(terminal) + ")", exp);
      }
      Statement s = statement();
      out.add(s);
      if (s instanceof Verdict || s instanceof Reject || s instanceof Nat || s instanceof Queue) {
        terminal = start;
        bareReject = s.equals(Reject.DEFAULT);
      }
    }
    return RuleChecks.withoutRedundantDependencies(out);
  }

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
      return NatParser.NAT_FLAGS;
    }
    return List.of();
  }

  /** Options the previous statement could still have taken: offered first when a statement word is wrong. */
  private List<String> continuations = List.of();

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
        return nat.nat(t);
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
        return nat.tproxy(t);
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
    int start = c.position();
    Token verb = c.next();
    int level = c.enter(c.expect(Token.Kind.LBRACE, "{"));
    while (true) {
      c.skipNewlines();
      while (c.accept(Token.Kind.SEMICOLON)) {
        c.skipNewlines();
      }
      if (c.at(Token.Kind.RBRACE)) {
        c.next();
        c.leave(level);
        return new io.jnftables.model.stmt.TextStatement(c.written(start));
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
    checks.checkSelector(left, start);
    if (c.at("set")) {
      c.next();
      return assignment(left, start);
    }
    if (c.at("vmap")) {
      c.next();
      Expression data = c.at(Token.Kind.AT) ? expr.setReference()
          : expr.set(expr.typesOf(left), List.of(DataType.VERDICT), false);
      checks.checkSetReference(data, left, true);
      checks.checkIntervals(data, left);
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
    checks.checkSetReference(right, left, false);
    checks.checkIntervals(right, left);
    Match m = simplify(new Match(op, left, right));
    checks.record(m, start);
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
      checks.checkMapKeyTypes(vm.key(), valueToken);
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
      checks.checkObject(t, name, type);
      return new ObjectRef(type, new StringLiteral(name));
    }
    Expression key = expr.concat();
    Token map = c.expect("map");
    return new ObjectRef(type, new MapExpr(key, expr.mapData(key, data, map)));
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
      throw checks.notInFamily(keyword, "reject", "arp tables cannot reject");
    }
    if (checks.l3() != null && !checks.l3().equals("ip") && !checks.l3().equals("ip6")) {
      throw checks.conflict(keyword, "reject", "reject answers IPv4 and IPv6 packets only", checks.l3(), checks.l3Token());
    }
    if (!c.accept("with")) {
      return Reject.DEFAULT;
    }
    Token type = c.next();
    if (type.is("tcp")) {
      c.expect("reset");
      if (checks.l4() != null && !checks.l4().equals("tcp")) {
        throw checks.conflict(type, "tcp reset", "a TCP reset answers TCP packets only", checks.l4(), checks.l4Token());
      }
      return new Reject("tcp reset", null);
    }
    List<String> codes = type.isWord() ? REJECT_CODES.get(type.text()) : null;
    if (codes == null) {
      throw c.unexpected(type, List.of("tcp", "icmp", "icmpv6", "icmpx"), null);
    }
    if (type.is("icmpx") && (family == Family.IP || family == Family.IP6)) {
      throw checks.notInFamily(type, "icmpx", "use icmp" + (family == Family.IP6 ? "v6" : "")
          + " in " + family.nftName() + " tables; icmpx is for inet, bridge and netdev");
    }
    if (type.is("icmp") && family == Family.IP6 || type.is("icmpv6") && family == Family.IP) {
      throw checks.notInFamily(type, type.text(), "use icmp" + (family == Family.IP6 ? "v6" : "")
          + " in " + family.nftName() + " tables");
    }
    String network = type.is("icmp") ? "ip" : type.is("icmpv6") ? "ip6" : null;
    if (network != null && checks.l3() != null && !checks.l3().equals(network)) {
      throw checks.conflict(type, type.text(), type.text() + " answers " + network + " packets only", checks.l3(), checks.l3Token());
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
            : NatParser.guessAddressType(t.text()));
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

  /** The network protocol of the rule: the table's (ip, ip6) or an earlier match's, else null. */
  @Nullable String network() {
    return checks.network();
  }

  String tableArticle() {
    return checks.tableArticle();
  }

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

}
