package io.jnftables.model;

import io.jnftables.annotations.Family;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named set, map or meter: {@code {"set":{"family":…,"table":…,"name":…,"type":"ipv4_addr",
 * "flags":["interval"],"elem":[…]}}}, {@code {"map":{…,"type":"inet_service","map":"verdict"}}}.
 *
 * @param kind which JSON key the object has: {@code set}, {@code map} or {@code meter}
 * @param type the key type, one name per concatenated part ({@code ["ipv4_addr","inet_service"]});
 *     empty when the object only names a set (delete, list, flush)
 * @param mapType the type of a map's values ({@code "verdict"}, {@code "ipv4_addr"}, …; JSON
 *     {@code map})
 * @param policy {@code "performance"} or {@code "memory"}
 * @param flags {@code "constant"}, {@code "interval"}, {@code "timeout"}, …
 * @param elements the elements; for maps {@link io.jnftables.model.expr.MappingExpr}s
 * @param timeout default element timeout, in seconds
 * @param gcInterval garbage collection interval, in seconds ({@code gc-interval})
 * @param statements statements every element gets, e.g. {@code counter} ({@code stmt})
 * @param typeof the expressions the key (and a map's data) were declared by ({@code typeof ip
 *     saddr : meta mark}); {@code type} and {@code mapType} then hold the data types they stand
 *     for. nft 1.0.6's JSON has no form for it (it lists the data types), so it is only read from
 *     and written to nft text
 * @param autoMerge whether adjacent and overlapping intervals are merged ({@code auto-merge});
 *     also text only in nft 1.0.6
 * @param dataInterval whether a map's values are intervals ({@code type ipv4_addr : interval
 *     ipv4_addr}); text only in nft 1.0.6, whose JSON input refuses such values
 */
public record NamedSet(
    NamedSet.Kind kind,
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    List<String> type,
    @Nullable String mapType,
    @Nullable String policy,
    List<String> flags,
    List<Expression> elements,
    @Nullable Long timeout,
    @Nullable Long gcInterval,
    @Nullable Long size,
    @Nullable String comment,
    List<Statement> statements,
    NamedSet.@Nullable Typeof typeof,
    boolean autoMerge,
    boolean dataInterval)
    implements NftObject {

  /**
   * A {@code typeof} declaration: the key expression (a {@link io.jnftables.model.expr.ConcatExpr}
   * for a concatenation) and, for a map whose values are declared by an expression, that
   * expression ({@code null} when the values are declared by a type, e.g. {@code : verdict}).
   */
  public record Typeof(Expression key, @Nullable Expression data) {
    public Typeof {
      Objects.requireNonNull(key, "key");
    }
  }

  /** The JSON key of the object. */
  public enum Kind {
    SET("set"),
    MAP("map"),
    METER("meter");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  public NamedSet {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    type = List.copyOf(type);
    flags = List.copyOf(flags);
    elements = List.copyOf(elements);
    statements = List.copyOf(statements);
  }

  /** A set declared by data types, without {@code auto-merge}: all that nft 1.0.6's JSON can say. */
  public NamedSet(
      Kind kind, Family family, String table, String name, @Nullable Long handle, List<String> type,
      @Nullable String mapType, @Nullable String policy, List<String> flags, List<Expression> elements,
      @Nullable Long timeout, @Nullable Long gcInterval, @Nullable Long size, @Nullable String comment,
      List<Statement> statements) {
    this(kind, family, table, name, handle, type, mapType, policy, flags, elements, timeout, gcInterval, size,
        comment, statements, null, false, false);
  }

  /** A set of {@code type} (one name, or several for a concatenation) with these flags. */
  public static NamedSet set(
      Family family, String table, String name, List<String> type, List<String> flags) {
    return new NamedSet(
        Kind.SET, family, Names.check("table", table), Names.check("set", name), null, type, null, null,
        flags, List.of(), null, null, null, null, List.of());
  }

  /** A map from {@code type} to {@code mapType} with these flags. */
  public static NamedSet map(
      Family family, String table, String name, List<String> type, String mapType, List<String> flags) {
    return new NamedSet(
        Kind.MAP, family, Names.check("table", table), Names.check("map", name), null, type,
        Objects.requireNonNull(mapType, "mapType"), null, flags, List.of(), null, null, null, null,
        List.of());
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  /** The same set with these elements. */
  public NamedSet withElements(List<Expression> elements) {
    return new NamedSet(
        kind, family, table, name, handle, type, mapType, policy, flags, elements, timeout, gcInterval, size,
        comment, statements, typeof, autoMerge, dataInterval);
  }

  public NamedSet withoutHandle() {
    return handle == null
        ? this
        : new NamedSet(
            kind, family, table, name, null, type, mapType, policy, flags, elements, timeout, gcInterval,
            size, comment, statements, typeof, autoMerge, dataInterval);
  }
}
