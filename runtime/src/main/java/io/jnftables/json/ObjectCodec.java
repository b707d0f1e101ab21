package io.jnftables.json;

import static io.jnftables.json.ExpressionCodec.optInt;
import static io.jnftables.json.ExpressionCodec.optLong;
import static io.jnftables.json.ExpressionCodec.optString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.DocumentItem;
import io.jnftables.model.Element;
import io.jnftables.model.Flowtable;
import io.jnftables.model.Metainfo;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.ObjectHandle;
import io.jnftables.model.ObjectKind;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Commands and ruleset objects ↔ JSON; an object the model lacks is a {@link RawObject}. */
final class ObjectCodec {
  private ObjectCodec() {}

  private static final SerializedString[] FAMILIES = new SerializedString[Family.values().length];
  private static final SerializedString[] VERBS = new SerializedString[Verb.values().length];

  static {
    for (Family f : Family.values()) {
      FAMILIES[f.ordinal()] = K.of(f.nftName());
    }
    for (Verb v : Verb.values()) {
      VERBS[v.ordinal()] = K.of(v.jsonName());
    }
  }

  // ================================================================== writing

  /** A command or an object, as one element of the {@code "nftables"} array. */
  static void writeItem(JsonGenerator g, DocumentItem item) throws IOException {
    if (item instanceof Command c) {
      writeCommand(g, c);
    } else {
      write(g, (NftObject) item);
    }
  }

  static void writeCommand(JsonGenerator g, Command c) throws IOException {
    g.writeStartObject();
    g.writeFieldName(VERBS[c.verb().ordinal()]);
    write(g, c.object());
    g.writeEndObject();
  }

