package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.BooleanLiteral;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ExthdrExpr;
import io.jnftables.model.expr.FibExpr;
import io.jnftables.model.expr.IpOptionExpr;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.NumgenExpr;
import io.jnftables.model.expr.OsfExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PayloadOffsetExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.RtExpr;
import io.jnftables.model.expr.SctpChunkExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.SocketExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.SymhashExpr;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.model.expr.TcpOptionOffsetExpr;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.expr.XfrmExpr;
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
import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Synproxy;
import io.jnftables.model.stmt.TextStatement;
import io.jnftables.model.stmt.Tproxy;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.model.stmt.VerdictMap;
import io.jnftables.model.stmt.Xt;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Statements and expressions as {@code nft list} prints them: {@code meta mark 0x00000004},
 * {@code ct expiration 3m53s}, {@code iifname "lo"}, {@code tcp flags syn / fin,syn,rst,ack},
 * {@code reject} for the family's default rejection. Values are written the way nft writes their
 * {@link DataType}; what the model holds raw is written as its JSON.
 */
final class StatementPrinter {
  private final @Nullable Family family;

  /** The maps of the rule's table by name, so that values put into them print as their type; may be empty. */
  private final java.util.Map<String, io.jnftables.model.NamedSet> maps;

  StatementPrinter(@Nullable Family family) {
    this(family, java.util.Map.of());
  }

  StatementPrinter(@Nullable Family family, java.util.Map<String, io.jnftables.model.NamedSet> maps) {
    this.family = family;
    this.maps = maps;
  }

