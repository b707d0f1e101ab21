package io.jnftables.benchmarks;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.Elem;
import io.jnftables.batch.SetSpec;
import io.jnftables.dsl.Values;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.VerdictExpr;
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
 * The benchmark workloads, shared by every benchmark so that each compares like with like:
 *
 * <ul>
 *   <li>{@link #typed}: {@code n} rules of the form {@code ip saddr 10.x.y.1 tcp dport N counter
 *       accept} in one base chain (the shape measured in the libnftables notes), with {@link
 *       #maps} (the same document as the plain {@code Map}s a naive Jackson user would build) and
 *       {@link #listing} (what nft 1.0.6 lists back for it, byte for byte; a kernel test checks);
 *   <li>{@link #elements}: a set of {@code n} IPv4 addresses, with {@link #elementMaps};
 *   <li>{@link #verdictMap}: a verdict map of {@code n} entries {@code address : accept|drop};
 *   <li>{@link #extraRule}, {@link #extraElement}, {@link #extraMapping}: one more item for each,
 *       never one of the {@code n} (the single updates of the scaling benchmark).
 * </ul>
 *
 * <p>Everything lives in table {@code ip bench}.
 */
public final class RuleBatches {
  private RuleBatches() {}

  /** The table every workload lives in. */
  static final String TABLE = "bench";
  /** The set of {@link #elements}. */
  static final String SET = "s";
  /** The verdict map of {@link #verdictMap}. */
  static final String MAP = "m";
  /** The base chain of {@link #typed}. */
  static final String CHAIN = "input";

  static String address(int i) {
    return "10." + ((i >> 8) & 0xff) + "." + (i & 0xff) + ".1";
  }

  static int port(int i) {
    return 1024 + (i % 60000);
  }

  public static Batch typed(int n) {
    Batch.Builder b =
        Batch.builder()
            .add(Table.of(Family.IP, TABLE))
            .add(Chain.base(Family.IP, TABLE, CHAIN, BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT)));
    for (int i = 0; i < n; i++) {
      b.add(rule(address(i), port(i)));
    }
    return b.build();
  }

  /** {@code delete table ip bench}: removes whatever a workload added. */
  public static Batch deleteTable() {
    return Builder.create(Family.IP).deleteTable(TABLE).build();
  }

  /** One rule for the chain of {@link #typed}, unlike any of its {@code n} rules (port 22, 11.0.0.1). */
  public static Batch extraRule() {
    return Batch.builder().add(rule("11.0.0.1", 22)).build();
  }

  private static Rule rule(String saddr, int port) {
    return Rule.of(
        Family.IP, TABLE, CHAIN,
        List.of(
            Match.eq(new PayloadExpr("ip", "saddr"), new StringLiteral(saddr)),
            Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(port)),
            Counter.NEW,
            Verdict.ACCEPT));
  }

  /** Host number {@code i} as an IPv4 address in 10.0.0.0/8 (16,777,216 distinct ones). */
  static String host(int i) {
    if (i < 0 || i >= 1 << 24) {
      throw new IllegalArgumentException("host number out of 10.0.0.0/8: " + i);
    }
    return "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
  }

  /**
   * {@code add table ip bench; add set ip bench s { type ipv4_addr; }; add element ip bench s {
   * 10.0.0.0, 10.0.0.1, … }} with {@code n} addresses, all in one {@code add element} command.
   */
  public static Batch elements(int n) {
    List<Object> hosts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      hosts.add(host(i));
    }
    Builder b = Builder.create(Family.IP).addTable(TABLE).addSet(SET, SetSpec.of("ipv4_addr"));
    return n == 0 ? b.build() : b.addElements(SET, hosts).build();
  }

  /** The same document as {@link #elements} built from Maps and Lists, for ObjectMapper. */
  public static Map<String, Object> elementMaps(int n) {
    List<Object> commands = new ArrayList<>(3);
    commands.add(Map.of("add", Map.of("table", Map.of("family", "ip", "name", TABLE))));
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("family", "ip");
    set.put("name", SET);
    set.put("table", TABLE);
    set.put("type", "ipv4_addr");
    commands.add(Map.of("add", Map.of("set", set)));
    if (n > 0) {
      List<Object> hosts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        hosts.add(host(i));
      }
      Map<String, Object> element = new LinkedHashMap<>();
      element.put("family", "ip");
      element.put("table", TABLE);
      element.put("name", SET);
      element.put("elem", hosts);
      commands.add(Map.of("add", Map.of("element", element)));
    }
    return Map.of("nftables", commands);
  }

  /** An address that none of the {@code n} elements or entries is (they are all in 10.0.0.0/8). */
  static final String EXTRA_HOST = "11.0.0.1";

  /** {@code add element ip bench s { 11.0.0.1 }}: one element that is not among {@link #elements}. */
  public static Batch extraElement(Verb verb) {
    return Batch.builder().command(new Command(verb, Element.of(Family.IP, TABLE, SET,
        List.of(Values.element(List.of("ipv4_addr"), EXTRA_HOST))))).build();
  }

  /**
   * {@code add table ip bench; add map ip bench m { type ipv4_addr : verdict; }} with {@code n}
   * entries {@code 10.0.0.i : accept} (even i) or {@code drop} (odd i), in one command.
   */
  public static Batch verdictMap(int n) {
    List<Object> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(Elem.mapping(host(i), i % 2 == 0 ? Verdict.ACCEPT : Verdict.DROP));
    }
    Builder b = Builder.create(Family.IP).addTable(TABLE).addMap(MAP, SetSpec.of("ipv4_addr").map("verdict"));
    return n == 0 ? b.build() : b.addElements(MAP, entries).build();
  }

  /**
   * {@code add element ip bench m { 11.0.0.1 : drop }} (or {@code delete element ip bench m {
   * 11.0.0.1 }}): one entry that is not among {@link #verdictMap}'s.
   */
  public static Batch extraMapping(Verb verb) {
    Expression key = Values.element(List.of("ipv4_addr"), EXTRA_HOST);
    Expression item = verb == Verb.DELETE ? key : new MappingExpr(key, new VerdictExpr(Verdict.DROP));
    return Batch.builder().command(new Command(verb, Element.of(Family.IP, TABLE, MAP, List.of(item)))).build();
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
