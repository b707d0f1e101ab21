package io.jnftables.processor.validation;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Placeholders;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import io.jnftables.processor.model.ParamType;
import io.jnftables.processor.model.ParameterDescriptor;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.text.NftSyntaxException;
import io.jnftables.text.RuleParser;
import io.jnftables.text.Schema;
import io.jnftables.text.Suggestions;
import io.jnftables.validate.IpAddress;
import io.jnftables.validate.IpPrefix;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the text of one {@code @Rule}: binds {@code $name} placeholders to the method's
 * parameters, parses the text with the runtime's parser, and finds where each parameter's value
 * lands in the statements.
 *
 * <p>Each placeholder is replaced by a sample value of its parameter's type ({@code 192.0.2.1} for
 * an IPv4 address, {@code 1} for a number, {@code { 1, 2 }} for a set of numbers) and the text is
 * parsed: if the parser refuses the sample where the placeholder stands, the parameter's type
 * cannot fill it. Parsing again with another sample for one parameter shows where its value lands
 * (the statements differ there and nowhere else); the writer puts the parameter's value at that
 * spot. The value at that spot must be what {@link Placeholders} makes of the sample, so that the
 * code generated for run time builds exactly what the parser builds for the same value.
 */
final class RuleCompiler {
  /** The outcome: statements and slots, or the findings that prevent them. */
  record Result(@Nullable CompiledRule rule, List<Finding> findings) {}

  /** Checks references to sets and objects in parsed statements; returns findings (none: fine). */
  interface References {
    List<Finding> check(List<Statement> statements);
  }

  private record Use(String name, int start, int end) {}

  private final Family family;
  private final Schema schema;
  private final String ruleRef;
  private final RuleDescriptor rule;

  RuleCompiler(Family family, Schema schema, String ruleRef, RuleDescriptor rule) {
    this.family = family;
    this.schema = schema;
    this.ruleRef = ruleRef;
    this.rule = rule;
  }

