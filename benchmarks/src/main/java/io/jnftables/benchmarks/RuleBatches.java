package io.jnftables.benchmarks;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.PrettyPrinter;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Metainfo;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark workload: {@code n} rules of the form {@code ip saddr 10.x.y.1 tcp dport N
 * counter accept} in one chain (the shape measured in the libnftables notes), as a typed batch
 * and as the plain {@code Map}s a naive Jackson user would build; and the listing nft 1.0.6 gives
 * back for it ({@link #listing}), byte for byte (a kernel test checks that).
 */
public final class RuleBatches {
  private RuleBatches() {}

  static String address(int i) {
    return "10." + ((i >> 8) & 0xff) + "." + (i & 0xff) + ".1";
  }

  static int port(int i) {
    return 1024 + (i % 60000);
  }

  public static Batch typed(int n) {
    Batch.Builder b =
        Batch.builder()
            .add(Table.of(Family.IP, "bench"))
            .add(Chain.base(Family.IP, "bench", "input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT)));
    for (int i = 0; i < n; i++) {
      b.add(
          Rule.of(
              Family.IP, "bench", "input",
              List.of(
                  Match.eq(new PayloadExpr("ip", "saddr"), new StringLiteral(address(i))),
                  Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(port(i))),
                  Counter.NEW,
                  Verdict.ACCEPT)));
    }
    return b.build();
  }

  /** The same document as {@link #typed} built from Maps and Lists, for ObjectMapper. */
  public static Map<String, Object> maps(int n) {
    List<Object> commands = new ArrayList<>(n + 2);
    commands.add(Map.of("add", Map.of("table", Map.of("family", "ip", "name", "bench"))));
    Map<String, Object> chain = new LinkedHashMap<>();
    chain.put("family", "ip");
    chain.put("table", "bench");
    chain.put("name", "input");
    chain.put("type", "filter");
    chain.put("hook", "input");
    chain.put("prio", 0);
    chain.put("policy", "accept");
    commands.add(Map.of("add", Map.of("chain", chain)));
    for (int i = 0; i < n; i++) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("family", "ip");
      rule.put("table", "bench");
      rule.put("chain", "input");
      List<Object> expr = new ArrayList<>(4);
      expr.add(match("ip", "saddr", address(i)));
      expr.add(match("tcp", "dport", port(i)));
      Map<String, Object> counter = new LinkedHashMap<>();
      counter.put("counter", null);
      expr.add(counter);
      Map<String, Object> accept = new LinkedHashMap<>();
      accept.put("accept", null);
      expr.add(accept);
      rule.put("expr", expr);
      commands.add(Map.of("add", Map.of("rule", rule)));
    }
    return Map.of("nftables", commands);
  }

  /**
   * What {@code nft -j list ruleset} prints in a fresh namespace after {@link #typed}{@code (n)}:
   * metainfo, the table (handle 1), the chain (handle 1), the rules (handles 2…n+1) with zeroed
   * counters, in nft's property order and spacing ({@code ", "}, {@code ": "}), without the
   * trailing newline.
   */
  public static String listing(int n) {
    List<NftObject> objects = new ArrayList<>(n + 3);
    objects.add(new Metainfo("1.0.6", "Lester Gooch #5", 1));
    objects.add(new Table(Family.IP, "bench", 1L));
    objects.add(
        new Chain(Family.IP, "bench", "input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT), 1L));
    for (int i = 0; i < n; i++) {
      objects.add(
          new Rule(
              Family.IP, "bench", "input",
              List.of(
                  Match.eq(new PayloadExpr("ip", "saddr"), new StringLiteral(address(i))),
                  Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(port(i))),
                  new Counter(0L, 0L),
                  Verdict.ACCEPT),
              (long) i + 2, null));
    }
    return withNftSpacing(JsonCodec.encodeRuleset(new Ruleset(objects)));
  }

  /** Re-spaces compact JSON the way jansson's {@code json_dumpf(…, 0)} (libnftables) writes it. */
  static String withNftSpacing(String compact) {
    JsonFactory f = new JsonFactory();
    StringWriter out = new StringWriter(compact.length() + compact.length() / 4);
    try (JsonParser p = f.createParser(compact);
        JsonGenerator g = f.createGenerator(out).setPrettyPrinter(new NftSpacing())) {
      p.nextToken();
      g.copyCurrentStructure(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** ", " between elements, ": " after names, nothing else. */
  private static final class NftSpacing implements PrettyPrinter {
    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {}

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {}

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {}
  }

  private static Map<String, Object> match(String protocol, String field, Object right) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", "==");
    m.put("left", Map.of("payload", Map.of("protocol", protocol, "field", field)));
    m.put("right", right);
    return Map.of("match", m);
  }
}
