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
    List<Statement> statements)
    implements NftObject {

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
        comment, statements);
  }

  public NamedSet withoutHandle() {
    return handle == null
        ? this
        : new NamedSet(
            kind, family, table, name, null, type, mapType, policy, flags, elements, timeout, gcInterval,
            size, comment, statements);
  }
}