  Result compile(References references) {
    List<Finding> out = new ArrayList<>();
    String text = rule.text();
    List<Use> uses = scan(text);
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (int i = 0; i < rule.parameters().size(); i++) {
      byName.put(rule.parameters().get(i).name(), i);
    }
    for (Use u : uses) {
      if (!byName.containsKey(u.name())) {
        String s = Suggestions.closest(u.name(), byName.keySet());
        out.add(Finding.of(Diagnostic.PLACEHOLDER_WITHOUT_PARAMETER, rule.anchor().attribute("value"), ruleRef,
            u.name(), u.start() + 1, u.name(), s == null ? "" : " (did you mean $" + s + "?)"));
      }
    }
    for (ParameterDescriptor p : rule.parameters()) {
      if (uses.stream().noneMatch(u -> u.name().equals(p.name()))) {
        out.add(Finding.of(Diagnostic.UNUSED_PARAMETER, rule.anchor().attribute("value"), ruleRef,
            p.javaType() + " " + p.name(), p.name()));
      } else if (p.type() == null) {
        out.add(Finding.of(Diagnostic.UNSUPPORTED_PARAMETER_TYPE, rule.anchor().attribute("value"), ruleRef,
            p.name(), p.javaType()));
      }
    }
    if (!out.isEmpty()) {
      return new Result(null, out);
    }

    // sample values: IPv4 first for parameters that may be either family
    Map<String, Sample> samples = new HashMap<>();
    for (ParameterDescriptor p : rule.parameters()) {
      samples.put(p.name(), Sample.first(p.type()));
    }
    List<Statement> a;
    while (true) {
      try {
        a = parse(text, uses, samples, Map.of(), Schema.NONE);
        break;
      } catch (Refusal r) {
        if (r.use != null) {
          Sample s = samples.get(r.use.name());
          Sample next = s.next();
          if (next != null) {
            samples.put(r.use.name(), next);
            continue;
          }
          ParameterDescriptor p = rule.parameters().get(byName.get(r.use.name()));
          out.add(Finding.of(Diagnostic.PLACEHOLDER_TYPE_MISMATCH, rule.anchor().attribute("value"), ruleRef,
              p.javaType(), p.name(), r.use.name(), r.use.start() + 1, reason(r.error)));
        } else {
          out.add(syntax(r.error));
        }
        return new Result(null, out);
      }
    }
    List<Finding> refs = references.check(a);
    if (!refs.isEmpty()) {
      return new Result(null, refs);
    }
    try {
      parse(text, uses, samples, Map.of(), schema);
    } catch (Refusal r) {
      out.add(Finding.of(Diagnostic.SET_TYPE_MISMATCH, rule.anchor().attribute("value"), ruleRef,
          r.error.getMessage(), SyntaxErrors.caret(r.error)));
      return new Result(null, out);
    }

    List<CompiledRule.Slot> slots = new ArrayList<>();
    for (int i = 0; i < rule.parameters().size(); i++) {
      ParameterDescriptor p = rule.parameters().get(i);
      Sample s = samples.get(p.name());
      List<Statement> b;
      try {
        b = parse(text, uses, samples, Map.of(p.name(), s.b), Schema.NONE);
      } catch (Refusal r) {
        out.add(mismatch(p, uses, "the position takes " + s.a + " but not " + s.b));
        return new Result(null, out);
      }
      List<List<Object>> paths = Trees.diff(a, b);
      if (paths.isEmpty()) {
        out.add(mismatch(p, uses, "the parser drops the value there"));
        return new Result(null, out);
      }
      long max = s.conversion == CompiledRule.Conversion.NUMBER ? maxNumber(text, uses, samples, p.name())
          : s.conversion == CompiledRule.Conversion.STRING ? maxLength(text, uses, samples, p.name()) : 0;
      for (List<Object> spot : spots(paths, s.collection)) {
        CompiledRule.Slot slot = slot(a, b, spot, i, p, s, max);
        if (slot == null) {
          out.add(mismatch(p, uses, "the parser changes the value there (" + describe(Trees.get(a, spot))
              + " for " + s.a + ")"));
          return new Result(null, out);
        }
        slots.add(slot);
      }
    }
    return new Result(new CompiledRule(a, slots), List.of());
  }

  private Finding mismatch(ParameterDescriptor p, List<Use> uses, String why) {
    Use u = uses.stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
    return Finding.of(Diagnostic.PLACEHOLDER_TYPE_MISMATCH, rule.anchor().attribute("value"), ruleRef,
        p.javaType(), p.name(), p.name(), u.start() + 1, why);
  }

  private static String describe(@Nullable Object o) {
    return o == null ? "nothing" : o.toString();
  }

  /**
   * Where one parameter's value went: the differing paths grouped by use. A set's elements differ
   * one by one; their common parent is the spot. Uses of one parameter in several places give
   * several spots.
   */
  private static List<List<Object>> spots(List<List<Object>> paths, boolean collection) {
    List<List<Object>> out = new ArrayList<>();
    if (!collection) {
      out.addAll(paths);
      return out;
    }
    // group paths that share everything up to an "elements" list
    for (List<Object> p : paths) {
      int cut = p.lastIndexOf("elements");
      List<Object> spot = cut < 0 ? p : p.subList(0, cut);
      if (!out.contains(spot)) {
        out.add(List.copyOf(spot));
      }
    }
    return out;
  }

  /** The slot at {@code spot} or an ancestor: where the parsed node is the sample as Placeholders builds it. */
  private static CompiledRule.@Nullable Slot slot(
      List<Statement> a, List<Statement> b, List<Object> spot, int index, ParameterDescriptor p, Sample s, long max) {
    for (int len = spot.size(); len >= 1 && len >= spot.size() - 3; len--) {
      List<Object> path = spot.subList(0, len);
      Object na = Trees.get(a, path);
      Object nb = Trees.get(b, path);
      CompiledRule.Carrier carrier = carrier(na, nb, s);
      if (carrier != null) {
        return new CompiledRule.Slot(index, p.name(), path, carrier, s.conversion, max, s.collection);
      }
    }
    return null;
  }

