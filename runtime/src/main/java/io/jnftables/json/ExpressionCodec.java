package io.jnftables.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
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
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Expressions ↔ JSON. Any JSON value is an expression; what the model lacks is a {@link
 * RawExpression}.
 */
final class ExpressionCodec {
  private ExpressionCodec() {}

  private static final SerializedString[] BINOPS = new SerializedString[BinaryOperator.values().length];

  static {
    for (BinaryOperator o : BinaryOperator.values()) {
      BINOPS[o.ordinal()] = K.of(o.json());
    }
  }

  // ================================================================== writing

  /**
   * Selectors (payload fields, meta and ct keys) recur in almost every rule: each one is encoded
   * once, by {@link #writeTyped}, and then copied as bytes. Bounded, so that a stream of distinct
   * selectors cannot grow it without limit.
   */
  private static final int MAX_CACHED_SELECTORS = 4096;

  private static final ConcurrentHashMap<Expression, SerializedString> SELECTORS = new ConcurrentHashMap<>();

  static void write(JsonGenerator g, Expression e) throws IOException {
    if (e instanceof StringLiteral s) {
      g.writeString(s.value());
    } else if (e instanceof NumberLiteral n) {
      g.writeNumber(n.value());
    } else if (isSelector(e)) {
      g.writeRawValue(selector(e));
    } else {
      writeTyped(g, e);
    }
  }

  /** Payload fields, meta and ct keys: the expressions {@link #selector} caches. */
  static boolean isSelector(Expression e) {
    return e instanceof PayloadExpr || e instanceof MetaExpr || e instanceof CtExpr;
  }

  /** The JSON of a selector ({@link #isSelector}), encoded once by the general writer. */
  static SerializedString selector(Expression e) {
    SerializedString bytes = SELECTORS.get(e);
    if (bytes == null) {
      bytes = preEncode(e);
      if (SELECTORS.size() < MAX_CACHED_SELECTORS) {
        SELECTORS.putIfAbsent(e, bytes);
      }
    }
    return bytes;
  }