  String statements(List<Statement> statements) {
    StringBuilder sb = new StringBuilder(statements.size() * 16);
    for (Statement s : statements) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      statement(sb, s);
    }
    return sb.toString();
  }

  void statement(StringBuilder sb, Statement s) {
    if (s instanceof Match m) {
      match(sb, m);
    } else if (s instanceof Verdict v) {
      verdict(sb, v);
    } else if (s instanceof Counter c) {
      sb.append("counter");
      if (c.packets() != null || c.bytes() != null) {
        sb.append(" packets ").append(c.packets() == null ? 0 : c.packets());
        sb.append(" bytes ").append(c.bytes() == null ? 0 : c.bytes());
      }
    } else if (s instanceof Mangle m) {
      DataType t = Selectors.typeOf(m.key());
      expr(sb, m.key(), DataType.ANY);
      sb.append(" set ");
      value(sb, m.value(), List.of(t), t);
    } else if (s instanceof VerdictMap v) {
      expr(sb, v.key(), DataType.ANY);
      sb.append(" vmap ");
      mapData(sb, v.data(), Selectors.typesOf(v.key()), DataType.VERDICT);
    } else if (s instanceof Log l) {
      log(sb, l);
    } else if (s instanceof Reject r) {
      reject(sb, r);
    } else if (s instanceof Limit l) {
      limit(sb, l);
    } else if (s instanceof Quota q) {
      sb.append("quota ");
      if (q.inv()) {
        sb.append("over ");
      }
      sb.append(q.value()).append(' ').append(q.valueUnit() == null ? "bytes" : q.valueUnit());
      if (q.used() != null && q.used() != 0) {
        sb.append(" used ").append(q.used()).append(' ').append(q.usedUnit() == null ? "bytes" : q.usedUnit());
      }
    } else if (s instanceof Nat n) {
      nat(sb, n);
    } else if (s instanceof ObjectRef r) {
      objectRef(sb, r);
    } else if (s instanceof Queue q) {
      sb.append("queue");
      if (!q.flags().isEmpty()) {
        sb.append(" flags ").append(String.join(",", q.flags()));
      }
      sb.append(" to ");
      if (q.number() == null) {
        sb.append('0');
      } else {
        value(sb, q.number(), List.of(DataType.integer(16)), DataType.integer(16));
      }
    } else if (s instanceof Notrack) {
      sb.append("notrack");
    } else if (s instanceof Dup d) {
      sb.append("dup");
      if (d.address() != null) {
        sb.append(" to ");
        DataType t = family == Family.NETDEV ? DataType.IFNAME : DataType.ANY;
        if (d.address() instanceof MapExpr m) {
          expr(sb, m.key(), DataType.ANY);
          sb.append(" map ");
          mapData(sb, m.data(), Selectors.typesOf(m.key()), t);
        } else {
          value(sb, d.address(), List.of(t), t);
        }
      }
      if (d.device() != null) {
        sb.append(" device ");
        value(sb, d.device(), List.of(DataType.IFNAME), DataType.IFNAME);
      }
    } else if (s instanceof Fwd f) {
      sb.append("fwd");
      if (f.family() != null) {
        sb.append(' ').append(f.family());
      }
      sb.append(" to ");
      if (f.address() != null) {
        value(sb, f.address(), List.of(DataType.ANY), DataType.ANY);
        sb.append(" device ");
      }
      value(sb, f.device(), List.of(DataType.IFNAME), DataType.IFNAME);
    } else if (s instanceof Tproxy t) {
      sb.append("tproxy");
      if (t.family() != null) {
        sb.append(' ').append(t.family());
      }
      sb.append(" to ");
      addressAndPort(sb, t.address(), t.port(), true);
    } else if (s instanceof Synproxy sp) {
      sb.append("synproxy");
      if (sp.mss() != null) {
        sb.append(" mss ").append(sp.mss());
      }
      if (sp.wscale() != null) {
        sb.append(" wscale ").append(sp.wscale());
      }
      for (String f : sp.flags()) {
        sb.append(' ').append(f);
      }
    } else if (s instanceof SetUpdate u) {
      sb.append(u.op()).append(" @").append(u.set()).append(" { ");
      expr(sb, u.element(), DataType.ANY);
      for (Statement x : u.statements()) {
        sb.append(' ');
        statement(sb, x);
      }
      sb.append(" }");
    } else if (s instanceof MapUpdate u) {
      sb.append(u.op()).append(" @").append(u.map()).append(" { ");
      expr(sb, u.element(), DataType.ANY);
      for (Statement x : u.statements()) {
        sb.append(' ');
        statement(sb, x);
      }
      sb.append(" : ");
      io.jnftables.model.NamedSet map = maps.get(u.map());
      List<DataType> dataTypes = map == null ? List.of() : RulesetPrinter.dataTypes(map);
      expr(sb, u.data(), dataTypes.size() == 1 ? dataTypes.get(0) : DataType.ANY);
      sb.append(" }");
    } else if (s instanceof Meter m) {
      sb.append("meter");
      if (m.name() != null) {
        sb.append(' ').append(m.name());
      }
      if (m.size() != null) {
        sb.append(" size ").append(m.size());
      }
      sb.append(" { ");
      expr(sb, m.key(), DataType.ANY);
      sb.append(' ');
      statement(sb, m.statement());
      sb.append(" }");
    } else if (s instanceof CtCount c) {
      sb.append("ct count ");
      if (c.inv()) {
        sb.append("over ");
      }
      sb.append(c.value());
    } else if (s instanceof OptionReset r) {
      sb.append("reset ");
      expr(sb, r.option(), DataType.ANY);
    } else if (s instanceof FlowOffload f) {
      sb.append("flow ").append(f.op()).append(" @").append(f.flowtable());
    } else if (s instanceof TextStatement t) {
      sb.append(t.text());
    } else if (s instanceof Xt x) {
      sb.append("xt");
      if (x.type() != null) {
        sb.append(' ').append(x.type());
      }
      if (x.name() != null) {
        sb.append(' ').append(quote(x.name()));
      }
    } else if (s instanceof RawStatement r) {
      sb.append("# ").append(r.key()).append(' ').append(r.value());
    } else {
      sb.append(s);
    }
  }

  private void verdict(StringBuilder sb, Verdict v) {
    sb.append(v.kind().json());
    if (v.target() != null) {
      sb.append(' ').append(v.target());
    }
  }

  // ------------------------------------------------------------------ matches

  private void match(StringBuilder sb, Match m) {
    Expression left = m.left();
    Operator op = m.op();
    // tcp flags & mask == value is written "tcp flags value / mask"
    if (left instanceof BinaryExpr b && b.op() == BinaryOperator.AND && Selectors.typeOf(b.left()).flags
        && (op == Operator.EQ || op == Operator.NE) && b.right() instanceof ListExpr && isFlagConstant(m.right())) {
      DataType t = Selectors.typeOf(b.left());
      expr(sb, b.left(), DataType.ANY);
      sb.append(' ');
      if (op == Operator.NE) {
        sb.append("!= ");
      }
      value(sb, m.right(), List.of(t), t);
      sb.append(" / ");
      value(sb, b.right(), List.of(t), t);
      return;
    }
    List<DataType> types = Selectors.typesOf(left);
    DataType type = types.size() == 1 ? types.get(0) : DataType.ANY;
    expr(sb, left, DataType.ANY);
    String o = operator(op, left, m.right(), type);
    if (!o.isEmpty()) {
      sb.append(' ').append(o);
    }
    sb.append(' ');
    value(sb, m.right(), types, type);
  }

  private static boolean isFlagConstant(Expression e) {
    return e instanceof StringLiteral || e instanceof ListExpr || e instanceof NumberLiteral
        || e instanceof BinaryExpr b && b.op() == BinaryOperator.OR;
  }

  /** nft omits {@code ==} unless the left is masked or the right a single flag value. */
  private static String operator(Operator op, Expression left, Expression right, DataType type) {
    switch (op) {
      case EQ:
        if (left instanceof BinaryExpr) {
          return "==";
        }
        if (type.flags && !(right instanceof SetExpr) && !(right instanceof SetReference)) {
          return "==";
        }
        return "";
      case IN:
        return "";
      default:
        return op.json();
    }
  }

  // ------------------------------------------------------------------ expressions (selectors)

  /** An expression; {@code type} is the type of the values it stands for, when it is a constant. */
  void expr(StringBuilder sb, Expression e, DataType type) {
    if (e instanceof PayloadExpr p) {
      if (p.protocol().equals("arp") && p.field().indexOf(' ') > 0) {
        sb.append("arp ").append(p.field());
      } else {
        sb.append(p.protocol()).append(' ').append(p.field());
      }
    } else if (e instanceof MetaExpr m) {
      if (UNQUALIFIED_META.contains(m.key())) {
        sb.append(m.key());
      } else {
        sb.append("meta ").append(m.key().equals("secpath") ? "ipsec" : m.key());
      }
    } else if (e instanceof CtExpr c) {
      sb.append("ct ");
      if (c.dir() != null) {
        sb.append(c.dir()).append(' ');
      }
      if (c.family() != null) {
        sb.append(c.family()).append(' ');
      }
      sb.append(c.key());
    } else if (e instanceof PayloadOffsetExpr p) {
      sb.append('@').append(p.base()).append(',').append(p.offset()).append(',').append(p.length());
    } else if (e instanceof ExthdrExpr x) {
      if (x.field() == null) {
        sb.append("exthdr ").append(x.name());
      } else {
        sb.append(x.name()).append(' ').append(x.field());
        if (x.offset() != null) {
          sb.append('[').append(x.offset()).append(']');
        }
      }
    } else if (e instanceof TcpOptionExpr t) {
      sb.append("tcp option ").append(t.name());
      if (t.field() != null) {
        sb.append(' ').append(t.field());
      }
    } else if (e instanceof TcpOptionOffsetExpr t) {
      if (t.offset() == 0 && (t.length() == 8 || t.length() == 0)) {
        sb.append("tcp option ").append(t.base());
      } else {
        sb.append("tcp option @").append(t.base()).append(',').append(t.offset()).append(',').append(t.length());
      }
    } else if (e instanceof IpOptionExpr o) {
      sb.append("ip option ").append(o.name());
      if (o.field() != null) {
        sb.append(' ').append(o.field());
      }
    } else if (e instanceof SctpChunkExpr c) {
      sb.append("sctp chunk ").append(c.name());
      if (c.field() != null) {
        sb.append(' ').append(c.field());
      }
    } else if (e instanceof RtExpr r) {
      sb.append("rt ");
      if (r.family() != null) {
        sb.append(r.family()).append(' ');
      }
      sb.append(r.key());
    } else if (e instanceof SocketExpr s) {
      sb.append("socket ").append(s.key());
    } else if (e instanceof OsfExpr o) {
      sb.append("osf ");
      if (o.ttl() != null) {
        sb.append("ttl ").append(o.ttl()).append(' ');
      }
      sb.append(o.key());
    } else if (e instanceof XfrmExpr x) {
      sb.append("ipsec ").append(x.dir());
      if (x.spnum() != null && x.spnum() != 0) {
        sb.append(" spnum ").append(x.spnum());
      }
      if (x.family() != null) {
        sb.append(' ').append(x.family());
      }
      sb.append(' ').append(x.key());
    } else if (e instanceof FibExpr f) {
      sb.append("fib ").append(String.join(" . ", f.flags())).append(' ').append(f.result());
    } else if (e instanceof NumgenExpr n) {
      sb.append("numgen ").append(n.mode()).append(" mod ").append(n.mod());
      if (n.offset() != null && n.offset() != 0) {
        sb.append(" offset ").append(n.offset());
      }
    } else if (e instanceof JhashExpr j) {
      sb.append("jhash ");
      expr(sb, j.expr(), DataType.ANY);
      sb.append(" mod ").append(j.mod());
      if (j.seed() != null) {
        sb.append(" seed 0x").append(Long.toHexString(j.seed()));
      }
      if (j.offset() != null && j.offset() != 0) {
        sb.append(" offset ").append(j.offset());
      }
    } else if (e instanceof SymhashExpr s) {
      sb.append("symhash mod ").append(s.mod());
      if (s.offset() != null && s.offset() != 0) {
        sb.append(" offset ").append(s.offset());
      }
    } else if (e instanceof ConcatExpr c) {
      for (int i = 0; i < c.elements().size(); i++) {
        if (i > 0) {
          sb.append(" . ");
        }
        expr(sb, c.elements().get(i), DataType.ANY);
      }
    } else if (e instanceof BinaryExpr b) {
      binary(sb, b, Selectors.typeOf(b.left()));
    } else if (e instanceof MapExpr m) {
      expr(sb, m.key(), DataType.ANY);
      sb.append(" map ");
      mapData(sb, m.data(), Selectors.typesOf(m.key()), type);
    } else {
      value(sb, e, List.of(type), type);
    }
  }

  private static final List<String> UNQUALIFIED_META =
      List.of("iif", "oif", "iifname", "oifname", "iifgroup", "oifgroup");

  private void binary(StringBuilder sb, BinaryExpr b, DataType type) {
    int prec = precedence(b.op());
    operand(sb, b.left(), prec, type);
    sb.append(' ').append(b.op().json()).append(' ');
    boolean shift = b.op() == BinaryOperator.LSHIFT || b.op() == BinaryOperator.RSHIFT;
    operand(sb, b.right(), prec, shift ? DataType.integer(32) : type);
  }

  private void operand(StringBuilder sb, Expression e, int parentPrecedence, DataType type) {
    if (e instanceof ListExpr l) {
      // flags combined as an operand: (fin | syn), as nft writes them
      sb.append('(');
      for (int i = 0; i < l.elements().size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        value(sb, l.elements().get(i), List.of(type), type);
      }
      sb.append(')');
    } else if (e instanceof BinaryExpr inner && precedence(inner.op()) < parentPrecedence) {
      sb.append('(');
      binary(sb, inner, type);
      sb.append(')');
    } else if (e instanceof BinaryExpr inner) {
      binary(sb, inner, type);
    } else if (isSelector(e)) {
      expr(sb, e, type);
    } else {
      value(sb, e, List.of(type), type);
    }
  }

  private static int precedence(BinaryOperator op) {
    switch (op) {
      case LSHIFT:
      case RSHIFT:
        return 4;
      case AND:
        return 3;
      case XOR:
        return 2;
      default:
        return 1;
    }
  }

  private static boolean isSelector(Expression e) {
    return !(e instanceof StringLiteral || e instanceof NumberLiteral || e instanceof BooleanLiteral
        || e instanceof ListExpr || e instanceof SetExpr || e instanceof RangeExpr || e instanceof PrefixExpr
        || e instanceof SetReference || e instanceof MappingExpr || e instanceof ElemExpr
        || e instanceof VerdictExpr || e instanceof RawExpression);
  }

  // ------------------------------------------------------------------ values

  /**
   * A constant (or any expression) whose values are of {@code types} (one per concatenated part);
   * {@code type} is the single type when there is one.
   */
  void value(StringBuilder sb, Expression e, List<DataType> types, DataType type) {
    if (e instanceof NumberLiteral n) {
      sb.append(number(n.value(), type, false));
    } else if (e instanceof StringLiteral s) {
      sb.append(string(s.value(), type));
    } else if (e instanceof BooleanLiteral b) {
      sb.append(b.value() ? "exists" : "missing");
    } else if (e instanceof ListExpr l) {
      for (int i = 0; i < l.elements().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        value(sb, l.elements().get(i), types, type);
      }
    } else if (e instanceof SetExpr s) {
      sb.append("{ ");
      for (int i = 0; i < s.elements().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        value(sb, s.elements().get(i), types, type);
      }
      sb.append(" }");
    } else if (e instanceof RangeExpr r) {
      rangeBound(sb, r.low(), types, type);
      sb.append('-');
      rangeBound(sb, r.high(), types, type);
    } else if (e instanceof PrefixExpr p) {
      value(sb, p.address(), types, type);
      sb.append('/').append(p.length());
    } else if (e instanceof ConcatExpr c) {
      for (int i = 0; i < c.elements().size(); i++) {
        if (i > 0) {
          sb.append(" . ");
        }
        DataType t = i < types.size() ? types.get(i) : DataType.ANY;
        Expression x = c.elements().get(i);
        if (isSelector(x)) {
          expr(sb, x, t);
        } else {
          value(sb, x, List.of(t), t);
        }
      }
    } else if (e instanceof SetReference r) {
      sb.append('@').append(r.name());
    } else if (e instanceof ElemExpr el) {
      value(sb, el.value(), types, type);
      for (Statement s : el.statements()) {
        sb.append(' ');
        statement(sb, s);
      }
      if (el.timeout() != null) {
        sb.append(" timeout ").append(Times.format(el.timeout() * 1000));
      }
      if (el.expires() != null) {
        sb.append(" expires ").append(Times.format(el.expires() * 1000));
      }
      if (el.comment() != null) {
        sb.append(" comment ").append(quote(el.comment()));
      }
    } else if (e instanceof VerdictExpr v) {
      verdict(sb, v.verdict());
    } else if (e instanceof MappingExpr m) {
      value(sb, m.key(), types, type);
      sb.append(" : ");
      value(sb, m.value(), List.of(DataType.ANY), DataType.ANY);
    } else if (e instanceof BinaryExpr b) {
      binary(sb, b, type);
    } else if (e instanceof RawExpression r) {
      sb.append(r.json());
    } else {
      expr(sb, e, type);
    }
  }

  private void rangeBound(StringBuilder sb, Expression e, List<DataType> types, DataType type) {
    if (e instanceof NumberLiteral n) {
      sb.append(number(n.value(), type, true));
    } else if (e instanceof StringLiteral s && type.symbols.containsKey(s.value())) {
      sb.append(type.symbols.get(s.value())); // nft writes ranges of named values as numbers
    } else {
      value(sb, e, types, type);
    }
  }

  /** A map's elements: keys of {@code keyTypes}, values of {@code dataType}. */
  private void mapData(StringBuilder sb, Expression data, List<DataType> keyTypes, DataType dataType) {
    if (!(data instanceof SetExpr s)) {
      value(sb, data, keyTypes, DataType.ANY);
      return;
    }
    DataType keyType = keyTypes.size() == 1 ? keyTypes.get(0) : DataType.ANY;
    sb.append("{ ");
    for (int i = 0; i < s.elements().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Expression x = s.elements().get(i);
      if (x instanceof MappingExpr m) {
        value(sb, m.key(), keyTypes, keyType);
        sb.append(" : ");
        value(sb, m.value(), List.of(dataType), dataType);
      } else {
        value(sb, x, keyTypes, keyType);
      }
    }
    sb.append(" }");
  }

  static String number(long v, DataType type, boolean inRange) {
    switch (type.base) {
      case MARK:
        return String.format("0x%08x", v);
      case HEX:
        return "0x" + Long.toHexString(v);
      case TIME:
        return inRange ? v + "s" : Times.format(v * 1000);
      default:
        if (type == DataType.DSCP && type.symbolOf(v) == null) {
          return String.format("0x%02x", v);
        }
        if (type.flags && type.symbolOf(v) == null) {
          return "0x" + Long.toHexString(v); // a bit mask nft has no name for
        }
        return Long.toString(v);
    }
  }

  static String string(String s, DataType type) {
    if (type == DataType.IFACE_INDEX && ValueParser.isDigits(s)) {
      return s; // an interface nft only knows by its index
    }
    switch (type.base) {
      case STRING:
      case DATE:
      case HOUR:
        return quote(s);
      default:
        if (type == DataType.DEVGROUP || type == DataType.REALM || type == DataType.DAY) {
          return quote(s);
        }
        return s;
    }
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  // ------------------------------------------------------------------ other statements

  private void log(StringBuilder sb, Log l) {
    sb.append("log");
    if (l.prefix() != null) {
      sb.append(" prefix ").append(quote(l.prefix()));
    }
    if (l.level() != null && !l.level().equals("warn")) {
      sb.append(" level ").append(l.level());
    }
    if (l.group() != null) {
      sb.append(" group ").append(l.group());
    }
    if (l.snaplen() != null) {
      sb.append(" snaplen ").append(l.snaplen());
    }
    if (l.queueThreshold() != null) {
      sb.append(" queue-threshold ").append(l.queueThreshold());
    }
    List<String> flags = l.flags();
    if (flags.contains("all") || flags.containsAll(List.of("tcp sequence", "tcp options", "ip options", "skuid",
        "ether"))) {
      sb.append(" flags all");
      return;
    }
    boolean seq = flags.contains("tcp sequence");
    boolean opt = flags.contains("tcp options");
    if (seq || opt) {
      sb.append(" flags tcp ").append(seq && opt ? "sequence,options" : seq ? "sequence" : "options");
    }
    if (flags.contains("ip options")) {
      sb.append(" flags ip options");
    }
    if (flags.contains("skuid")) {
      sb.append(" flags skuid");
    }
    if (flags.contains("ether")) {
      sb.append(" flags ether");
    }
  }

  private void reject(StringBuilder sb, Reject r) {
    sb.append("reject");
    if (r.type() == null) {
      return;
    }
    if (r.type().equals("tcp reset")) {
      sb.append(" with tcp reset");
      return;
    }
    boolean isDefault = "port-unreachable".equals(r.expr()) && defaultRejectType().equals(r.type());
    if (isDefault) {
      return;
    }
    sb.append(" with ").append(r.type());
    if (r.expr() != null) {
      sb.append(' ').append(r.expr());
    }
  }

  private String defaultRejectType() {
    if (family == Family.IP) {
      return "icmp";
    }
    if (family == Family.IP6) {
      return "icmpv6";
    }
    return "icmpx";
  }

  private void limit(StringBuilder sb, Limit l) {
    sb.append("limit rate ");
    if (l.inv()) {
      sb.append("over ");
    }
    sb.append(l.rate());
    if (l.rateUnit() != null) {
      sb.append(' ').append(l.rateUnit());
    }
    sb.append('/').append(l.per() == null ? "second" : l.per());
    if (l.burst() != null) {
      if (l.rateUnit() == null && l.burst() != 5 && l.burst() != 0) {
        sb.append(" burst ").append(l.burst()).append(" packets");
      } else if (l.rateUnit() != null && l.burst() != 0) {
        sb.append(" burst ").append(l.burst()).append(' ').append(l.burstUnit() == null ? "bytes" : l.burstUnit());
      }
    }
  }

  private void nat(StringBuilder sb, Nat n) {
    sb.append(n.type().json());
    if (n.family() != null) {
      sb.append(' ').append(n.family());
    }
    if (n.typeFlags().contains("prefix")) {
      sb.append(" prefix");
    } else if (n.typeFlags().contains("concat")) {
      sb.append(" addr . port");
    } else if (n.typeFlags().contains("interval")) {
      sb.append(" interval");
    }
    if (n.address() != null || n.port() != null) {
      sb.append(" to ");
      addressAndPort(sb, n.address(), n.port(), false);
    }
    List<String> flags = n.flags().stream().filter(f -> !f.equals("netmap")).toList();
    if (!flags.isEmpty()) {
      sb.append(' ').append(String.join(",", flags));
    }
  }

  private void addressAndPort(
      StringBuilder sb, @Nullable Expression address, @Nullable Expression port, boolean bracketsAlways) {
    if (address != null) {
      boolean v6 = isIpv6(address);
      if (v6 && (port != null || bracketsAlways) && address instanceof RangeExpr r) {
        sb.append('[');
        value(sb, r.low(), List.of(DataType.IPV6), DataType.IPV6);
        sb.append("]-[");
        value(sb, r.high(), List.of(DataType.IPV6), DataType.IPV6);
        sb.append(']');
      } else if (v6 && (port != null || bracketsAlways) && !(address instanceof PrefixExpr)) {
        sb.append('[');
        value(sb, address, List.of(DataType.IPV6), DataType.IPV6);
        sb.append(']');
      } else if (address instanceof MapExpr m) {
        expr(sb, m.key(), DataType.ANY);
        sb.append(" map ");
        mapData(sb, m.data(), Selectors.typesOf(m.key()), DataType.ANY);
      } else {
        value(sb, address, List.of(DataType.ANY), DataType.ANY);
      }
    }
    if (port != null) {
      sb.append(':');
      if (port instanceof MapExpr m) {
        expr(sb, m.key(), DataType.ANY);
        sb.append(" map ");
        mapData(sb, m.data(), Selectors.typesOf(m.key()), DataType.SERVICE);
      } else {
        value(sb, port, List.of(DataType.SERVICE), DataType.SERVICE);
      }
    }
  }

  private static boolean isIpv6(Expression e) {
    Expression a = e instanceof RangeExpr r ? r.low() : e instanceof PrefixExpr p ? p.address() : e;
    return a instanceof StringLiteral s && s.value().indexOf(':') >= 0;
  }

  private void objectRef(StringBuilder sb, ObjectRef r) {
    switch (r.type()) {
      case CT_HELPER:
      case CT_TIMEOUT:
      case CT_EXPECTATION:
        sb.append(r.type().json()).append(" set ");
        break;
      case SECMARK:
        sb.append("meta secmark set ");
        break;
      default:
        sb.append(r.type().json()).append(" name ");
    }
    if (r.reference() instanceof MapExpr m) {
      expr(sb, m.key(), DataType.ANY);
      sb.append(" map ");
      mapData(sb, m.data(), Selectors.typesOf(m.key()), DataType.STRING);
    } else {
      value(sb, r.reference(), List.of(DataType.STRING), DataType.STRING);
    }
  }
}