  private static CompiledRule.@Nullable Carrier carrier(@Nullable Object na, @Nullable Object nb, Sample s) {
    if (na == null || nb == null) {
      return null;
    }
    if (na instanceof Expression && na.equals(s.expression(s.aValues)) && nb.equals(s.expression(s.bValues))) {
      return CompiledRule.Carrier.EXPRESSION;
    }
    if (s.collection) {
      return null;
    }
    Object ra = s.aValues.get(0);
    Object rb = s.bValues.get(0);
    if (s.conversion == CompiledRule.Conversion.STRING && na.equals(ra) && nb.equals(rb)) {
      return CompiledRule.Carrier.STRING;
    }
    if (s.conversion == CompiledRule.Conversion.NUMBER) {
      if (na instanceof Long && na.equals(ra) && nb.equals(rb)) {
        return CompiledRule.Carrier.LONG;
      }
      if (na instanceof Integer && ((Integer) na).longValue() == (Long) ra && ((Integer) nb).longValue() == (Long) rb) {
        return CompiledRule.Carrier.INT;
      }
    }
    return null;
  }

  private static final long[] NUMBER_PROBES = {
    3, 7, 15, 63, 255, 4095, 65535, 16_777_215, 4_294_967_295L, Long.MAX_VALUE
  };

  private long maxNumber(String text, List<Use> uses, Map<String, Sample> samples, String name) {
    long max = samples.get(name).collection ? 4 : 2;
    for (long probe : NUMBER_PROBES) {
      Sample s = samples.get(name);
      String value = s.collection ? "{ 1, " + Long.toUnsignedString(probe) + " }" : Long.toUnsignedString(probe);
      try {
        parse(text, uses, samples, Map.of(name, value), Schema.NONE);
        max = probe;
      } catch (Refusal r) {
        break;
      }
    }
    return max;
  }

  private static final int[] LENGTH_PROBES = {15, 31, 63, 127, 128, 255, 256, 1023, 4096};

  private long maxLength(String text, List<Use> uses, Map<String, Sample> samples, String name) {
    long max = 5;
    for (int probe : LENGTH_PROBES) {
      Sample s = samples.get(name);
      String one = "\"" + "x".repeat(probe) + "\"";
      String value = s.collection ? "{ \"jnftA\", " + one + " }" : one;
      try {
        parse(text, uses, samples, Map.of(name, value), Schema.NONE);
        max = probe;
      } catch (Refusal r) {
        break;
      }
    }
    return max;
  }

  // ------------------------------------------------------------------------------ parsing

  /** A parse error, and the placeholder it landed on (null: elsewhere in the text). */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final NftSyntaxException error;
    final transient @Nullable Use use;

