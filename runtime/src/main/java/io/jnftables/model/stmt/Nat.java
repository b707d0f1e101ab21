package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Network address translation: {@code snat}, {@code dnat}, {@code masquerade} or {@code redirect},
 * e.g. {@code dnat ip to 10.0.0.1:8080}: {@code
 * {"dnat":{"family":"ip","addr":"10.0.0.1","port":8080}}}.
 * {@code {"masquerade":null}} when nothing is set.
 *
 * @param family {@code "ip"} or {@code "ip6"}, needed in inet tables
 * @param flags {@code "random"}, {@code "fully-random"}, {@code "persistent"}, …
 * @param typeFlags {@code "interval"}, {@code "prefix"}, {@code "concat"} ({@code type_flags})
 */
public record Nat(
    Nat.Type type,
    @Nullable String family,
    @Nullable Expression address,
    @Nullable Expression port,
    List<String> flags,
    List<String> typeFlags)
    implements Statement {

  /** The kind of translation; the JSON key of the statement. */
  public enum Type {
    SNAT("snat"),
    DNAT("dnat"),
    MASQUERADE("masquerade"),
    REDIRECT("redirect");

    private final String json;

    Type(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }

    public static @Nullable Type fromJson(String key) {
      for (Type t : values()) {
        if (t.json.equals(key)) {
          return t;
        }
      }
      return null;
    }
  }

  public Nat {
    Objects.requireNonNull(type, "type");
    flags = List.copyOf(flags);
    typeFlags = List.copyOf(typeFlags);
  }

  /** {@code snat to address}. */
  public static Nat snat(Expression address) {
    return new Nat(Type.SNAT, null, address, null, List.of(), List.of());
  }

  /** {@code dnat to address[:port]}. */
  public static Nat dnat(Expression address, @Nullable Expression port) {
    return new Nat(Type.DNAT, null, address, port, List.of(), List.of());
  }

  /** {@code masquerade}. */
  public static Nat masquerade() {
    return new Nat(Type.MASQUERADE, null, null, null, List.of(), List.of());
  }

  /** {@code redirect to :port}. */
  public static Nat redirect(Expression port) {
    return new Nat(Type.REDIRECT, null, null, port, List.of(), List.of());
  }
}