  /** {@code {"<key>": {...}}} for the object. */
  static void write(JsonGenerator g, NftObject o) throws IOException {
    g.writeStartObject();
    if (o instanceof Rule r) {
      g.writeFieldName(K.RULE);
      g.writeStartObject();
      family(g, r.family());
      g.writeFieldName(K.TABLE);
      g.writeString(r.table());
      g.writeFieldName(K.CHAIN);
      g.writeString(r.chain());
      optLong(g, K.HANDLE, r.handle());
      optInt(g, K.INDEX, r.index());
      optString(g, K.COMMENT, r.comment());
      g.writeFieldName(K.EXPR);
      StatementCodec.writeAll(g, r.statements());
      g.writeEndObject();
    } else if (o instanceof Chain c) {
      g.writeFieldName(K.CHAIN);
      g.writeStartObject();
      family(g, c.family());
      g.writeFieldName(K.TABLE);
      g.writeString(c.table());
      g.writeFieldName(K.NAME);
      g.writeString(c.name());
      optLong(g, K.HANDLE, c.handle());
      BaseChain b = c.base();
      if (b != null) {
        g.writeFieldName(K.TYPE);
        g.writeString(b.type().nftName());
        g.writeFieldName(K.HOOK);
        g.writeString(b.hook().nftName());
        g.writeFieldName(K.PRIO);
        g.writeNumber(b.priority());
        if (b.policy() != null) {
          g.writeFieldName(K.POLICY);
          g.writeString(b.policy().nftName());
        }
        if (!b.devices().isEmpty()) {
          // one device as nft 1.0.6 takes it; several as the array later versions take (1.0.6 refuses it)
          g.writeFieldName(K.DEV);
          ExpressionCodec.writeStringOrArray(g, b.devices());
        }
      }
      optString(g, K.COMMENT, c.comment());
      optString(g, K.NEWNAME, c.newName());
      g.writeEndObject();
    } else if (o instanceof Table t) {
      g.writeFieldName(K.TABLE);
      g.writeStartObject();
      family(g, t.family());
      g.writeFieldName(K.NAME);
      g.writeString(t.name());
      optLong(g, K.HANDLE, t.handle());
      if (!t.flags().isEmpty()) {
        g.writeFieldName(K.FLAGS);
        ExpressionCodec.writeStringOrArray(g, t.flags());
      }
      optString(g, K.COMMENT, t.comment());
      g.writeEndObject();
    } else if (o instanceof NamedSet s) {
      g.writeFieldName(s.kind().json());
      g.writeStartObject();
      head(g, s.family(), s.name(), s.table());
      if (!s.type().isEmpty()) {
        g.writeFieldName(K.TYPE);
        ExpressionCodec.writeStringOrArray(g, s.type());
      }
      optLong(g, K.HANDLE, s.handle());
      optString(g, K.COMMENT, s.comment());
      optString(g, K.MAP, s.mapType());
      optString(g, K.POLICY, s.policy());
      optLong(g, K.SIZE, s.size());
      if (!s.flags().isEmpty()) {
        g.writeFieldName(K.FLAGS);
        ExpressionCodec.writeStringArray(g, s.flags());
      }
      optLong(g, K.TIMEOUT, s.timeout());
      optLong(g, K.GC_INTERVAL, s.gcInterval());
      if (!s.elements().isEmpty()) {
        g.writeFieldName(K.ELEM);
        ExpressionCodec.writeArray(g, s.elements());
      }
      if (!s.statements().isEmpty()) {
        g.writeFieldName(K.STMT);
        StatementCodec.writeAll(g, s.statements());
      }
      g.writeEndObject();
    } else if (o instanceof Element e) {
      g.writeFieldName("element");
      g.writeStartObject();
      family(g, e.family());
      g.writeFieldName(K.TABLE);
      g.writeString(e.table());
      g.writeFieldName(K.NAME);
      g.writeString(e.name());
      g.writeFieldName(K.ELEM);
      ExpressionCodec.writeArray(g, e.elements());
      g.writeEndObject();
    } else if (o instanceof NamedCounter c) {
      g.writeFieldName(K.COUNTER);
      g.writeStartObject();
      head(g, c.family(), c.name(), c.table());
      optLong(g, K.HANDLE, c.handle());
      optString(g, K.COMMENT, c.comment());
      optLong(g, K.PACKETS, c.packets());
      optLong(g, K.BYTES, c.bytes());
      g.writeEndObject();
    } else if (o instanceof NamedQuota q) {
      g.writeFieldName(K.QUOTA);
      g.writeStartObject();
      head(g, q.family(), q.name(), q.table());
      optLong(g, K.HANDLE, q.handle());
      optString(g, K.COMMENT, q.comment());
      optLong(g, K.BYTES, q.bytes());
      optLong(g, K.USED, q.used());
      if (q.bytes() != null || q.inv()) {
        g.writeFieldName(K.INV);
        g.writeBoolean(q.inv());
      }
      g.writeEndObject();
    } else if (o instanceof NamedLimit l) {
      g.writeFieldName(K.LIMIT);
      g.writeStartObject();
      head(g, l.family(), l.name(), l.table());
      optLong(g, K.HANDLE, l.handle());
      optString(g, K.COMMENT, l.comment());
      optLong(g, K.RATE, l.rate());
      optString(g, K.PER, l.per());
      if (l.inv()) {
        g.writeFieldName(K.INV);
        g.writeBoolean(true);
      }
      optString(g, K.RATE_UNIT, l.rateUnit());
      optLong(g, K.BURST, l.burst());
      optString(g, K.BURST_UNIT, l.burstUnit());
      optString(g, K.UNIT, l.unit());
      g.writeEndObject();
    } else if (o instanceof CtHelper h) {
      g.writeFieldName("ct helper");
      g.writeStartObject();
      head(g, h.family(), h.name(), h.table());
      optLong(g, K.HANDLE, h.handle());
      optString(g, K.COMMENT, h.comment());
      optString(g, K.TYPE, h.type());
      optString(g, K.PROTOCOL, h.protocol());
      optString(g, K.L3PROTO, h.l3proto());
      g.writeEndObject();
    } else if (o instanceof CtTimeout t) {
      g.writeFieldName("ct timeout");
      g.writeStartObject();
      head(g, t.family(), t.name(), t.table());
      optLong(g, K.HANDLE, t.handle());
      optString(g, K.COMMENT, t.comment());
      optString(g, K.PROTOCOL, t.protocol());
      optString(g, K.L3PROTO, t.l3proto());
      Map<String, Long> policy = t.policy();
      if (policy != null) {
        g.writeFieldName(K.POLICY);
        if (policy.isEmpty()) {
          g.writeNull();
        } else {
          g.writeStartObject();
          for (Map.Entry<String, Long> e : policy.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeNumber(e.getValue());
          }
          g.writeEndObject();
        }
      }
      g.writeEndObject();
    } else if (o instanceof CtExpectation x) {
      g.writeFieldName("ct expectation");
      g.writeStartObject();
      head(g, x.family(), x.name(), x.table());
      optLong(g, K.HANDLE, x.handle());
      optString(g, K.COMMENT, x.comment());
      optString(g, K.PROTOCOL, x.protocol());
      optInt(g, K.DPORT, x.dport());
      optLong(g, K.TIMEOUT, x.timeout());
      optInt(g, K.SIZE, x.size());
      optString(g, K.L3PROTO, x.l3proto());
      g.writeEndObject();
    } else if (o instanceof NamedSynproxy s) {
      g.writeFieldName(K.SYNPROXY);
      g.writeStartObject();
      head(g, s.family(), s.name(), s.table());
      optLong(g, K.HANDLE, s.handle());
      optString(g, K.COMMENT, s.comment());
      optInt(g, K.MSS, s.mss());
      optInt(g, K.WSCALE, s.wscale());
      if (!s.flags().isEmpty()) {
        g.writeFieldName(K.FLAGS);
        ExpressionCodec.writeStringArray(g, s.flags());
      }
      g.writeEndObject();
    } else if (o instanceof Secmark s) {
      g.writeFieldName("secmark");
      g.writeStartObject();
      head(g, s.family(), s.name(), s.table());
      optLong(g, K.HANDLE, s.handle());
      optString(g, K.COMMENT, s.comment());
      optString(g, K.CONTEXT, s.context());
      g.writeEndObject();
    } else if (o instanceof Flowtable f) {
      g.writeFieldName(K.FLOWTABLE);
      g.writeStartObject();
      head(g, f.family(), f.name(), f.table());
      optLong(g, K.HANDLE, f.handle());
      optString(g, K.HOOK, f.hook());
      optInt(g, K.PRIO, f.priority());
      if (!f.devices().isEmpty()) {
        g.writeFieldName(K.DEV);
        ExpressionCodec.writeStringOrArray(g, f.devices());
      }
      g.writeEndObject();
    } else if (o instanceof Metainfo m) {
      g.writeFieldName("metainfo");
      g.writeStartObject();
      optString(g, K.VERSION, m.version());
      optString(g, K.RELEASE_NAME, m.releaseName());
      optInt(g, K.JSON_SCHEMA_VERSION, m.jsonSchemaVersion());
      g.writeEndObject();
    } else if (o instanceof ObjectHandle h) {
      g.writeFieldName(h.kind().json());
      g.writeStartObject();
      family(g, h.family());
      optString(g, K.TABLE, h.table());
      optString(g, K.CHAIN, h.chain());
      g.writeFieldName(K.HANDLE);
      g.writeNumber(h.handle());
      g.writeEndObject();
    } else if (o instanceof Selector s) {
      g.writeFieldName(s.kind().json());
      if (s.family() == null && s.table() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        if (s.family() != null) {
          family(g, s.family());
        }
        optString(g, K.TABLE, s.table());
        g.writeEndObject();
      }
    } else if (o instanceof RawObject raw) {
      g.writeFieldName(raw.key());
      g.writeTree(raw.value());
    } else {
      throw new IllegalStateException("unhandled object " + o);
    }
    g.writeEndObject();
  }

