package io.jnftables.json;

import static io.jnftables.json.ExpressionCodec.optExpression;
import static io.jnftables.json.ExpressionCodec.optInt;
import static io.jnftables.json.ExpressionCodec.optLong;
import static io.jnftables.json.ExpressionCodec.optString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.StringLiteral;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Statements ↔ JSON: one single-key object per statement; what the model lacks is a {@link
 * RawStatement}.
 */
final class StatementCodec {
  private StatementCodec() {}

  private static final SerializedString[] OPS = new SerializedString[Operator.values().length];
  private static final SerializedString[] VERDICTS = new SerializedString[Verdict.Kind.values().length];
  private static final SerializedString[] NATS = new SerializedString[Nat.Type.values().length];
  private static final SerializedString[] REFS = new SerializedString[ObjectRef.Type.values().length];

  static {
    for (Operator o : Operator.values()) {
      OPS[o.ordinal()] = K.of(o.json());
    }
    for (Verdict.Kind v : Verdict.Kind.values()) {
      VERDICTS[v.ordinal()] = K.of(v.json());
    }
    for (Nat.Type t : Nat.Type.values()) {
      NATS[t.ordinal()] = K.of(t.json());
    }
    for (ObjectRef.Type t : ObjectRef.Type.values()) {
      REFS[t.ordinal()] = K.of(t.json());
    }
  }

  // ================================================================== writing

  /** Statements that are always the same JSON, encoded once by the general path below. */
  private static final SerializedString COUNTER_NEW = preEncoded(Counter.NEW);
  private static final SerializedString NOTRACK = preEncoded(Notrack.INSTANCE);
  private static final SerializedString[] PLAIN_VERDICTS = new SerializedString[Verdict.Kind.values().length];

  static {
    for (Verdict.Kind v : Verdict.Kind.values()) {
      if (!v.takesTarget()) {
        PLAIN_VERDICTS[v.ordinal()] = preEncoded(new Verdict(v, null));
      }
    }
  }

