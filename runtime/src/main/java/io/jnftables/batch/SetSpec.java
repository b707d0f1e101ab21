package io.jnftables.batch;

import io.jnftables.annotations.Family;
import io.jnftables.model.NamedSet;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Statement;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a named set or map holds and how: {@code SetSpec.of("ipv4_addr").flags("interval")},
 * {@code SetSpec.of("ipv4_addr", "inet_service")} (a concatenation), {@code
 * SetSpec.of("inet_service").map("verdict")}, with a default timeout, a size, per-element
 * counters and initial elements.
 */
public final class SetSpec {
  /** Set flags nft 1.0.6's JSON accepts ({@code dynamic} is not among them: see the DSL's meters). */
  public static final Set<String> FLAGS = Set.of("constant", "interval", "timeout");

  private final List<String> type;
  private final @Nullable String mapType;
  private final List<String> flags;
  private final @Nullable Long timeout;
  private final @Nullable Long gcInterval;
  private final @Nullable Long size;
  private final @Nullable String policy;
  private final @Nullable String comment;
  private final boolean counter;
  private final List<Object> elements;

  private SetSpec(List<String> type, @Nullable String mapType, List<String> flags, @Nullable Long timeout,
      @Nullable Long gcInterval, @Nullable Long size, @Nullable String policy, @Nullable String comment,
      boolean counter, List<Object> elements) {
    this.type = type;
    this.mapType = mapType;
    this.flags = flags;
    this.timeout = timeout;
    this.gcInterval = gcInterval;
    this.size = size;
    this.policy = policy;
    this.comment = comment;
    this.counter = counter;
    this.elements = elements;
  }

  /** Elements of this type; several names make a concatenation ({@code ipv4_addr . inet_service}). */
  public static SetSpec of(String... type) {
    if (type.length == 0) {
      throw new IllegalArgumentException("a set needs a type, e.g. \"ipv4_addr\"");
    }
    for (String t : type) {
      if (!t.matches("[a-z0-9_]+")) {
        throw new InvalidValueException("set type", t, "an nft data type name like ipv4_addr, inet_service, ifname");
      }
    }
    return new SetSpec(List.of(type), null, List.of(), null, null, null, null, null, false, List.of());
  }

  /** A map from this type to {@code valueType} ({@code "verdict"}, {@code "ipv4_addr"}, {@code "mark"}, …). */
  public SetSpec map(String valueType) {
    return new SetSpec(type, Objects.requireNonNull(valueType), flags, timeout, gcInterval, size, policy, comment, counter, elements);
  }

  /** {@code constant}, {@code interval}, {@code timeout}. */
  public SetSpec flags(String... flags) {
    for (String f : flags) {
      if (!FLAGS.contains(f)) {
        throw new InvalidValueException(
            "set flag", f, "nft 1.0.6 accepts constant, interval and timeout" + (f.equals("dynamic")
                ? " (it marks a set dynamic itself when a rule in the same batch updates it with statements)" : ""));
      }
    }
    return new SetSpec(type, mapType, List.copyOf(new java.util.LinkedHashSet<>(Arrays.asList(flags))), timeout, gcInterval, size, policy, comment, counter, elements);
  }

  /** Default element timeout (adds the {@code timeout} flag). */
  public SetSpec timeout(Duration timeout) {
    List<String> f = new ArrayList<>(flags);
    if (!f.contains("timeout")) {
      f.add("timeout");
    }
    return new SetSpec(type, mapType, List.copyOf(f), seconds("timeout", timeout), gcInterval, size, policy, comment, counter, elements);
  }

  public SetSpec gcInterval(Duration interval) {
    return new SetSpec(type, mapType, flags, timeout, seconds("gc-interval", interval), size, policy, comment, counter, elements);
  }

  public SetSpec size(long size) {
    return new SetSpec(type, mapType, flags, timeout, gcInterval, Validate.rate("set size", size), policy, comment, counter, elements);
  }

  /** {@code performance} or {@code memory}. */
  public SetSpec policy(String policy) {
    if (!policy.equals("performance") && !policy.equals("memory")) {
      throw new InvalidValueException("set policy", policy, "performance or memory");
    }
    return new SetSpec(type, mapType, flags, timeout, gcInterval, size, policy, comment, counter, elements);
  }

  /**
   * A comment: nft 1.0.6's JSON input ignores set and map comments silently, so this throws {@link
   * io.jnftables.validate.UnsupportedFeatureException}; on a newer nft build the {@link NamedSet}
   * directly.
   */
  public SetSpec comment(String comment) {
    Validate.comment(comment);
    if (comment != null) {
      throw new io.jnftables.validate.UnsupportedFeatureException(
          "set and map comments: nft 1.0.6's JSON input ignores them silently (nft text accepts them)");
    }
    return new SetSpec(type, mapType, flags, timeout, gcInterval, size, policy, Validate.comment(comment), counter, elements);
  }

  /** A counter on every element ({@code counter} in the set). */
  public SetSpec counter() {
    return new SetSpec(type, mapType, flags, timeout, gcInterval, size, policy, comment, true, elements);
  }

  /** Initial elements: values, {@link Elem}s, or for maps {@link Elem#mapping}s. */
  public SetSpec elements(Object... elements) {
    List<Object> e = new ArrayList<>(this.elements);
    e.addAll(Arrays.asList(elements));
    return new SetSpec(type, mapType, flags, timeout, gcInterval, size, policy, comment, counter, List.copyOf(e));
  }

  public List<String> type() {
    return type;
  }

  public @Nullable String mapType() {
    return mapType;
  }

  /** The model object: a set, or a map when {@link #map} was given. */
  public NamedSet toSet(Family family, String table, String name) {
    List<Expression> elems = new ArrayList<>();
    for (Object o : elements) {
      elems.add(Elements.toExpression(type, mapType, o));
    }
    List<Statement> stmts = counter ? List.of(Counter.NEW) : List.of();
    return new NamedSet(
        mapType == null ? NamedSet.Kind.SET : NamedSet.Kind.MAP, family, Validate.name("table", table),
        Validate.name(mapType == null ? "set" : "map", name), null, type, mapType, policy, flags, elems, timeout,
        gcInterval, size, comment, stmts);
  }

  private static long seconds(String what, Duration d) {
    if (d.isNegative() || d.isZero() || d.getNano() != 0) {
      throw new InvalidValueException(what, d, "a positive number of whole seconds");
    }
    return d.getSeconds();
  }
}