  private static void family(JsonGenerator g, Family f) throws IOException {
    g.writeFieldName(K.FAMILY);
    g.writeString(FAMILIES[f.ordinal()]);
  }

  /** The order nft lists named objects in: family, name, table. */
  private static void head(JsonGenerator g, Family family, String name, String table) throws IOException {
    family(g, family);
    g.writeFieldName(K.NAME);
    g.writeString(name);
    g.writeFieldName(K.TABLE);
    g.writeString(table);
  }

  // ================================================================== reading

  /**
   * The element of the {@code "nftables"} array at the current token: a command when its key is a
   * verb and {@code commands} is set, an object otherwise (unknown keys give a {@link RawObject}).
   */
  static DocumentItem readItem(JsonIn in, boolean commands) {
    String key = singleKey(in, "an object with one key (a command or a ruleset object)");
    in.next();
    Verb verb = commands ? verb(key) : null;
    DocumentItem item;
    if (verb != null) {
      in.expectObject();
      String objectKey = in.nextField();
      if (objectKey == null) {
        throw in.fail("a command needs an object with one key, got {}");
      }
      in.next();
      NftObject object = readValue(in, objectKey);
      String extra = in.nextField();
      if (extra != null) {
        throw in.fail("a command acts on one object; \"" + objectKey + "\" is followed by \"" + extra + "\"");
      }
      item = new Command(verb, object);
    } else {
      item = readValue(in, key);
    }
    String extra = in.nextField();
    if (extra != null) {
      throw in.fail(
          "an element of \"nftables\" has exactly one key; \"" + key + "\" is followed by \"" + extra + "\"");
    }
    return item;
  }

