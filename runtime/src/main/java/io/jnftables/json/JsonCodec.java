package io.jnftables.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Metainfo;
import io.jnftables.model.NftObject;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Encodes commands to libnftables JSON and decodes listings and echoes back into the model.
 * Thread-safe and stateless.
 */
public final class JsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonCodec() {}

  // ---------------------------------------------------------------- encoding

  /** {@code {"nftables":[...]}} for these commands, as UTF-8 bytes. */
  public static byte[] encode(List<Command> commands) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + commands.size() * 160);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("nftables");
      g.writeStartArray();
      for (Command c : commands) {
        g.writeStartObject();
        g.writeFieldName(c.verb().jsonName());
        writeObject(g, c.object());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A listing document for these objects: {@code {"nftables":[{"metainfo":…},{"table":…},…]}},
   * the inverse of {@link #decodeRuleset}.
   */
  public static String encodeRuleset(Ruleset ruleset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + ruleset.objects().size() * 160);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("nftables");
      g.writeStartArray();
      for (NftObject o : ruleset.objects()) {
        writeObject(g, o);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** {@link #encode} as a string. */
  public static String encodeToString(List<Command> commands) {
    return new String(encode(commands), StandardCharsets.UTF_8);
  }

  private static void writeObject(JsonGenerator g, NftObject o) throws IOException {
    g.writeStartObject();
    if (o instanceof Rule r) {
      g.writeFieldName("rule");
      g.writeStartObject();
      g.writeStringField("family", r.family().nftName());
      g.writeStringField("table", r.table());
      g.writeStringField("chain", r.chain());
      if (r.handle() != null) {
        g.writeNumberField("handle", r.handle());
      }
      g.writeFieldName("expr");
      g.writeStartArray();
      for (Statement s : r.statements()) {
        writeStatement(g, s);
      }
      g.writeEndArray();
      if (r.comment() != null) {
        g.writeStringField("comment", r.comment());
      }
      g.writeEndObject();
    } else if (o instanceof Chain c) {
      g.writeFieldName("chain");
      g.writeStartObject();
      g.writeStringField("family", c.family().nftName());
      g.writeStringField("table", c.table());
      g.writeStringField("name", c.name());
      if (c.handle() != null) {
        g.writeNumberField("handle", c.handle());
      }
      BaseChain b = c.base();
      if (b != null) {
        g.writeStringField("type", b.type().nftName());
        g.writeStringField("hook", b.hook().nftName());
        g.writeNumberField("prio", b.priority());
        if (b.policy() != null) {
          g.writeStringField("policy", b.policy().nftName());
        }
        if (b.device() != null) {
          g.writeStringField("dev", b.device());
        }
      }
      g.writeEndObject();
    } else if (o instanceof Table t) {
      g.writeFieldName("table");
      g.writeStartObject();
      g.writeStringField("family", t.family().nftName());
      g.writeStringField("name", t.name());
      if (t.handle() != null) {
        g.writeNumberField("handle", t.handle());
      }
      g.writeEndObject();
    } else if (o instanceof Metainfo m) {
      g.writeFieldName("metainfo");
      g.writeStartObject();
      if (m.version() != null) {
        g.writeStringField("version", m.version());
      }
      if (m.releaseName() != null) {
        g.writeStringField("release_name", m.releaseName());
      }
      if (m.jsonSchemaVersion() != null) {
        g.writeNumberField("json_schema_version", m.jsonSchemaVersion());
      }
      g.writeEndObject();
    } else if (o instanceof RawObject raw) {
      g.writeFieldName(raw.key());
      g.writeTree(raw.value());
    }
    g.writeEndObject();
  }

  private static void writeStatement(JsonGenerator g, Statement s) throws IOException {
    g.writeStartObject();
    if (s instanceof Match m) {
      g.writeFieldName("match");
      g.writeStartObject();
      g.writeStringField("op", m.op().json());
      g.writeFieldName("left");
      writeExpression(g, m.left());
      g.writeFieldName("right");
      writeExpression(g, m.right());
      g.writeEndObject();
    } else if (s instanceof Verdict v) {
      g.writeFieldName(v.kind().json());
      if (v.target() != null) {
        g.writeStartObject();
        g.writeStringField("target", v.target());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
    } else if (s instanceof Counter c) {
      g.writeFieldName("counter");
      if (c.packets() == null && c.bytes() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        if (c.packets() != null) {
          g.writeNumberField("packets", c.packets());
        }
        if (c.bytes() != null) {
          g.writeNumberField("bytes", c.bytes());
        }
        g.writeEndObject();
      }
    } else if (s instanceof Log l) {
      g.writeFieldName("log");
      if (l.prefix() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        g.writeStringField("prefix", l.prefix());
        g.writeEndObject();
      }
    } else if (s instanceof Reject r) {
      g.writeFieldName("reject");
      if (r.type() == null && r.expr() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        if (r.type() != null) {
          g.writeStringField("type", r.type());
        }
        if (r.expr() != null) {
          g.writeStringField("expr", r.expr());
        }
        g.writeEndObject();
      }
    } else if (s instanceof RawStatement raw) {
      g.writeFieldName(raw.key());
      g.writeTree(raw.value());
    }
    g.writeEndObject();
  }

  private static void writeExpression(JsonGenerator g, Expression e) throws IOException {
    if (e instanceof NumberLiteral n) {
      g.writeNumber(n.value());
    } else if (e instanceof StringLiteral s) {
      g.writeString(s.value());
    } else if (e instanceof PayloadExpr p) {
      g.writeStartObject();
      g.writeFieldName("payload");
      g.writeStartObject();
      g.writeStringField("protocol", p.protocol());
      g.writeStringField("field", p.field());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof MetaExpr m) {
      writeKeyed(g, "meta", m.key());
    } else if (e instanceof CtExpr c) {
      writeKeyed(g, "ct", c.key());
    } else if (e instanceof SetExpr s) {
      g.writeStartObject();
      g.writeFieldName("set");
      writeArray(g, s.elements());
      g.writeEndObject();
    } else if (e instanceof ListExpr l) {
      writeArray(g, l.elements());
    } else if (e instanceof RangeExpr r) {
      g.writeStartObject();
      g.writeFieldName("range");
      g.writeStartArray();
      writeExpression(g, r.low());
      writeExpression(g, r.high());
      g.writeEndArray();
      g.writeEndObject();
    } else if (e instanceof PrefixExpr p) {
      g.writeStartObject();
      g.writeFieldName("prefix");
      g.writeStartObject();
      g.writeFieldName("addr");
      writeExpression(g, p.address());
      g.writeNumberField("len", p.length());
      g.writeEndObject();
      g.writeEndObject();
    } else if (e instanceof RawExpression raw) {
      g.writeTree(raw.json());
    }
  }

  private static void writeKeyed(JsonGenerator g, String name, String key) throws IOException {
    g.writeStartObject();
    g.writeFieldName(name);
    g.writeStartObject();
    g.writeStringField("key", key);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeArray(JsonGenerator g, List<Expression> elements) throws IOException {
    g.writeStartArray();
    for (Expression x : elements) {
      writeExpression(g, x);
    }
    g.writeEndArray();
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes a listing ({@code {"nftables":[{"metainfo":…},{"table":…},…]}}). */
  public static Ruleset decodeRuleset(String json) {
    List<NftObject> objects = new ArrayList<>();
    ArrayNode items = nftablesArray(json);
    for (int i = 0; i < items.size(); i++) {
      String path = "$.nftables[" + i + "]";
      Map.Entry<String, JsonNode> entry = singleKey(items.get(i), path);
      objects.add(decodeObject(entry.getKey(), entry.getValue(), path + "." + entry.getKey()));
    }
    return new Ruleset(objects);
  }

  /**
   * Decodes a list of commands, e.g. what libnftables echoes back after a batch. Items that are
   * not commands (such as {@code metainfo}) are skipped.
   */
  public static List<Command> decodeCommands(String json) {
    List<Command> commands = new ArrayList<>();
    ArrayNode items = nftablesArray(json);
    for (int i = 0; i < items.size(); i++) {
      String path = "$.nftables[" + i + "]";
      Map.Entry<String, JsonNode> entry = singleKey(items.get(i), path);
      Verb verb = Verb.fromJson(entry.getKey());
      if (verb == null) {
        continue;
      }
      String objPath = path + "." + entry.getKey();
      Map.Entry<String, JsonNode> obj = singleKey(entry.getValue(), objPath);
      commands.add(
          new Command(verb, decodeObject(obj.getKey(), obj.getValue(), objPath + "." + obj.getKey())));
    }
    return commands;
  }

  private static ArrayNode nftablesArray(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new JsonDecodingException(
          "$", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new JsonDecodingException("$", "expected an object {\"nftables\": [...]}");
    }
    JsonNode items = root.get("nftables");
    if (items == null || !items.isArray()) {
      throw new JsonDecodingException("$.nftables", "expected an array");
    }
    return (ArrayNode) items;
  }

  private static Map.Entry<String, JsonNode> singleKey(JsonNode node, String path) {
    if (!node.isObject() || node.size() != 1) {
      throw new JsonDecodingException(path, "expected an object with exactly one key, got " + node);
    }
    return node.properties().iterator().next();
  }

  private static final Set<String> TABLE_KEYS = Set.of("family", "name", "handle");
  private static final Set<String> CHAIN_KEYS =
      Set.of("family", "table", "name", "handle", "type", "hook", "prio", "policy", "dev");
  private static final Set<String> RULE_KEYS = Set.of("family", "table", "chain", "handle", "expr", "comment");
  private static final Set<String> METAINFO_KEYS = Set.of("version", "release_name", "json_schema_version");

  private static NftObject decodeObject(String key, JsonNode v, String path) {
    switch (key) {
      case "table":
        if (onlyKeys(v, TABLE_KEYS) && family(v) != null) {
          return new Table(family(v), text(v, "name", path), optLong(v, "handle", path));
        }
        break;
      case "chain":
        if (onlyKeys(v, CHAIN_KEYS) && family(v) != null) {
          BaseChain base = baseChain(v, path);
          if (base != null || !v.has("hook")) {
            return new Chain(
                family(v), text(v, "table", path), text(v, "name", path), base, optLong(v, "handle", path));
          }
        }
        break;
      case "rule":
        if (onlyKeys(v, RULE_KEYS) && family(v) != null) {
          JsonNode expr = v.get("expr");
          if (expr == null || !expr.isArray()) {
            throw new JsonDecodingException(path + ".expr", "expected an array of statements");
          }
          List<Statement> statements = new ArrayList<>(expr.size());
          for (int i = 0; i < expr.size(); i++) {
            statements.add(decodeStatement(expr.get(i), path + ".expr[" + i + "]"));
          }
          return new Rule(
              family(v),
              text(v, "table", path),
              text(v, "chain", path),
              statements,
              optLong(v, "handle", path),
              optText(v, "comment", path));
        }
        break;
      case "metainfo":
        if (onlyKeys(v, METAINFO_KEYS)) {
          Long schema = optLong(v, "json_schema_version", path);
          return new Metainfo(
              optText(v, "version", path),
              optText(v, "release_name", path),
              schema == null ? null : schema.intValue());
        }
        break;
      default:
        break;
    }
    return new RawObject(key, v);
  }

  private static @Nullable BaseChain baseChain(JsonNode v, String path) {
    if (!v.has("hook")) {
      return null;
    }
    ChainType type = enumByName(ChainType.values(), optText(v, "type", path));
    Hook hook = enumByName(Hook.values(), optText(v, "hook", path));
    JsonNode prio = v.get("prio");
    String policyName = optText(v, "policy", path);
    Policy policy = policyName == null ? null : enumByName(Policy.values(), policyName);
    if (type == null || hook == null || prio == null || !prio.canConvertToInt()
        || (policyName != null && policy == null)) {
      return null; // something the model cannot say exactly: the caller keeps the chain raw
    }
    return new BaseChain(type, hook, prio.intValue(), policy, optText(v, "dev", path));
  }

  private static Statement decodeStatement(JsonNode node, String path) {
    Map.Entry<String, JsonNode> e = singleKey(node, path);
    String key = e.getKey();
    JsonNode v = e.getValue();
    Statement s = null;
    switch (key) {
      case "match":
        if (onlyKeys(v, Set.of("op", "left", "right")) && v.size() == 3) {
          Operator op = Operator.fromJson(v.get("op").asText());
          if (op != null) {
            s = new Match(op, decodeExpression(v.get("left")), decodeExpression(v.get("right")));
          }
        }
        break;
      case "accept":
      case "drop":
      case "continue":
      case "return":
        if (v.isNull()) {
          s = new Verdict(Verdict.Kind.valueOf(key.toUpperCase(java.util.Locale.ROOT)), null);
        }
        break;
      case "jump":
      case "goto":
        if (v.isObject() && v.size() == 1 && v.path("target").isTextual()) {
          s = new Verdict(
              key.equals("jump") ? Verdict.Kind.JUMP : Verdict.Kind.GOTO, v.get("target").asText());
        }
        break;
      case "counter":
        if (v.isNull()) {
          s = Counter.NEW;
        } else if (onlyKeys(v, Set.of("packets", "bytes")) && allIntegral(v)) {
          s = new Counter(optLong(v, "packets", path), optLong(v, "bytes", path));
        }
        break;
      case "log":
        if (v.isNull()) {
          s = new Log(null);
        } else if (onlyKeys(v, Set.of("prefix")) && v.path("prefix").isTextual()) {
          s = new Log(v.get("prefix").asText());
        }
        break;
      case "reject":
        if (v.isNull()) {
          s = Reject.DEFAULT;
        } else if (onlyKeys(v, Set.of("type", "expr")) && allTextual(v)) {
          s = new Reject(optText(v, "type", path), optText(v, "expr", path));
        }
        break;
      default:
        break;
    }
    return s != null ? s : new RawStatement(key, v);
  }

  private static Expression decodeExpression(JsonNode v) {
    if (v.isTextual()) {
      return new StringLiteral(v.asText());
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return new NumberLiteral(v.asLong());
    }
    if (v.isArray()) {
      List<Expression> elements = new ArrayList<>(v.size());
      for (JsonNode x : v) {
        elements.add(decodeExpression(x));
      }
      return new ListExpr(elements);
    }
    if (v.isObject() && v.size() == 1) {
      Map.Entry<String, JsonNode> e = v.properties().iterator().next();
      JsonNode x = e.getValue();
      switch (e.getKey()) {
        case "payload":
          if (x.size() == 2 && x.path("protocol").isTextual() && x.path("field").isTextual()) {
            return new PayloadExpr(x.get("protocol").asText(), x.get("field").asText());
          }
          break;
        case "meta":
          if (x.size() == 1 && x.path("key").isTextual()) {
            return new MetaExpr(x.get("key").asText());
          }
          break;
        case "ct":
          if (x.size() == 1 && x.path("key").isTextual()) {
            return new CtExpr(x.get("key").asText());
          }
          break;
        case "set":
          if (x.isArray() && x.size() > 0) {
            List<Expression> elements = new ArrayList<>(x.size());
            for (JsonNode el : x) {
              elements.add(decodeExpression(el));
            }
            return new SetExpr(elements);
          }
          break;
        case "range":
          if (x.isArray() && x.size() == 2) {
            return new RangeExpr(decodeExpression(x.get(0)), decodeExpression(x.get(1)));
          }
          break;
        case "prefix":
          if (x.size() == 2 && x.has("addr") && x.path("len").canConvertToInt()
              && x.get("len").intValue() >= 0 && x.get("len").intValue() <= 128) {
            return new PrefixExpr(decodeExpression(x.get("addr")), x.get("len").intValue());
          }
          break;
        default:
          break;
      }
    }
    return new RawExpression(v);
  }

  // ---------------------------------------------------------------- helpers

  private static boolean onlyKeys(JsonNode v, Set<String> allowed) {
    if (!v.isObject()) {
      return false;
    }
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      if (!allowed.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean allIntegral(JsonNode v) {
    for (JsonNode x : v) {
      if (!x.isIntegralNumber()) {
        return false;
      }
    }
    return true;
  }

  private static boolean allTextual(JsonNode v) {
    for (JsonNode x : v) {
      if (!x.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Family family(JsonNode v) {
    JsonNode f = v.get("family");
    return f == null || !f.isTextual() ? null : enumByName(Family.values(), f.asText());
  }

  private static <E extends Enum<E>> @Nullable E enumByName(E[] values, @Nullable String nftName) {
    if (nftName == null) {
      return null;
    }
    for (E e : values) {
      if (e.name().equalsIgnoreCase(nftName) && !nftName.isEmpty()) {
        return e;
      }
    }
    return null;
  }

  private static String text(JsonNode v, String field, String path) {
    JsonNode x = v.get(field);
    if (x == null || !x.isTextual()) {
      throw new JsonDecodingException(path + "." + field, "expected a string, got " + x);
    }
    return x.asText();
  }

  private static @Nullable String optText(JsonNode v, String field, String path) {
    JsonNode x = v.get(field);
    if (x == null) {
      return null;
    }
    if (!x.isTextual()) {
      throw new JsonDecodingException(path + "." + field, "expected a string, got " + x);
    }
    return x.asText();
  }

  private static @Nullable Long optLong(JsonNode v, String field, String path) {
    JsonNode x = v.get(field);
    if (x == null) {
      return null;
    }
    if (!x.isIntegralNumber() || !x.canConvertToLong()) {
      throw new JsonDecodingException(path + "." + field, "expected an integer, got " + x);
    }
    return x.asLong();
  }
}