  private static SerializedString preEncoded(Statement s) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = JsonIn.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      writeField(g, s);
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new SerializedString(out.toString());
  }

  static void write(JsonGenerator g, Statement s) throws IOException {
    if (s instanceof TextStatement t) {
      g.writeString(t.text());
      return;
    }
    // Constant statements go out pre-encoded (the same bytes the general path writes).
    SerializedString constant = constant(s);
    if (constant != null) {
      g.writeRawValue(constant);
      return;
    }
    g.writeStartObject();
    writeField(g, s);
    g.writeEndObject();
  }

  /** The pre-encoded JSON of a statement that is always the same bytes, or null. */
  static @Nullable SerializedString constant(Statement s) {
    if (s instanceof Verdict v && v.target() == null) {
      return PLAIN_VERDICTS[v.kind().ordinal()];
    }
    if (s instanceof Counter c && c.packets() == null && c.bytes() == null) {
      return COUNTER_NEW;
    }
    if (s instanceof Notrack) {
      return NOTRACK;
    }
    return null;
  }

  /** The JSON text of an operator, e.g. {@code "=="} with its quotes. */
  static String quotedOperator(Operator op) {
    return '"' + OPS[op.ordinal()].getValue() + '"';
  }

  static void writeAll(JsonGenerator g, List<Statement> statements) throws IOException {
    g.writeStartArray();
    for (int i = 0, n = statements.size(); i < n; i++) {
      write(g, statements.get(i));
    }
    g.writeEndArray();
  }

  /** The statement's key and value, inside an object the caller has opened. */
  static void writeField(JsonGenerator g, Statement s) throws IOException {
    if (s instanceof Match m) {
      g.writeFieldName(K.MATCH);
      g.writeStartObject();
      g.writeFieldName(K.OP);
      g.writeString(OPS[m.op().ordinal()]);
      g.writeFieldName(K.LEFT);
      ExpressionCodec.write(g, m.left());
      g.writeFieldName(K.RIGHT);
      ExpressionCodec.write(g, m.right());
      g.writeEndObject();
    } else if (s instanceof Verdict v) {
      g.writeFieldName(VERDICTS[v.kind().ordinal()]);
      if (v.target() != null) {
        g.writeStartObject();
        g.writeFieldName(K.TARGET);
        g.writeString(v.target());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
    } else if (s instanceof Counter c) {
      g.writeFieldName(K.COUNTER);
      if (c.packets() == null && c.bytes() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optLong(g, K.PACKETS, c.packets());
        optLong(g, K.BYTES, c.bytes());
        g.writeEndObject();
      }
    } else if (s instanceof Mangle m) {
      g.writeFieldName(K.MANGLE);
      g.writeStartObject();
      g.writeFieldName(K.KEY);
      ExpressionCodec.write(g, m.key());
      g.writeFieldName(K.VALUE);
      ExpressionCodec.write(g, m.value());
      g.writeEndObject();
    } else if (s instanceof VerdictMap v) {
      g.writeFieldName(K.VMAP);
      g.writeStartObject();
      g.writeFieldName(K.KEY);
      ExpressionCodec.write(g, v.key());
      g.writeFieldName(K.DATA);
      ExpressionCodec.write(g, v.data());
      g.writeEndObject();
    } else if (s instanceof Nat n) {
      g.writeFieldName(NATS[n.type().ordinal()]);
      if (n.family() == null && n.address() == null && n.port() == null && n.flags().isEmpty()
          && n.typeFlags().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optString(g, K.FAMILY, n.family());
        optExpression(g, K.ADDR, n.address());
        optExpression(g, K.PORT, n.port());
        if (!n.flags().isEmpty()) {
          g.writeFieldName(K.FLAGS);
          ExpressionCodec.writeStringOrArray(g, n.flags());
        }
        if (!n.typeFlags().isEmpty()) {
          g.writeFieldName(K.TYPE_FLAGS);
          ExpressionCodec.writeStringOrArray(g, n.typeFlags());
        }
        g.writeEndObject();
      }
    } else if (s instanceof ObjectRef r) {
      g.writeFieldName(REFS[r.type().ordinal()]);
      ExpressionCodec.write(g, r.reference());
    } else if (s instanceof Log l) {
      g.writeFieldName(K.LOG);
      if (l.prefix() == null && l.group() == null && l.snaplen() == null && l.queueThreshold() == null
          && l.level() == null && l.flags().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optString(g, K.PREFIX, l.prefix());
        optInt(g, K.GROUP, l.group());
        optInt(g, K.SNAPLEN, l.snaplen());
        optInt(g, K.QUEUE_THRESHOLD, l.queueThreshold());
        optString(g, K.LEVEL, l.level());
        if (!l.flags().isEmpty()) {
          g.writeFieldName(K.FLAGS);
          ExpressionCodec.writeStringOrArray(g, l.flags());
        }
        g.writeEndObject();
      }
    } else if (s instanceof Reject r) {
      g.writeFieldName(K.REJECT);
      if (r.type() == null && r.expr() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optString(g, K.TYPE, r.type());
        optString(g, K.EXPR, r.expr());
        g.writeEndObject();
      }
    } else if (s instanceof Quota q) {
      g.writeFieldName(K.QUOTA);
      g.writeStartObject();
      g.writeFieldName(K.VAL);
      g.writeNumber(q.value());
      optString(g, K.VAL_UNIT, q.valueUnit());
      if (q.inv()) {
        g.writeFieldName(K.INV);
        g.writeBoolean(true);
      }
      optLong(g, K.USED, q.used());
      optString(g, K.USED_UNIT, q.usedUnit());
      g.writeEndObject();
    } else if (s instanceof Limit l) {
      g.writeFieldName(K.LIMIT);
      g.writeStartObject();
      g.writeFieldName(K.RATE);
      g.writeNumber(l.rate());
      optString(g, K.PER, l.per());
      if (l.inv()) {
        g.writeFieldName(K.INV);
        g.writeBoolean(true);
      }
      optString(g, K.RATE_UNIT, l.rateUnit());
      optLong(g, K.BURST, l.burst());
      optString(g, K.BURST_UNIT, l.burstUnit());
      g.writeEndObject();
    } else if (s instanceof SetUpdate u) {
      g.writeFieldName(K.SET);
      g.writeStartObject();
      g.writeFieldName(K.OP);
      g.writeString(u.op());
      g.writeFieldName(K.ELEM);
      ExpressionCodec.write(g, u.element());
      g.writeFieldName(K.SET);
      g.writeString("@" + u.set());
      if (!u.statements().isEmpty()) {
        g.writeFieldName(K.STMT);
        writeAll(g, u.statements());
      }
      g.writeEndObject();
    } else if (s instanceof MapUpdate u) {
      g.writeFieldName(K.MAP);
      g.writeStartObject();
      g.writeFieldName(K.OP);
      g.writeString(u.op());
      g.writeFieldName(K.ELEM);
      ExpressionCodec.write(g, u.element());
      g.writeFieldName(K.DATA);
      ExpressionCodec.write(g, u.data());
      g.writeFieldName(K.MAP);
      g.writeString("@" + u.map());
      if (!u.statements().isEmpty()) {
        g.writeFieldName(K.STMT);
        writeAll(g, u.statements());
      }
      g.writeEndObject();
    } else if (s instanceof Meter m) {
      g.writeFieldName(K.METER);
      g.writeStartObject();
      optString(g, K.NAME, m.name());
      g.writeFieldName(K.KEY);
      ExpressionCodec.write(g, m.key());
      g.writeFieldName(K.STMT);
      write(g, m.statement());
      optLong(g, K.SIZE, m.size());
      g.writeEndObject();
    } else if (s instanceof Queue q) {
      g.writeFieldName(K.QUEUE);
      if (q.number() == null && q.flags().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optExpression(g, K.NUM, q.number());
        if (!q.flags().isEmpty()) {
          g.writeFieldName(K.FLAGS);
          ExpressionCodec.writeStringOrArray(g, q.flags());
        }
        g.writeEndObject();
      }
    } else if (s instanceof CtCount c) {
      g.writeFieldName(K.CT_COUNT);
      g.writeStartObject();
      g.writeFieldName(K.VAL);
      g.writeNumber(c.value());
      if (c.inv()) {
        g.writeFieldName(K.INV);
        g.writeBoolean(true);
      }
      g.writeEndObject();
    } else if (s instanceof Fwd f) {
      g.writeFieldName(K.FWD);
      g.writeStartObject();
      g.writeFieldName(K.DEV);
      ExpressionCodec.write(g, f.device());
      optString(g, K.FAMILY, f.family());
      optExpression(g, K.ADDR, f.address());
      g.writeEndObject();
    } else if (s instanceof Dup d) {
      g.writeFieldName(K.DUP);
      if (d.address() == null && d.device() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optExpression(g, K.ADDR, d.address());
        optExpression(g, K.DEV, d.device());
        g.writeEndObject();
      }
    } else if (s instanceof Notrack) {
      g.writeFieldName(K.NOTRACK);
      g.writeNull();
    } else if (s instanceof Tproxy t) {
      g.writeFieldName(K.TPROXY);
      g.writeStartObject();
      optString(g, K.FAMILY, t.family());
      optExpression(g, K.ADDR, t.address());
      optExpression(g, K.PORT, t.port());
      g.writeEndObject();
    } else if (s instanceof Synproxy sp) {
      g.writeFieldName(K.SYNPROXY);
      if (sp.mss() == null && sp.wscale() == null && sp.flags().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optInt(g, K.MSS, sp.mss());
        optInt(g, K.WSCALE, sp.wscale());
        if (!sp.flags().isEmpty()) {
          g.writeFieldName(K.FLAGS);
          ExpressionCodec.writeStringArray(g, sp.flags());
        }
        g.writeEndObject();
      }
    } else if (s instanceof OptionReset r) {
      g.writeFieldName(K.RESET);
      ExpressionCodec.write(g, r.option());
    } else if (s instanceof FlowOffload f) {
      g.writeFieldName(K.FLOW);
      g.writeStartObject();
      g.writeFieldName(K.OP);
      g.writeString(f.op());
      g.writeFieldName(K.FLOWTABLE);
      g.writeString("@" + f.flowtable());
      g.writeEndObject();
    } else if (s instanceof Xt x) {
      g.writeFieldName(K.XT);
      if (x.type() == null && x.name() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        optString(g, K.TYPE, x.type());
        optString(g, K.NAME, x.name());
        g.writeEndObject();
      }
    } else if (s instanceof RawStatement raw) {
      g.writeFieldName(raw.key());
      g.writeTree(raw.value());
    } else if (s instanceof TextStatement) {
      throw new IllegalStateException("a text statement cannot be a property of an object: " + s);
    } else {
      throw new IllegalStateException("unhandled statement " + s);
    }
  }

  // ================================================================== reading

  /** The statements of the array at the current token. */
  static List<Statement> list(JsonIn in) {
    in.expectArray();
    List<Statement> out = new ArrayList<>(4);
    while (in.next() != JsonToken.END_ARRAY) {
      out.add(read(in));
    }
    return out;
  }

  /**
   * The statement at the current token: a single-key object, or nft's text for statements it cannot
   * print as JSON.
   */
  static Statement read(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_STRING) {
      return new TextStatement(in.text());
    }
    if (t != JsonToken.START_OBJECT) {
      throw in.fail("expected a statement (an object with one key), got " + t);
    }
    String key = in.nextField();
    if (key == null) {
      throw in.fail("expected a statement (an object with one key), got {}");
    }
    in.next();
    Statement s = readValue(in, key);
    String extra = in.nextField();
    if (extra != null) {
      throw in.fail("a statement has exactly one key; \"" + key + "\" is followed by \"" + extra + "\"");
    }
    return s;
  }

  /**
   * The statement with key {@code key} whose value is at the current token; raw if the model lacks
   * it.
   */
  static Statement readValue(JsonIn in, String key) {
    long start = in.start();
    int endDepth = in.endDepth();
    try {
      return readTyped(in, key);
    } catch (JsonIn.Mismatch | IllegalArgumentException e) {
      return new RawStatement(key, in.raw(start, endDepth));
    }
  }

  private static Statement readTyped(JsonIn in, String key) {
    switch (key) {
      case "match":
        return match(in);
      case "accept":
      case "drop":
      case "continue":
      case "return":
      case "jump":
      case "goto":
        return verdict(in, key);
      case "counter":
        return counter(in);
      case "mangle": {
        Expression[] kv = keyValue(in, "key", "value");
        return new Mangle(kv[0], kv[1]);
      }
      case "vmap": {
        Expression[] kv = keyValue(in, "key", "data");
        return new VerdictMap(kv[0], kv[1]);
      }
      case "snat":
      case "dnat":
      case "masquerade":
      case "redirect":
        return nat(in, Nat.Type.fromJson(key));
      case "log":
        return log(in);
      case "reject":
        return reject(in);
      case "quota":
        return quota(in);
      case "limit":
        return limit(in);
      case "set":
        return setUpdate(in);
      case "map":
        return mapUpdate(in);
      case "meter":
        return meter(in);
      case "queue":
        return queue(in);
      case "ct count":
        return ctCount(in);
      case "fwd":
        return fwd(in);
      case "dup":
        return dup(in);
      case "notrack":
        in.expectNull();
        return Notrack.INSTANCE;
      case "tproxy":
        return tproxy(in);
      case "synproxy":
        return synproxy(in);
      case "reset":
        return new OptionReset(ExpressionCodec.read(in));
      case "flow":
        return flow(in);
      case "xt":
        return xt(in);
      case "ct helper":
      case "ct timeout":
      case "ct expectation":
      case "secmark":
        return new ObjectRef(ObjectRef.Type.fromJson(key), ExpressionCodec.read(in));
      default:
        throw JsonIn.mismatch();
    }
  }

  private static Match match(JsonIn in) {
    in.expectObject();
    String op = null;
    Expression left = null;
    Expression right = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "op":
          op = in.string();
          break;
        case "left":
          left = ExpressionCodec.read(in);
          break;
        case "right":
          right = ExpressionCodec.read(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (op == null) {
      throw in.missing("op");
    }
    if (left == null) {
      throw in.missing("left");
    }
    if (right == null) {
      throw in.missing("right");
    }
    Operator o = operator(op);
    if (o == null) {
      throw JsonIn.mismatch();
    }
    return new Match(o, left, right);
  }

  private static @Nullable Operator operator(String op) {
    switch (op) {
      case "==":
        return Operator.EQ;
      case "!=":
        return Operator.NE;
      case "in":
        return Operator.IN;
      case "<":
        return Operator.LT;
      case ">":
        return Operator.GT;
      case "<=":
        return Operator.LE;
      case ">=":
        return Operator.GE;
      case "!":
        return Operator.NOT;
      default:
        return null;
    }
  }

  /** A verdict's value (current token) for the verdict {@code key}. */
  static Verdict verdict(JsonIn in, String key) {
    switch (key) {
      case "accept":
        in.expectNull();
        return Verdict.ACCEPT;
      case "drop":
        in.expectNull();
        return Verdict.DROP;
      case "continue":
        in.expectNull();
        return Verdict.CONTINUE;
      case "return":
        in.expectNull();
        return Verdict.RETURN;
      default: {
        in.expectObject();
        String target = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("target")) {
            target = in.string();
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (target == null) {
          throw in.missing("target");
        }
        return key.equals("jump") ? Verdict.jump(target) : Verdict.goTo(target);
      }
    }
  }

  private static Statement counter(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_NULL) {
      return Counter.NEW;
    }
    if (t == JsonToken.VALUE_STRING) {
      return new ObjectRef(ObjectRef.Type.COUNTER, new StringLiteral(in.text()));
    }
    Statement ref = objectRefOrNull(in, ObjectRef.Type.COUNTER, "packets", "bytes");
    if (ref != null) {
      return ref;
    }
    Long packets = null;
    Long bytes = null;
    for (String f = in.name(); f != null; f = in.nextField()) {
      in.next();
      if (f.equals("packets")) {
        packets = in.integer();
      } else if (f.equals("bytes")) {
        bytes = in.integer();
      } else {
        throw JsonIn.mismatch();
      }
    }
    return new Counter(packets, bytes);
  }

  /**
   * For statements that are either an object of their own properties or a reference to a named
   * object ({@code {"counter":"c"}}, {@code {"counter":{"map":…}}}): with the current token at
   * the value's {@code START_OBJECT}, moves to its first property; when that property is not one
   * of {@code own} the value is an expression choosing the object, read here. Returns null with
   * the parser on the first property's name when the object holds the statement's own
   * properties.
   */
  private static @Nullable Statement objectRefOrNull(JsonIn in, ObjectRef.Type type, String... own) {
    in.expectObject();
    long start = in.start();
    int endDepth = in.depth() - 1;
    String first = in.nextField();
    if (first == null) {
      throw JsonIn.mismatch(); // {}
    }
    for (String o : own) {
      if (o.equals(first)) {
        return null;
      }
    }
    Expression e;
    try {
      in.next();
      e = ExpressionCodec.readKeyed(in, first);
      if (in.nextField() != null) {
        throw JsonIn.mismatch();
      }
    } catch (JsonIn.Mismatch | IllegalArgumentException x) {
      e = new io.jnftables.model.expr.RawExpression(in.raw(start, endDepth));
    }
    return new ObjectRef(type, e);
  }

  private static Expression[] keyValue(JsonIn in, String a, String b) {
    in.expectObject();
    Expression x = null;
    Expression y = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals(a)) {
        x = ExpressionCodec.read(in);
      } else if (f.equals(b)) {
        y = ExpressionCodec.read(in);
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (x == null) {
      throw in.missing(a);
    }
    if (y == null) {
      throw in.missing(b);
    }
    return new Expression[] {x, y};
  }

  private static Nat nat(JsonIn in, Nat.Type type) {
    if (in.isNull()) {
      return new Nat(type, null, null, null, List.of(), List.of());
    }
    in.expectObject();
    String family = null;
    Expression addr = null;
    Expression port = null;
    List<String> flags = List.of();
    List<String> typeFlags = List.of();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "family":
          family = in.string();
          break;
        case "addr":
          addr = ExpressionCodec.read(in);
          break;
        case "port":
          port = ExpressionCodec.read(in);
          break;
        case "flags":
          flags = in.strings();
          break;
        case "type_flags":
          typeFlags = in.strings();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (family == null && addr == null && port == null && flags.isEmpty() && typeFlags.isEmpty()) {
      throw JsonIn.mismatch(); // {} would come back as null
    }
    return new Nat(type, family, addr, port, flags, typeFlags);
  }

  private static Log log(JsonIn in) {
    if (in.isNull()) {
      return new Log(null);
    }
    in.expectObject();
    String prefix = null;
    Integer group = null;
    Integer snaplen = null;
    Integer threshold = null;
    String level = null;
    List<String> flags = List.of();
    boolean any = false;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      any = true;
      switch (f) {
        case "prefix":
          prefix = in.string();
          break;
        case "group":
          group = in.int32();
          break;
        case "snaplen":
          snaplen = in.int32();
          break;
        case "queue-threshold":
          threshold = in.int32();
          break;
        case "level":
          level = in.string();
          break;
        case "flags":
          flags = in.strings();
          if (flags.isEmpty()) {
            throw JsonIn.mismatch();
          }
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (!any) {
      throw JsonIn.mismatch();
    }
    return new Log(prefix, group, snaplen, threshold, level, flags);
  }

  private static Reject reject(JsonIn in) {
    if (in.isNull()) {
      return Reject.DEFAULT;
    }
    in.expectObject();
    String type = null;
    String expr = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("type")) {
        type = in.string();
      } else if (f.equals("expr") && in.token() == JsonToken.VALUE_STRING) {
        expr = in.text();
      } else {
        throw JsonIn.mismatch(); // includes an ICMP code given as a number: the model keeps it as text only
      }
    }
    if (type == null && expr == null) {
      throw JsonIn.mismatch();
    }
    return new Reject(type, expr);
  }

  private static Statement quota(JsonIn in) {
    if (in.token() == JsonToken.VALUE_STRING) {
      return new ObjectRef(ObjectRef.Type.QUOTA, new StringLiteral(in.text()));
    }
    Statement ref = objectRefOrNull(in, ObjectRef.Type.QUOTA, "val", "val_unit", "used", "used_unit", "inv");
    if (ref != null) {
      return ref;
    }
    Long val = null;
    String valUnit = null;
    Long used = null;
    String usedUnit = null;
    boolean inv = false;
    for (String f = in.name(); f != null; f = in.nextField()) {
      in.next();
      switch (f) {
        case "val":
          val = in.integer();
          break;
        case "val_unit":
          valUnit = in.string();
          break;
        case "used":
          used = in.integer();
          break;
        case "used_unit":
          usedUnit = in.string();
          break;
        case "inv":
          inv = in.bool();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (val == null) {
      throw in.missing("val");
    }
    return new Quota(val, valUnit, used, usedUnit, inv);
  }

  private static Statement limit(JsonIn in) {
    if (in.token() == JsonToken.VALUE_STRING) {
      return new ObjectRef(ObjectRef.Type.LIMIT, new StringLiteral(in.text()));
    }
    Statement ref = objectRefOrNull(
        in, ObjectRef.Type.LIMIT, "rate", "rate_unit", "per", "burst", "burst_unit", "inv");
    if (ref != null) {
      return ref;
    }
    Long rate = null;
    String rateUnit = null;
    String per = null;
    Long burst = null;
    String burstUnit = null;
    boolean inv = false;
    for (String f = in.name(); f != null; f = in.nextField()) {
      in.next();
      switch (f) {
        case "rate":
          rate = in.integer();
          break;
        case "rate_unit":
          rateUnit = in.string();
          break;
        case "per":
          per = in.string();
          break;
        case "burst":
          burst = in.integer();
          break;
        case "burst_unit":
          burstUnit = in.string();
          break;
        case "inv":
          inv = in.bool();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (rate == null) {
      throw in.missing("rate");
    }
    return new Limit(rate, rateUnit, per, burst, burstUnit, inv);
  }

  private static SetUpdate setUpdate(JsonIn in) {
    in.expectObject();
    String op = null;
    Expression elem = null;
    String set = null;
    List<Statement> stmts = List.of();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "op":
          op = in.string();
          break;
        case "elem":
          elem = ExpressionCodec.read(in);
          break;
        case "set":
          set = in.string();
          break;
        case "stmt":
          stmts = list(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (op == null) {
      throw in.missing("op");
    }
    if (elem == null) {
      throw in.missing("elem");
    }
    if (set == null) {
      throw in.missing("set");
    }
    if (set.length() < 2 || set.charAt(0) != '@') {
      throw JsonIn.mismatch();
    }
    return new SetUpdate(op, elem, set.substring(1), stmts);
  }

  private static MapUpdate mapUpdate(JsonIn in) {
    in.expectObject();
    String op = null;
    Expression elem = null;
    Expression data = null;
    String map = null;
    List<Statement> stmts = List.of();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "op":
          op = in.string();
          break;
        case "elem":
          elem = ExpressionCodec.read(in);
          break;
        case "data":
          data = ExpressionCodec.read(in);
          break;
        case "map":
          map = in.string();
          break;
        case "stmt":
          stmts = list(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (op == null) {
      throw in.missing("op");
    }
    if (elem == null) {
      throw in.missing("elem");
    }
    if (data == null) {
      throw in.missing("data");
    }
    if (map == null) {
      throw in.missing("map");
    }
    if (map.length() < 2 || map.charAt(0) != '@') {
      throw JsonIn.mismatch();
    }
    return new MapUpdate(op, elem, data, map.substring(1), stmts);
  }

  private static Meter meter(JsonIn in) {
    in.expectObject();
    String name = null;
    Expression key = null;
    Statement stmt = null;
    Long size = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "name":
          name = in.string();
          break;
        case "key":
          key = ExpressionCodec.read(in);
          break;
        case "stmt":
          stmt = read(in);
          break;
        case "size":
          size = in.integer();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (key == null) {
      throw in.missing("key");
    }
    if (stmt == null) {
      throw in.missing("stmt");
    }
    return new Meter(name, key, stmt, size);
  }

  private static Queue queue(JsonIn in) {
    if (in.isNull()) {
      return new Queue(null, List.of());
    }
    in.expectObject();
    Expression num = null;
    List<String> flags = List.of();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("num")) {
        num = ExpressionCodec.read(in);
      } else if (f.equals("flags")) {
        flags = in.strings();
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (num == null && flags.isEmpty()) {
      throw JsonIn.mismatch();
    }
    return new Queue(num, flags);
  }

  private static CtCount ctCount(JsonIn in) {
    in.expectObject();
    Long val = null;
    boolean inv = false;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("val")) {
        val = in.integer();
      } else if (f.equals("inv")) {
        inv = in.bool();
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (val == null) {
      throw in.missing("val");
    }
    return new CtCount(val, inv);
  }

  private static Fwd fwd(JsonIn in) {
    in.expectObject();
    Expression dev = null;
    String family = null;
    Expression addr = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "dev":
          dev = ExpressionCodec.read(in);
          break;
        case "family":
          family = in.string();
          break;
        case "addr":
          addr = ExpressionCodec.read(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (dev == null) {
      throw in.missing("dev");
    }
    return new Fwd(dev, family, addr);
  }

  private static Dup dup(JsonIn in) {
    if (in.isNull()) {
      return new Dup(null, null);
    }
    in.expectObject();
    Expression addr = null;
    Expression dev = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("addr")) {
        addr = ExpressionCodec.read(in);
      } else if (f.equals("dev")) {
        dev = ExpressionCodec.read(in);
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (addr == null && dev == null) {
      throw JsonIn.mismatch();
    }
    return new Dup(addr, dev);
  }

  private static Tproxy tproxy(JsonIn in) {
    in.expectObject();
    String family = null;
    Expression addr = null;
    Expression port = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "family":
          family = in.string();
          break;
        case "addr":
          addr = ExpressionCodec.read(in);
          break;
        case "port":
          port = ExpressionCodec.read(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    return new Tproxy(family, addr, port);
  }

  private static Statement synproxy(JsonIn in) {
    if (in.isNull()) {
      return new Synproxy(null, null, List.of());
    }
    if (in.token() == JsonToken.VALUE_STRING) {
      return new ObjectRef(ObjectRef.Type.SYNPROXY, new StringLiteral(in.text()));
    }
    Statement ref = objectRefOrNull(in, ObjectRef.Type.SYNPROXY, "mss", "wscale", "flags");
    if (ref != null) {
      return ref;
    }
    Integer mss = null;
    Integer wscale = null;
    List<String> flags = List.of();
    for (String f = in.name(); f != null; f = in.nextField()) {
      in.next();
      switch (f) {
        case "mss":
          mss = in.int32();
          break;
        case "wscale":
          wscale = in.int32();
          break;
        case "flags":
          flags = in.strings();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    return new Synproxy(mss, wscale, flags);
  }

  private static FlowOffload flow(JsonIn in) {
    in.expectObject();
    String op = null;
    String flowtable = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("op")) {
        op = in.string();
      } else if (f.equals("flowtable")) {
        flowtable = in.string();
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (op == null) {
      throw in.missing("op");
    }
    if (flowtable == null) {
      throw in.missing("flowtable");
    }
    if (flowtable.length() < 2 || flowtable.charAt(0) != '@') {
      throw JsonIn.mismatch();
    }
    return new FlowOffload(op, flowtable.substring(1));
  }

  private static Xt xt(JsonIn in) {
    if (in.isNull()) {
      return new Xt(null, null);
    }
    in.expectObject();
    String type = null;
    String name = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("type")) {
        type = in.string();
      } else if (f.equals("name")) {
        name = in.string();
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (type == null && name == null) {
      throw JsonIn.mismatch();
    }
    return new Xt(type, name);
  }
}
