package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.StringLiteral;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Uses a named stateful object, e.g. {@code counter name "c1"}: {@code {"counter":"c1"}}, or picks
 * one through a map, {@code ct helper set tcp dport map { 21 : "ftp" }}: {@code {"ct
 * helper":{"map":…}}}.
 *
 * @param reference the object's name ({@code StringLiteral}) or an expression choosing it
 */
public record ObjectRef(ObjectRef.Type type, Expression reference) implements Statement {

  /** The kinds of named object a rule can reference; the JSON key of the statement. */
  public enum Type {
    COUNTER("counter"),
    QUOTA("quota"),
    LIMIT("limit"),
    CT_HELPER("ct helper"),
    CT_TIMEOUT("ct timeout"),
    CT_EXPECTATION("ct expectation"),
    SYNPROXY("synproxy"),
    SECMARK("secmark");

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

  public ObjectRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reference, "reference");
  }

  /** A reference by name, e.g. {@code counter name "c1"}. */
  public static ObjectRef named(Type type, String name) {
    return new ObjectRef(type, new StringLiteral(name));
  }
}
