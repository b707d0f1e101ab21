package io.jnftables.processor.validation;

import io.jnftables.model.stmt.Statement;
import java.util.List;
import java.util.Objects;

/**
 * A rule text as the writer needs it: the statements the parser made of it (with sample values
 * where the placeholders are) and, per placeholder, where in those statements the parameter's
 * value goes.
 */
public record CompiledRule(List<Statement> statements, List<Slot> slots) {
  public CompiledRule {
    statements = List.copyOf(statements);
    slots = List.copyOf(slots);
  }

  /** How the value is stored where the placeholder stands. */
  public enum Carrier {
    /** An {@code Expression} (a match's right side, a NAT address, …). */
    EXPRESSION,
    /** A {@code String} component (a log prefix, …). */
    STRING,
    /** A {@code Long} component. */
    LONG,
    /** An {@code Integer} component. */
    INT
  }

  /** What the value is converted to (see {@code io.jnftables.batch.Placeholders}). */
  public enum Conversion {
    IPV4,
    IPV6,
    PREFIX4,
    PREFIX6,
    NUMBER,
    STRING
  }

  /**
   * One use of a parameter.
   *
   * @param parameter the parameter's index in the method
   * @param placeholder the placeholder's name (the parameter's)
   * @param path where the value goes: statement index, then record component names and list
   *     indices
   * @param carrier how the value is stored there
   * @param conversion what the Java value becomes
   * @param max the largest number (NUMBER) or the longest string (STRING) the position takes
   * @param collection whether the parameter is a collection (an anonymous set)
   */
  public record Slot(
      int parameter, String placeholder, List<Object> path, Carrier carrier, Conversion conversion, long max,
      boolean collection) {
    public Slot {
      Objects.requireNonNull(placeholder, "placeholder");
      path = List.copyOf(path);
      Objects.requireNonNull(carrier, "carrier");
      Objects.requireNonNull(conversion, "conversion");
    }
  }
}
