package io.jnftables.dsl;

import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.stmt.Operator;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.Validate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The right side of a match: a value with its comparison, a range, an anonymous set, a named
 * set, or a list of flags. Values are checked against the key they are matched with, when the
 * match is built. Create them with the static methods of {@link Expr}:
 *
 * <pre>{@code
 * tcp().dport(range(8000, 9000))          // tcp dport 8000-9000
 * tcp().dport(oneOf(80, 443))             // tcp dport { 80, 443 }
 * ip().saddr(ref("blocklist"))            // ip saddr @blocklist
 * ip().ttl(lt(64))                        // ip ttl < 64
 * ip().daddr(not(oneOf("10.0.0.1", "10.0.0.2")))  // ip daddr != { 10.0.0.1, 10.0.0.2 }
 * }</pre>
 */
public final class Operand {
  enum Form {
    VALUE,
    RANGE,
    SET,
    REF,
    FLAGS
  }

  private final Form form;
  private final List<Object> values;
  private final Operator op;
  private final boolean explicit;

  private Operand(Form form, List<Object> values, Operator op, boolean explicit) {
    this.form = form;
    this.values = values;
    this.op = op;
    this.explicit = explicit;
  }

  static Operand value(Object v) {
    return new Operand(Form.VALUE, List.of(Objects.requireNonNull(v, "value")), Operator.EQ, false);
  }

  static Operand compare(Operator op, Object v) {
    return new Operand(Form.VALUE, List.of(Objects.requireNonNull(v, "value")), op, true);
  }

  static Operand range(Object low, Object high) {
    return new Operand(
        Form.RANGE, List.of(Objects.requireNonNull(low, "low"), Objects.requireNonNull(high, "high")), Operator.EQ, false);
  }

  static Operand set(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an anonymous set needs at least one value");
    }
    return new Operand(Form.SET, List.copyOf(values), Operator.EQ, false);
  }

  static Operand flags(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("at least one flag is needed");
    }
    return new Operand(Form.FLAGS, List.copyOf(values), Operator.IN, false);
  }

  static Operand ref(String set) {
    String name = set.startsWith("@") ? set.substring(1) : set;
    Validate.name("set", name);
    return new Operand(Form.REF, List.of(name), Operator.EQ, false);
  }

  /** The same values, not matching: {@code !=} (only for a value, a range, a set or a set reference). */
  public Operand not() {
    if (explicit && op != Operator.EQ && op != Operator.NE) {
      throw new IllegalArgumentException("not() of " + op.json() + " is not an nft operator; use the opposite comparison");
    }
    if (form == Form.FLAGS) {
      throw new IllegalArgumentException("not() of a flag list: use a mask, e.g. tcpFlags(flags, mask)");
    }
    return new Operand(form, values, op == Operator.NE ? Operator.EQ : Operator.NE, true);
  }

  Form form() {
    return form;
  }

  List<Object> values() {
    return values;
  }

  /** The operator nft uses for this operand on a key of {@code type}. */
  Operator op(ValueType type) {
    if (explicit) {
      return op;
    }
    if (form == Form.FLAGS) {
      return Operator.IN;
    }
    return form == Form.VALUE && type.bitmask() ? Operator.IN : Operator.EQ;
  }

  /** The right-hand expression, each value checked against {@code type}; {@code what} names the key. */
  Expression expression(ValueType type, String what) {
    switch (form) {
      case VALUE:
        return type.value(values.get(0), what);
      case RANGE: {
        Expression lo = type.element(values.get(0), what);
        Expression hi = type.element(values.get(1), what);
        if (lo instanceof NumberLiteral a && hi instanceof NumberLiteral b && a.value() > b.value()) {
          throw new InvalidValueException(what + " range", values.get(0) + "-" + values.get(1), "the first value is above the last");
        }
        return new RangeExpr(lo, hi);
      }
      case SET: {
        List<Expression> out = new ArrayList<>();
        for (Object v : values) {
          out.add(v instanceof Operand o && o.form == Form.RANGE ? o.expression(type, what) : type.element(v, what));
        }
        return new SetExpr(out);
      }
      case FLAGS: {
        List<Expression> out = new ArrayList<>();
        for (Object v : values) {
          out.add(type.value(v, what));
        }
        return out.size() == 1 ? out.get(0) : new ListExpr(out);
      }
      case REF:
        return new SetReference((String) values.get(0));
      default:
        throw new IllegalStateException(form.toString());
    }
  }

  @Override
  public String toString() {
    String prefix = explicit && op != Operator.EQ ? op.json() + " " : "";
    switch (form) {
      case RANGE:
        return prefix + values.get(0) + "-" + values.get(1);
      case SET: {
        List<String> s = new ArrayList<>();
        values.forEach(v -> s.add(Text.value(v)));
        return prefix + "{ " + String.join(", ", s) + " }";
      }
      case FLAGS: {
        List<String> s = new ArrayList<>();
        values.forEach(v -> s.add(Text.value(v)));
        return String.join(",", s);
      }
      case REF:
        return prefix + "@" + values.get(0);
      default:
        return prefix + Text.value(values.get(0));
    }
  }
}