  private static SerializedString preEncode(Expression e) {
    // Through the UTF-8 writer the documents use, which escapes a lone surrogate; a char writer
    // would keep it, and the raw write of the result then fails to encode it.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64);
    try (JsonGenerator g = JsonIn.MAPPER.getFactory().createGenerator(out)) {
      writeTyped(g, e);
    } catch (IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
    return new SerializedString(out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The general writer: every expression type, token by token. */
  private static void writeTyped(JsonGenerator g, Expression e) throws IOException {
    if (e instanceof StringLiteral s) {
      g.writeString(s.value());
    } else if (e instanceof NumberLiteral n) {
      g.writeNumber(n.value());
    } else if (e instanceof PayloadExpr p) {
      g.writeStartObject();
      g.writeFieldName(K.PAYLOAD);
      g.writeStartObject();
      g.writeFieldName(K.PROTOCOL);
      g.writeString(p.protocol());
      g.writeFieldName(K.FIELD);
      g.writeString(p.field());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof SetExpr s) {
      g.writeStartObject();
      g.writeFieldName(K.SET);
      writeArray(g, s.elements());
      g.writeEndObject();
    } else if (e instanceof SetReference r) {
      g.writeString("@" + r.name());
    } else if (e instanceof MetaExpr m) {
      g.writeStartObject();
      g.writeFieldName(K.META);
      g.writeStartObject();
      g.writeFieldName(K.KEY);
      g.writeString(m.key());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof CtExpr c) {
      g.writeStartObject();
      g.writeFieldName(K.CT);
      g.writeStartObject();
      g.writeFieldName(K.KEY);
      g.writeString(c.key());
      optString(g, K.FAMILY, c.family());
      optString(g, K.DIR, c.dir());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof ListExpr l) {
      writeArray(g, l.elements());
    } else if (e instanceof MappingExpr m) {
      g.writeStartArray();
      write(g, m.key());
      write(g, m.value());
      g.writeEndArray();
    } else if (e instanceof RangeExpr r) {
      g.writeStartObject();
      g.writeFieldName(K.RANGE);
      g.writeStartArray();
      write(g, r.low());
      write(g, r.high());
      g.writeEndArray();
      g.writeEndObject();
    } else if (e instanceof PrefixExpr p) {
      g.writeStartObject();
      g.writeFieldName(K.PREFIX);
      g.writeStartObject();
      g.writeFieldName(K.ADDR);
      write(g, p.address());
      g.writeFieldName(K.LEN);
      g.writeNumber(p.length());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof ConcatExpr c) {
      g.writeStartObject();
      g.writeFieldName(K.CONCAT);
      writeArray(g, c.elements());
      g.writeEndObject();
    } else if (e instanceof MapExpr m) {
      g.writeStartObject();
      g.writeFieldName(K.MAP);
      g.writeStartObject();
      g.writeFieldName(K.KEY);
      write(g, m.key());
      g.writeFieldName(K.DATA);
      write(g, m.data());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof BooleanLiteral b) {
      g.writeBoolean(b.value());
    } else if (e instanceof VerdictExpr v) {
      StatementCodec.write(g, v.verdict());
    } else if (e instanceof BinaryExpr b) {
      g.writeStartObject();
      g.writeFieldName(BINOPS[b.op().ordinal()]);
      g.writeStartArray();
      write(g, b.left());
      write(g, b.right());
      g.writeEndArray();
      g.writeEndObject();
    } else if (e instanceof ElemExpr el) {
      g.writeStartObject();
      g.writeFieldName(K.ELEM);
      g.writeStartObject();
      g.writeFieldName(K.VAL);
      write(g, el.value());
      optLong(g, K.TIMEOUT, el.timeout());
      optLong(g, K.EXPIRES, el.expires());
      optString(g, K.COMMENT, el.comment());
      for (Statement s : el.statements()) {
        StatementCodec.writeField(g, s);
      }
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof PayloadOffsetExpr p) {
      startKeyed(g, K.PAYLOAD);
      g.writeFieldName(K.BASE);
      g.writeString(p.base());
      g.writeFieldName(K.OFFSET);
      g.writeNumber(p.offset());
      g.writeFieldName(K.LEN);
      g.writeNumber(p.length());
      endKeyed(g);
    } else if (e instanceof ExthdrExpr x) {
      startKeyed(g, K.EXTHDR);
      g.writeFieldName(K.NAME);
      g.writeString(x.name());
      optString(g, K.FIELD, x.field());
      optInt(g, K.OFFSET, x.offset());
      endKeyed(g);
    } else if (e instanceof TcpOptionExpr t) {
      nameField(g, K.TCP_OPTION, t.name(), t.field());
    } else if (e instanceof TcpOptionOffsetExpr t) {
      startKeyed(g, K.TCP_OPTION);
      g.writeFieldName(K.BASE);
      g.writeNumber(t.base());
      g.writeFieldName(K.OFFSET);
      g.writeNumber(t.offset());
      g.writeFieldName(K.LEN);
      g.writeNumber(t.length());
      endKeyed(g);
    } else if (e instanceof IpOptionExpr o) {
      nameField(g, K.IP_OPTION, o.name(), o.field());
    } else if (e instanceof SctpChunkExpr c) {
      nameField(g, K.SCTP_CHUNK, c.name(), c.field());
    } else if (e instanceof RtExpr r) {
      startKeyed(g, K.RT);
      g.writeFieldName(K.KEY);
      g.writeString(r.key());
      optString(g, K.FAMILY, r.family());
      endKeyed(g);
    } else if (e instanceof NumgenExpr n) {
      startKeyed(g, K.NUMGEN);
      g.writeFieldName(K.MODE);
      g.writeString(n.mode());
      g.writeFieldName(K.MOD);
      g.writeNumber(n.mod());
      optLong(g, K.OFFSET, n.offset());
      endKeyed(g);
    } else if (e instanceof JhashExpr j) {
      startKeyed(g, K.JHASH);
      g.writeFieldName(K.MOD);
      g.writeNumber(j.mod());
      optLong(g, K.SEED, j.seed());
      optLong(g, K.OFFSET, j.offset());
      g.writeFieldName(K.EXPR);
      write(g, j.expr());
      endKeyed(g);
    } else if (e instanceof SymhashExpr s) {
      startKeyed(g, K.SYMHASH);
      g.writeFieldName(K.MOD);
      g.writeNumber(s.mod());
      optLong(g, K.OFFSET, s.offset());
      endKeyed(g);
    } else if (e instanceof FibExpr f) {
      startKeyed(g, K.FIB);
      g.writeFieldName(K.RESULT);
      g.writeString(f.result());
      if (!f.flags().isEmpty()) {
        g.writeFieldName(K.FLAGS);
        writeStringArray(g, f.flags());
      }
      endKeyed(g);
    } else if (e instanceof SocketExpr s) {
      startKeyed(g, K.SOCKET);
      g.writeFieldName(K.KEY);
      g.writeString(s.key());
      endKeyed(g);
    } else if (e instanceof OsfExpr o) {
      startKeyed(g, K.OSF);
      g.writeFieldName(K.KEY);
      g.writeString(o.key());
      optString(g, K.TTL, o.ttl());
      endKeyed(g);
    } else if (e instanceof XfrmExpr x) {
      startKeyed(g, K.IPSEC);
      g.writeFieldName(K.KEY);
      g.writeString(x.key());
      optString(g, K.FAMILY, x.family());
      optString(g, K.DIR, x.dir());
      optInt(g, K.SPNUM, x.spnum());
      endKeyed(g);
    } else if (e instanceof RawExpression raw) {
      g.writeTree(raw.json());
    } else {
      throw new IllegalStateException("unhandled expression " + e);
    }
  }

  private static void startKeyed(JsonGenerator g, SerializedString key) throws IOException {
    g.writeStartObject();
    g.writeFieldName(key);
    g.writeStartObject();
  }

  private static void endKeyed(JsonGenerator g) throws IOException {
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void nameField(JsonGenerator g, SerializedString key, String name, @Nullable String field)
      throws IOException {
    startKeyed(g, key);
    g.writeFieldName(K.NAME);
    g.writeString(name);
    optString(g, K.FIELD, field);
    endKeyed(g);
  }

  static void writeArray(JsonGenerator g, List<Expression> elements) throws IOException {
    g.writeStartArray();
    for (int i = 0, n = elements.size(); i < n; i++) {
      write(g, elements.get(i));
    }
    g.writeEndArray();
  }

  static void writeStringArray(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  /** nft's spelling of flag lists: one flag as a string, several as an array. */
  static void writeStringOrArray(JsonGenerator g, List<String> values) throws IOException {
    if (values.size() == 1) {
      g.writeString(values.get(0));
    } else {
      writeStringArray(g, values);
    }
  }

  static void optString(JsonGenerator g, SerializedString key, @Nullable String value) throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      g.writeString(value);
    }
  }

  static void optLong(JsonGenerator g, SerializedString key, @Nullable Long value) throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      g.writeNumber(value.longValue());
    }
  }

  static void optInt(JsonGenerator g, SerializedString key, @Nullable Integer value) throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      g.writeNumber(value.intValue());
    }
  }

  static void optExpression(JsonGenerator g, SerializedString key, @Nullable Expression value)
      throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      write(g, value);
    }
  }

  // ================================================================== reading

  /** Reads the expression starting at the current token. */
  static Expression read(JsonIn in) {
    return read(in, false);
  }

  /**
   * Reads an expression; inside a set (or a set's element list) a two-element array is a
   * {@code key : value} mapping, as nft's parser takes it.
   */
  static Expression read(JsonIn in, boolean inSet) {
    JsonToken t = in.token();
    switch (t) {
      case VALUE_STRING: {
        String s = in.text();
        return s.length() > 1 && s.charAt(0) == '@' ? new SetReference(s.substring(1)) : new StringLiteral(s);
      }
      case VALUE_NUMBER_INT:
        if (in.fitsLong()) {
          return new NumberLiteral(in.longValue());
        }
        return new RawExpression(in.raw(in.start(), in.endDepth()));
      case VALUE_TRUE:
        return BooleanLiteral.TRUE;
      case VALUE_FALSE:
        return BooleanLiteral.FALSE;
      case START_ARRAY:
      case START_OBJECT: {
        long start = in.start();
        int endDepth = in.depth() - 1;
        try {
          return t == JsonToken.START_ARRAY ? readArray(in, inSet) : readObject(in);
        } catch (JsonIn.Mismatch | IllegalArgumentException e) {
          return new RawExpression(in.raw(start, endDepth));
        }
      }
      default:
        return new RawExpression(in.raw(in.start(), in.endDepth()));
    }
  }

  private static Expression readArray(JsonIn in, boolean inSet) {
    List<Expression> elements = list(in, false);
    if (inSet && elements.size() == 2) {
      return new MappingExpr(elements.get(0), elements.get(1));
    }
    return new ListExpr(elements);
  }

  /** The elements of the array at the current token. */
  static List<Expression> list(JsonIn in, boolean inSet) {
    in.expectArray();
    List<Expression> out = new ArrayList<>();
    while (in.next() != JsonToken.END_ARRAY) {
      out.add(read(in, inSet));
    }
    return out;
  }

  /** An expression in object form: {@code {"key": value}} with exactly one key. */
  private static Expression readObject(JsonIn in) {
    String key = in.nextField();
    if (key == null) {
      throw JsonIn.mismatch(); // {}
    }
    in.next();
    Expression e = readKeyed(in, key);
    if (in.nextField() != null) {
      throw JsonIn.mismatch();
    }
    return e;
  }

  /** The value of an expression object whose key is {@code key}; current token: the value. */
  static Expression readKeyed(JsonIn in, String key) {
    switch (key) {
      case "payload":
        return payload(in);
      case "set": {
        if (in.token() == JsonToken.START_ARRAY) {
          return new SetExpr(list(in, true));
        }
        return new SetExpr(List.of(read(in, true)));
      }
      case "meta": {
        in.expectObject();
        String k = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("key")) {
            k = in.string();
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        return new MetaExpr(k);
      }
      case "ct": {
        in.expectObject();
        String k = null;
        String family = null;
        String dir = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          switch (f) {
            case "key":
              k = in.string();
              break;
            case "family":
              family = in.string();
              break;
            case "dir":
              dir = in.string();
              break;
            default:
              throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        return new CtExpr(k, family, dir);
      }
      case "range": {
        List<Expression> ends = list(in, false);
        if (ends.size() != 2) {
          throw JsonIn.mismatch();
        }
        return new RangeExpr(ends.get(0), ends.get(1));
      }
      case "prefix": {
        in.expectObject();
        Expression addr = null;
        Integer len = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("addr")) {
            addr = read(in);
          } else if (f.equals("len")) {
            len = in.int32();
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (addr == null) {
          throw in.missing("addr");
        }
        if (len == null) {
          throw in.missing("len");
        }
        return new PrefixExpr(addr, len);
      }
      case "concat":
        return new ConcatExpr(list(in, false));
      case "map": {
        in.expectObject();
        Expression k = null;
        Expression data = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("key")) {
            k = read(in);
          } else if (f.equals("data")) {
            data = read(in);
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        if (data == null) {
          throw in.missing("data");
        }
        return new MapExpr(k, data);
      }
      case "elem":
        return elem(in);
      case "accept":
      case "drop":
      case "continue":
      case "return":
      case "jump":
      case "goto":
        return new VerdictExpr(StatementCodec.verdict(in, key));
      case "&":
      case "|":
      case "^":
      case "<<":
      case ">>": {
        List<Expression> operands = list(in, false);
        if (operands.size() != 2) {
          throw JsonIn.mismatch();
        }
        return new BinaryExpr(BinaryOperator.fromJson(key), operands.get(0), operands.get(1));
      }
      case "exthdr": {
        in.expectObject();
        String name = null;
        String field = null;
        Integer offset = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          switch (f) {
            case "name":
              name = in.string();
              break;
            case "field":
              field = in.string();
              break;
            case "offset":
              offset = in.int32();
              break;
            default:
              throw JsonIn.mismatch();
          }
        }
        if (name == null) {
          throw in.missing("name");
        }
        return new ExthdrExpr(name, field, offset);
      }
      case "tcp option":
        return tcpOption(in);
      case "ip option": {
        String[] nf = nameField(in);
        return new IpOptionExpr(nf[0], nf[1]);
      }
      case "sctp chunk": {
        String[] nf = nameField(in);
        return new SctpChunkExpr(nf[0], nf[1]);
      }
      case "rt": {
        in.expectObject();
        String k = null;
        String family = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("key")) {
            k = in.string();
          } else if (f.equals("family")) {
            family = in.string();
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        return new RtExpr(k, family);
      }
      case "numgen": {
        in.expectObject();
        String mode = null;
        Long mod = null;
        Long offset = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          switch (f) {
            case "mode":
              mode = in.string();
              break;
            case "mod":
              mod = in.integer();
              break;
            case "offset":
              offset = in.integer();
              break;
            default:
              throw JsonIn.mismatch();
          }
        }
        if (mode == null) {
          throw in.missing("mode");
        }
        if (mod == null) {
          throw in.missing("mod");
        }
        return new NumgenExpr(mode, mod, offset);
      }
      case "jhash":
      case "symhash":
        return hash(in, key.equals("jhash"));
      case "fib": {
        in.expectObject();
        String result = null;
        List<String> flags = List.of();
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("result")) {
            result = in.string();
          } else if (f.equals("flags")) {
            flags = flagNames(in);
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (result == null) {
          throw in.missing("result");
        }
        return new FibExpr(result, flags);
      }
      case "socket": {
        in.expectObject();
        String k = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("key")) {
            k = in.string();
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        return new SocketExpr(k);
      }
      case "osf": {
        in.expectObject();
        String k = null;
        String ttl = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          if (f.equals("key")) {
            k = in.string();
          } else if (f.equals("ttl")) {
            ttl = in.string();
          } else {
            throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        return new OsfExpr(k, ttl);
      }
      case "ipsec": {
        in.expectObject();
        String k = null;
        String family = null;
        String dir = null;
        Integer spnum = null;
        for (String f; (f = in.nextField()) != null; ) {
          in.next();
          switch (f) {
            case "key":
              k = in.string();
              break;
            case "family":
              family = in.string();
              break;
            case "dir":
              dir = in.string();
              break;
            case "spnum":
              spnum = in.int32();
              break;
            default:
              throw JsonIn.mismatch();
          }
        }
        if (k == null) {
          throw in.missing("key");
        }
        return new XfrmExpr(k, family, dir, spnum);
      }
      default:
        throw JsonIn.mismatch();
    }
  }

  /**
   * Flag names as nft lists them: an array of strings (fib may add a number for bits it has no
   * name for, which the model cannot say).
   */
  private static List<String> flagNames(JsonIn in) {
    if (in.token() == JsonToken.START_ARRAY) {
      List<String> out = new ArrayList<>(4);
      while (in.next() != JsonToken.END_ARRAY) {
        if (in.token() != JsonToken.VALUE_STRING) {
          throw JsonIn.mismatch();
        }
        out.add(in.text());
      }
      return out;
    }
    return in.strings();
  }

  private static Expression payload(JsonIn in) {
    in.expectObject();
    String protocol = null;
    String field = null;
    String base = null;
    Integer offset = null;
    Integer len = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "protocol":
          protocol = in.string();
          break;
        case "field":
          field = in.string();
          break;
        case "base":
          base = in.string();
          break;
        case "offset":
          offset = in.int32();
          break;
        case "len":
          len = in.int32();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (base == null && offset == null && len == null) {
      if (protocol == null) {
        throw in.missing("protocol");
      }
      if (field == null) {
        throw in.missing("field");
      }
      return new PayloadExpr(protocol, field);
    }
    if (protocol != null || field != null) {
      throw JsonIn.mismatch();
    }
    if (base == null) {
      throw in.missing("base");
    }
    if (offset == null) {
      throw in.missing("offset");
    }
    if (len == null) {
      throw in.missing("len");
    }
    return new PayloadOffsetExpr(base, offset, len);
  }

  private static Expression tcpOption(JsonIn in) {
    in.expectObject();
    String name = null;
    String field = null;
    Integer base = null;
    Integer offset = null;
    Integer len = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "name":
          name = in.string();
          break;
        case "field":
          field = in.string();
          break;
        case "base":
          base = in.int32();
          break;
        case "offset":
          offset = in.int32();
          break;
        case "len":
          len = in.int32();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (base == null && offset == null && len == null) {
      if (name == null) {
        throw in.missing("name");
      }
      return new TcpOptionExpr(name, field);
    }
    if (name != null || field != null || base == null || offset == null || len == null) {
      throw JsonIn.mismatch();
    }
    return new TcpOptionOffsetExpr(base, offset, len);
  }

  private static String[] nameField(JsonIn in) {
    in.expectObject();
    String name = null;
    String field = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("name")) {
        name = in.string();
      } else if (f.equals("field")) {
        field = in.string();
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (name == null) {
      throw in.missing("name");
    }
    return new String[] {name, field};
  }

  private static Expression hash(JsonIn in, boolean jenkins) {
    in.expectObject();
    Long mod = null;
    Long seed = null;
    Long offset = null;
    Expression expr = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "mod":
          mod = in.integer();
          break;
        case "offset":
          offset = in.integer();
          break;
        case "seed":
          if (!jenkins) {
            throw JsonIn.mismatch();
          }
          seed = in.integer();
          break;
        case "expr":
          if (!jenkins) {
            throw JsonIn.mismatch();
          }
          expr = read(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    if (mod == null) {
      throw in.missing("mod");
    }
    if (!jenkins) {
      return new SymhashExpr(mod, offset);
    }
    if (expr == null) {
      throw in.missing("expr");
    }
    return new JhashExpr(expr, mod, seed, offset);
  }

  private static Expression elem(JsonIn in) {
    in.expectObject();
    Expression val = null;
    Long timeout = null;
    Long expires = null;
    String comment = null;
    List<Statement> statements = List.of();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "val":
          val = read(in);
          break;
        case "timeout":
          timeout = in.integer();
          break;
        case "expires":
          expires = in.integer();
          break;
        case "comment":
          comment = in.string();
          break;
        default:
          // further keys are the element's statements: {"counter": {...}}, {"limit": {...}}, ...
          if (statements.isEmpty()) {
            statements = new ArrayList<>(2);
          }
          statements.add(StatementCodec.readValue(in, f));
      }
    }
    if (val == null) {
      throw in.missing("val");
    }
    return new ElemExpr(val, timeout, expires, comment, statements);
  }
}