  private static String singleKey(JsonIn in, String what) {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.fail("expected " + what + ", got " + in.token());
    }
    String key = in.nextField();
    if (key == null) {
      throw in.fail("expected " + what + ", got {}");
    }
    return key;
  }

  private static @Nullable Verb verb(String key) {
    switch (key) {
      case "add":
        return Verb.ADD;
      case "create":
        return Verb.CREATE;
      case "insert":
        return Verb.INSERT;
      case "replace":
        return Verb.REPLACE;
      case "delete":
        return Verb.DELETE;
      case "destroy":
        return Verb.DESTROY;
      case "list":
        return Verb.LIST;
      case "reset":
        return Verb.RESET;
      case "flush":
        return Verb.FLUSH;
      case "rename":
        return Verb.RENAME;
      default:
        return null;
    }
  }

  /**
   * The object with key {@code key} whose value is at the current token; raw if the model lacks it.
   */
  static NftObject readValue(JsonIn in, String key) {
    long start = in.start();
    int endDepth = in.endDepth();
    try {
      NftObject o = readTyped(in, key);
      return o;
    } catch (JsonIn.Mismatch | IllegalArgumentException e) {
      return new RawObject(key, in.raw(start, endDepth));
    }
  }

  private static NftObject readTyped(JsonIn in, String key) {
    switch (key) {
      case "rule":
        return rule(in);
      case "chain":
        return chain(in);
      case "table":
        return table(in);
      case "set":
        return set(in, NamedSet.Kind.SET, ObjectKind.SET);
      case "map":
        return set(in, NamedSet.Kind.MAP, ObjectKind.MAP);
      case "meter":
        return set(in, NamedSet.Kind.METER, ObjectKind.METER);
      case "element":
        return element(in);
      case "metainfo":
        return metainfo(in);
      case "counter":
      case "quota":
      case "limit":
      case "ct helper":
      case "ct timeout":
      case "ct expectation":
      case "synproxy":
      case "secmark":
      case "flowtable":
        return named(in, ObjectKind.fromJson(key));
      default: {
        Selector.Kind kind = Selector.Kind.fromJson(key);
        if (kind != null) {
          return selector(in, kind);
        }
        throw JsonIn.mismatch();
      }
    }
  }

  /** The properties every ruleset object has. */
  private static final class Head {
    @Nullable Family family;
    boolean familySeen;
    @Nullable String table;
    @Nullable String name;
    @Nullable Long handle;
    @Nullable String comment;

    /** Consumes {@code f} if it is a common property. */
    boolean take(JsonIn in, String f) {
      switch (f) {
        case "family":
          familySeen = true;
          family = familyOf(in.string());
          return true;
        case "table":
          table = in.string();
          return true;
        case "name":
          name = in.string();
          return true;
        case "handle":
          handle = in.integer();
          return true;
        case "comment":
          comment = in.string();
          return true;
        default:
          return false;
      }
    }

    Family family(JsonIn in) {
      if (!familySeen) {
        throw in.missing("family");
      }
      if (family == null) {
        throw JsonIn.mismatch(); // a family this model does not know
      }
      return family;
    }

    String table(JsonIn in) {
      if (table == null) {
        throw in.missing("table");
      }
      return table;
    }

    String name(JsonIn in) {
      if (name == null) {
        throw in.missing("name");
      }
      return name;
    }
  }

  private static @Nullable Family familyOf(String s) {
    switch (s) {
      case "ip":
        return Family.IP;
      case "ip6":
        return Family.IP6;
      case "inet":
        return Family.INET;
      case "arp":
        return Family.ARP;
      case "bridge":
        return Family.BRIDGE;
      case "netdev":
        return Family.NETDEV;
      default:
        return null;
    }
  }

  private static NftObject rule(JsonIn in) {
    in.expectObject();
    Head h = new Head();
    String chain = null;
    Integer index = null;
    List<Statement> statements = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("expr")) {
        statements = StatementCodec.list(in);
      } else if (h.take(in, f)) {
        if (f.equals("name")) {
          throw JsonIn.mismatch();
        }
      } else if (f.equals("chain")) {
        chain = in.string();
      } else if (f.equals("index")) {
        index = in.int32();
      } else {
        throw JsonIn.mismatch();
      }
    }
    Family family = h.family(in);
    String table = h.table(in);
    if (chain == null) {
      throw in.missing("chain");
    }
    if (statements == null) {
      if (h.handle != null && index == null && h.comment == null) {
        return ObjectHandle.rule(family, table, chain, h.handle);
      }
      throw in.missing("expr");
    }
    return new Rule(family, table, chain, statements, h.handle, h.comment, index);
  }

  private static NftObject chain(JsonIn in) {
    in.expectObject();
    Head h = new Head();
    String type = null;
    String hook = null;
    Integer prio = null;
    String policy = null;
    List<String> dev = null;
    String newName = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (h.take(in, f)) {
        continue;
      }
      switch (f) {
        case "type":
          type = in.string();
          break;
        case "hook":
          hook = in.string();
          break;
        case "prio":
          prio = in.int32();
          break;
        case "policy":
          policy = in.string();
          break;
        case "dev":
          boolean array = in.token() == JsonToken.START_ARRAY;
          dev = in.strings();
          if (array && dev.size() < 2) {
            throw JsonIn.mismatch(); // ["eth0"] would not encode back to the same JSON
          }
          break;
        case "newname":
          newName = in.string();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    Family family = h.family(in);
    String table = h.table(in);
    if (h.name == null && h.handle != null && type == null && hook == null && prio == null && policy == null
        && dev == null && newName == null && h.comment == null) {
      return ObjectHandle.of(ObjectKind.CHAIN, family, table, h.handle);
    }
    String name = h.name(in);
    BaseChain base = null;
    if (hook != null) {
      if (type == null) {
        throw in.missing("type");
      }
      if (prio == null) {
        throw in.missing("prio");
      }
      ChainType t = chainType(type);
      Hook k = hook(hook);
      Policy p = policy == null ? null : policy(policy);
      if (t == null || k == null || (policy != null && p == null)) {
        throw JsonIn.mismatch();
      }
      base = new BaseChain(t, k, prio, p, dev == null ? List.of() : dev);
    } else if (type != null || prio != null || policy != null || dev != null) {
      throw JsonIn.mismatch();
    }
    return new Chain(family, table, name, base, h.handle, h.comment, newName);
  }

  private static @Nullable ChainType chainType(String s) {
    switch (s) {
      case "filter":
        return ChainType.FILTER;
      case "nat":
        return ChainType.NAT;
      case "route":
        return ChainType.ROUTE;
      default:
        return null;
    }
  }

  private static @Nullable Hook hook(String s) {
    for (Hook h : Hook.values()) {
      if (h != Hook.NONE && h.nftName().equals(s)) {
        return h;
      }
    }
    return null;
  }

  private static @Nullable Policy policy(String s) {
    switch (s) {
      case "accept":
        return Policy.ACCEPT;
      case "drop":
        return Policy.DROP;
      default:
        return null;
    }
  }

  private static NftObject table(JsonIn in) {
    in.expectObject();
    Head h = new Head();
    List<String> flags = List.of();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (h.take(in, f)) {
        if (f.equals("table")) {
          throw JsonIn.mismatch();
        }
      } else if (f.equals("flags")) {
        flags = in.strings();
      } else {
        throw JsonIn.mismatch();
      }
    }
    Family family = h.family(in);
    if (h.name == null && h.handle != null && flags.isEmpty() && h.comment == null) {
      return ObjectHandle.of(ObjectKind.TABLE, family, null, h.handle);
    }
    return new Table(family, h.name(in), h.handle, flags, h.comment);
  }

  private static NftObject set(JsonIn in, NamedSet.Kind kind, ObjectKind objectKind) {
    in.expectObject();
    Head h = new Head();
    List<String> type = List.of();
    String mapType = null;
    String policy = null;
    List<String> flags = List.of();
    List<Expression> elements = List.of();
    Long timeout = null;
    Long gcInterval = null;
    Long size = null;
    List<Statement> statements = List.of();
    boolean other = false;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (h.take(in, f)) {
        continue;
      }
      other = true;
      switch (f) {
        case "type":
          if (in.token() != JsonToken.VALUE_STRING && in.token() != JsonToken.START_ARRAY) {
            throw JsonIn.mismatch(); // e.g. a typeof expression (later nft versions)
          }
          type = in.strings();
          break;
        case "map":
          if (in.token() != JsonToken.VALUE_STRING) {
            throw JsonIn.mismatch();
          }
          mapType = in.text();
          break;
        case "policy":
          policy = in.string();
          break;
        case "flags":
          flags = in.strings();
          break;
        case "elem":
          elements = in.token() == JsonToken.START_ARRAY
              ? ExpressionCodec.list(in, true)
              : List.of(ExpressionCodec.read(in, true));
          break;
        case "timeout":
          timeout = in.integer();
          break;
        case "gc-interval":
          gcInterval = in.integer();
          break;
        case "size":
          size = in.integer();
          break;
        case "stmt":
          statements = StatementCodec.list(in);
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    Family family = h.family(in);
    String table = h.table(in);
    if (h.name == null && h.handle != null && !other && h.comment == null) {
      return ObjectHandle.of(objectKind, family, table, h.handle);
    }
    return new NamedSet(
        kind, family, table, h.name(in), h.handle, type, mapType, policy, flags, elements, timeout,
        gcInterval, size, h.comment, statements);
  }

  private static NftObject element(JsonIn in) {
    in.expectObject();
    Head h = new Head();
    List<Expression> elements = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (h.take(in, f)) {
        if (f.equals("handle") || f.equals("comment")) {
          throw JsonIn.mismatch();
        }
      } else if (f.equals("elem")) {
        elements = in.token() == JsonToken.START_ARRAY
            ? ExpressionCodec.list(in, true)
            : List.of(ExpressionCodec.read(in, true));
      } else {
        throw JsonIn.mismatch();
      }
    }
    Family family = h.family(in);
    String table = h.table(in);
    String name = h.name(in);
    if (elements == null) {
      throw in.missing("elem");
    }
    return new Element(family, table, name, elements);
  }

  private static NftObject metainfo(JsonIn in) {
    in.expectObject();
    String version = null;
    String release = null;
    Integer schema = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      switch (f) {
        case "version":
          version = in.string();
          break;
        case "release_name":
          release = in.string();
          break;
        case "json_schema_version":
          schema = in.int32();
          break;
        default:
          throw JsonIn.mismatch();
      }
    }
    return new Metainfo(version, release, schema);
  }

  private static NftObject selector(JsonIn in, Selector.Kind kind) {
    if (in.isNull()) {
      return Selector.all(kind);
    }
    in.expectObject();
    Family family = null;
    String table = null;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (f.equals("family")) {
        family = familyOf(in.string());
        if (family == null) {
          throw JsonIn.mismatch();
        }
      } else if (f.equals("table")) {
        table = in.string();
      } else {
        throw JsonIn.mismatch();
      }
    }
    if (family == null && table == null) {
      throw JsonIn.mismatch(); // {} would come back as null
    }
    return new Selector(kind, family, table);
  }

  /** Named stateful objects and flowtables: common head plus their own properties. */
  private static NftObject named(JsonIn in, ObjectKind kind) {
    in.expectObject();
    Head h = new Head();
    Map<String, Object> own = new LinkedHashMap<>();
    Map<String, Long> policy = null;
    boolean policySeen = false;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (h.take(in, f)) {
        continue;
      }
      if (kind == ObjectKind.CT_TIMEOUT && f.equals("policy")) {
        policySeen = true;
        policy = timeoutPolicy(in);
        continue;
      }
      own.put(f, ownValue(in, kind, f));
    }
    Family family = h.family(in);
    String table = h.table(in);
    if (h.name == null && h.handle != null && own.isEmpty() && !policySeen && h.comment == null) {
      return ObjectHandle.of(kind, family, table, h.handle);
    }
    String name = h.name(in);
    Long handle = h.handle;
    String comment = h.comment;
    switch (kind) {
      case COUNTER:
        return new NamedCounter(
            family, table, name, handle, (Long) own.get("packets"), (Long) own.get("bytes"), comment);
      case QUOTA:
        return new NamedQuota(
            family, table, name, handle, (Long) own.get("bytes"), (Long) own.get("used"),
            Boolean.TRUE.equals(own.get("inv")), comment);
      case LIMIT:
        return new NamedLimit(
            family, table, name, handle, (Long) own.get("rate"), (String) own.get("per"),
            (Long) own.get("burst"), (String) own.get("rate_unit"), (String) own.get("burst_unit"),
            (String) own.get("unit"), Boolean.TRUE.equals(own.get("inv")), comment);
      case CT_HELPER:
        return new CtHelper(
            family, table, name, handle, (String) own.get("type"), (String) own.get("protocol"),
            (String) own.get("l3proto"), comment);
      case CT_TIMEOUT:
        return new CtTimeout(
            family, table, name, handle, (String) own.get("protocol"), (String) own.get("l3proto"), policy,
            comment);
      case CT_EXPECTATION:
        return new CtExpectation(
            family, table, name, handle, (String) own.get("protocol"), toInt(own.get("dport")),
            (Long) own.get("timeout"), toInt(own.get("size")), (String) own.get("l3proto"), comment);
      case SYNPROXY: {
        @SuppressWarnings("unchecked")
        List<String> flags = (List<String>) own.getOrDefault("flags", List.of());
        return new NamedSynproxy(
            family, table, name, handle, toInt(own.get("mss")), toInt(own.get("wscale")), flags, comment);
      }
      case SECMARK:
        return new Secmark(family, table, name, handle, (String) own.get("context"), comment);
      case FLOWTABLE: {
        if (comment != null) {
          throw JsonIn.mismatch();
        }
        @SuppressWarnings("unchecked")
        List<String> devices = (List<String>) own.getOrDefault("dev", List.of());
        return new Flowtable(
            family, table, name, handle, (String) own.get("hook"), toInt(own.get("prio")), devices);
      }
      default:
        throw JsonIn.mismatch();
    }
  }

  private static @Nullable Integer toInt(@Nullable Object o) {
    if (o == null) {
      return null;
    }
    long v = (Long) o;
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw JsonIn.mismatch();
    }
    return (int) v;
  }

  /**
   * One object-specific property: its value typed as the model holds it, or a mismatch if unknown.
   */
  private static Object ownValue(JsonIn in, ObjectKind kind, String f) {
    switch (kind) {
      case COUNTER:
        if (f.equals("packets") || f.equals("bytes")) {
          return in.integer();
        }
        break;
      case QUOTA:
        if (f.equals("bytes") || f.equals("used")) {
          return in.integer();
        }
        if (f.equals("inv")) {
          return in.bool();
        }
        break;
      case LIMIT:
        if (f.equals("rate") || f.equals("burst")) {
          return in.integer();
        }
        if (f.equals("per") || f.equals("rate_unit") || f.equals("burst_unit") || f.equals("unit")) {
          return in.string();
        }
        if (f.equals("inv")) {
          return in.bool();
        }
        break;
      case CT_HELPER:
        if (f.equals("type") || f.equals("l3proto")) {
          return in.string();
        }
        if (f.equals("protocol")) {
          return protocolName(in);
        }
        break;
      case CT_TIMEOUT:
        if (f.equals("l3proto")) {
          return in.string();
        }
        if (f.equals("protocol")) {
          return protocolName(in);
        }
        break;
      case CT_EXPECTATION:
        if (f.equals("l3proto")) {
          return in.string();
        }
        if (f.equals("protocol")) {
          return protocolName(in);
        }
        if (f.equals("dport") || f.equals("timeout") || f.equals("size")) {
          return in.integer();
        }
        break;
      case SYNPROXY:
        if (f.equals("mss") || f.equals("wscale")) {
          return in.integer();
        }
        if (f.equals("flags")) {
          return in.strings();
        }
        break;
      case SECMARK:
        if (f.equals("context")) {
          return in.string();
        }
        break;
      case FLOWTABLE:
        if (f.equals("hook")) {
          return in.string();
        }
        if (f.equals("prio")) {
          return in.integer();
        }
        if (f.equals("dev")) {
          return in.strings();
        }
        break;
      default:
        break;
    }
    throw JsonIn.mismatch();
  }

  /**
   * A layer 4 protocol as nft lists it: its name, or its number when the system has no name for it
   * (which the model, holding names, keeps raw).
   */
  private static String protocolName(JsonIn in) {
    if (in.token() == JsonToken.VALUE_NUMBER_INT) {
      throw JsonIn.mismatch();
    }
    return in.string();
  }

  private static Map<String, Long> timeoutPolicy(JsonIn in) {
    if (in.isNull()) {
      return Map.of();
    }
    in.expectObject();
    Map<String, Long> out = new LinkedHashMap<>();
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      out.put(f, in.integer());
    }
    if (out.isEmpty()) {
      throw JsonIn.mismatch(); // {} would come back as null
    }
    return out;
  }
}