    Refusal(NftSyntaxException error, @Nullable Use use) {
      super(null, null, false, false);
      this.error = error;
      this.use = use;
    }
  }

  private List<Statement> parse(
      String text, List<Use> uses, Map<String, Sample> samples, Map<String, String> overrides, Schema schema)
      throws Refusal {
    if (uses.isEmpty()) {
      try {
        return RuleParser.parse(text, family, schema);
      } catch (NftSyntaxException e) {
        throw new Refusal(e, null);
      }
    }
    StringBuilder sb = new StringBuilder();
    int[] newStart = new int[uses.size()];
    int[] newEnd = new int[uses.size()];
    int last = 0;
    for (int i = 0; i < uses.size(); i++) {
      Use u = uses.get(i);
      sb.append(text, last, u.start());
      newStart[i] = sb.length();
      String v = overrides.get(u.name());
      sb.append(v != null ? v : samples.get(u.name()).a);
      newEnd[i] = sb.length();
      last = u.end();
    }
    sb.append(text, last, text.length());
    String substituted = sb.toString();
    try {
      return RuleParser.parse(substituted, family, schema);
    } catch (NftSyntaxException e) {
      int off = e.offset();
      for (int i = 0; i < uses.size(); i++) {
        if (off >= newStart[i] && off < Math.max(newEnd[i], newStart[i] + 1)) {
          return throwAt(e, text, uses.get(i).start(), uses.get(i));
        }
      }
      // offsets after the last substituted region shift by the sum of the length changes before them
      int shift = 0;
      for (int i = 0; i < uses.size(); i++) {
        if (off >= newEnd[i]) {
          shift += (uses.get(i).end() - uses.get(i).start()) - (newEnd[i] - newStart[i]);
        }
      }
      return throwAt(e, text, Math.min(text.length(), Math.max(0, off + shift)), null);
    }
  }

  private static List<Statement> throwAt(NftSyntaxException e, String text, int offset, @Nullable Use use)
      throws Refusal {
    String token = use != null ? "$" + use.name() : e.token();
    NftSyntaxException moved = new NftSyntaxException(
        text, offset + 1, token, e.headline(), e.expected(), e.detail(), e.suggestion());
    throw new Refusal(moved, use);
  }

  private Finding syntax(NftSyntaxException e) {
    Diagnostic d = SyntaxErrors.classify(e);
    return Finding.of(d, rule.anchor().attribute("value"), ruleRef, e.getMessage(), SyntaxErrors.caret(e));
  }

  /** The parser's complaint without its position (the placeholder's column is given separately). */
  private static String reason(NftSyntaxException e) {
    StringBuilder sb = new StringBuilder(e.headline());
    if (e.detail() != null) {
      sb.append(": ").append(e.detail());
    } else if (!e.expected().isEmpty()) {
      sb.append(", expected ").append(String.join(", ", e.expected()));
    }
    return sb.toString();
  }

  /** {@code $name} uses outside quoted strings, in order. */
  private static List<Use> scan(String text) {
    List<Use> out = new ArrayList<>();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted) {
        i++;
      } else if (c == '$' && !quoted) {
        int j = i + 1;
        while (j < text.length() && (Character.isJavaIdentifierPart(text.charAt(j)))
            && (j > i + 1 || Character.isJavaIdentifierStart(text.charAt(j)))) {
          j++;
        }
        if (j > i + 1) {
          out.add(new Use(text.substring(i + 1, j), i, j));
          i = j - 1;
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------ samples

  /**
   * Two sample values of one parameter type (text {@code a} and {@code b}, as Java values {@code
   * aValues}, {@code bValues}), and how the Java value becomes a model value.
   */
  private static final class Sample {
    final ParamType type;
    final CompiledRule.Conversion conversion;
    final boolean collection;
    final String a;
    final String b;
    final List<Object> aValues;
    final List<Object> bValues;

    private Sample(ParamType type, CompiledRule.Conversion conversion, List<Object> aValues, List<Object> bValues) {
      this.type = type;
      this.conversion = conversion;
      this.collection = type.collection();
      this.aValues = aValues;
      this.bValues = bValues;
      this.a = text(conversion, aValues, collection);
      this.b = text(conversion, bValues, collection);
    }

    static Sample first(@Nullable ParamType type) {
      if (type == null) {
        throw new IllegalStateException("no samples for an unsupported parameter type");
      }
      switch (type.scalar()) {
        case INT:
        case LONG:
          return of(type, CompiledRule.Conversion.NUMBER);
        case STRING:
          return of(type, CompiledRule.Conversion.STRING);
        case INET6ADDRESS:
          return of(type, CompiledRule.Conversion.IPV6);
        case INET4ADDRESS:
        case INETADDRESS:
        case IPADDRESS:
          return of(type, CompiledRule.Conversion.IPV4);
        case IPPREFIX:
          return of(type, CompiledRule.Conversion.PREFIX4);
        default:
          throw new AssertionError(type);
      }
    }

    /** The IPv6 sample for a parameter that may be either family, after IPv4 was refused. */
    @Nullable Sample next() {
      ParamType.Scalar sc = type.scalar();
      boolean either = sc == ParamType.Scalar.INETADDRESS || sc == ParamType.Scalar.IPADDRESS;
      if (either && conversion == CompiledRule.Conversion.IPV4) {
        return of(type, CompiledRule.Conversion.IPV6);
      }
      if (sc == ParamType.Scalar.IPPREFIX && conversion == CompiledRule.Conversion.PREFIX4) {
        return of(type, CompiledRule.Conversion.PREFIX6);
      }
      return null;
    }

    private static Sample of(ParamType type, CompiledRule.Conversion c) {
      boolean coll = type.collection();
      switch (c) {
        case NUMBER:
          return new Sample(type, c, coll ? List.of(1L, 2L) : List.of(1L), coll ? List.of(3L, 4L) : List.of(2L));
        case STRING:
          return new Sample(type, c, coll ? List.of("jnftA", "jnftC") : List.of("jnftA"),
              coll ? List.of("jnftB", "jnftD") : List.of("jnftB"));
        case IPV4:
          return new Sample(type, c, coll ? List.of("192.0.2.1", "192.0.2.3") : List.of("192.0.2.1"),
              coll ? List.of("192.0.2.2", "192.0.2.4") : List.of("192.0.2.2"));
        case IPV6:
          return new Sample(type, c, coll ? List.of("2001:db8::1", "2001:db8::3") : List.of("2001:db8::1"),
              coll ? List.of("2001:db8::2", "2001:db8::4") : List.of("2001:db8::2"));
        case PREFIX4:
          return new Sample(type, c, coll ? List.of("192.0.2.0/24", "198.51.100.0/24") : List.of("192.0.2.0/24"),
              coll ? List.of("203.0.113.0/24", "10.0.0.0/8") : List.of("198.51.100.0/24"));
        case PREFIX6:
          return new Sample(type, c, coll ? List.of("2001:db8::/32", "2001:db9::/32") : List.of("2001:db8::/32"),
              coll ? List.of("2001:dba::/32", "2001:dbb::/32") : List.of("2001:db8:1::/48"));
        default:
          throw new AssertionError(c);
      }
    }

    private static String text(CompiledRule.Conversion c, List<Object> values, boolean collection) {
      List<String> parts = new ArrayList<>();
      for (Object v : values) {
        parts.add(c == CompiledRule.Conversion.STRING ? "\"" + v + "\"" : v.toString());
      }
      return collection ? "{ " + String.join(", ", parts) + " }" : parts.get(0);
    }

    /** What {@link Placeholders} makes of these values. */
    Expression expression(List<Object> values) {
      Function<Object, Expression> each = v -> one(conversion, v);
      return collection ? Placeholders.set(values, each, "sample") : each.apply(values.get(0));
    }

    private static Expression one(CompiledRule.Conversion c, Object v) {
      switch (c) {
        case NUMBER:
          return Placeholders.number((Long) v, Long.MAX_VALUE, "sample");
        case STRING:
          return Placeholders.string((String) v, 4096, "sample");
        case IPV4:
          return Placeholders.ipv4(inet((String) v), "sample");
        case IPV6:
          return Placeholders.ipv6(inet((String) v), "sample");
        case PREFIX4:
          return Placeholders.prefix4(prefix((String) v), "sample");
        case PREFIX6:
          return Placeholders.prefix6(prefix((String) v), "sample");
        default:
          throw new AssertionError(c);
      }
    }

    private static InetAddress inet(String text) {
      try {
        return InetAddress.getByAddress(IpAddress.parse(text).bytes());
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    private static IpPrefix prefix(String text) {
      int slash = text.indexOf('/');
      return new IpPrefix(IpAddress.parse(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }
  }
}
