package io.jnftables.client;

import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutates any record of the model (objects, statements, expressions) in one place chosen at
 * random, at any depth: a string, number, flag, enum, list or sub-expression is replaced by an odd
 * or out-of-place value. Generic over record components, so every statement and expression kind
 * the model has is reached without code per kind. Immutable in, immutable out; a record whose
 * constructor refuses the new value is returned unchanged.
 */
final class ModelMutator {
  static final String[] ODD_STRINGS = {"", "x", "nosuch", "tcp", "ip", "inet", "ct", "timeout", "any", "0", "-1",
      "65536", "ñé", "a b", "a\"b", "\\", "%s", "@s4", "$v", "1.2.3.4", "::1", "eth0", "lo", "*", "interval",
      "dynamic", "verdict", "accept", "established", "a".repeat(300)};
  static final long[] ODD_LONGS = {0, 1, -1, 2, 255, 256, 65535, 65536, 0x7fffffffL, 0x80000000L, 0xffffffffL,
      0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, 1000, 3600};

  private final List<Expression> expressions;
  private final List<Statement> statements;

  ModelMutator(List<Expression> expressions, List<Statement> statements) {
    this.expressions = expressions;
    this.statements = statements;
  }

  /** {@code value} with one mutation somewhere in it (or unchanged if none applied). */
  @SuppressWarnings("unchecked")
  <T> T mutate(T value, SplittableRandom r) {
    int slots = count(value);
    if (slots == 0) {
      return value;
    }
    int[] target = {r.nextInt(slots)};
    try {
      return (T) rebuild(value, target, r);
    } catch (RuntimeException e) {
      return value;
    }
  }

  /** How many places of {@code v} (itself included) a mutation can hit. */
  private int count(Object v) {
    int n = 1;
    if (v instanceof Record rec) {
      for (RecordComponent c : rec.getClass().getRecordComponents()) {
        Object x = get(rec, c);
        if (x != null) {
          n += count(x);
        } else {
          n++;
        }
      }
    } else if (v instanceof List<?> list) {
      for (Object x : list) {
        n += x == null ? 0 : count(x);
      }
    }
    return n;
  }

  /** Walks {@code v} in the order of {@link #count}; replaces the place {@code target[0]} counts down to. */
  private Object rebuild(Object v, int[] target, SplittableRandom r) {
    if (target[0]-- == 0) {
      return replacement(v, v.getClass(), r);
    }
    if (v instanceof Record rec) {
      RecordComponent[] cs = rec.getClass().getRecordComponents();
      Object[] args = new Object[cs.length];
      boolean changed = false;
      for (int i = 0; i < cs.length; i++) {
        Object x = get(rec, cs[i]);
        Object y;
        if (target[0] < 0) {
          y = x;
        } else if (x == null) {
          y = target[0]-- == 0 ? replacement(null, cs[i].getGenericType(), r) : null;
        } else {
          y = rebuildTyped(x, cs[i].getGenericType(), target, r);
        }
        args[i] = y;
        changed |= y != x;
      }
      return changed ? construct(rec.getClass(), cs, args) : v;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list);
      for (int i = 0; i < out.size() && target[0] >= 0; i++) {
        Object x = out.get(i);
        if (x != null) {
          out.set(i, rebuild(x, target, r));
        }
      }
      return List.copyOf(out);
    }
    return v;
  }

  private Object rebuildTyped(Object x, Type declared, int[] target, SplittableRandom r) {
    if (target[0] == 0) {
      target[0]--;
      return replacement(x, declared, r);
    }
    return rebuild(x, target, r);
  }

  /** An odd value of the declared type (current value {@code v}, may be null). */
  private Object replacement(Object v, Type declared, SplittableRandom r) {
    Class<?> raw = declared instanceof Class<?> c ? c : declared instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    if (v instanceof Expression || Expression.class.isAssignableFrom(raw)) {
      return oddExpression(r);
    }
    if (v instanceof Statement || Statement.class.isAssignableFrom(raw)) {
      return statements.get(r.nextInt(statements.size()));
    }
    if (raw == String.class || v instanceof String) {
      return r.nextInt(8) == 0 ? null : ODD_STRINGS[r.nextInt(ODD_STRINGS.length)];
    }
    if (raw == Long.class || raw == long.class || v instanceof Long) {
      return raw == Long.class && r.nextInt(6) == 0 ? null : ODD_LONGS[r.nextInt(ODD_LONGS.length)];
    }
    if (raw == Integer.class || raw == int.class || v instanceof Integer) {
      return raw == Integer.class && r.nextInt(6) == 0 ? null : (int) ODD_LONGS[r.nextInt(ODD_LONGS.length)];
    }
    if (raw == Boolean.class || raw == boolean.class || v instanceof Boolean) {
      return !(v instanceof Boolean b && b);
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[r.nextInt(constants.length)];
    }
    if (v != null && v.getClass().isEnum()) {
      Object[] constants = v.getClass().getEnumConstants();
      return constants[r.nextInt(constants.length)];
    }
    if (List.class.isAssignableFrom(raw) || v instanceof List) {
      List<?> list = v instanceof List<?> l ? l : List.of();
      Type element = declared instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      return oddList(list, element, r);
    }
    if (Map.class.isAssignableFrom(raw) || v instanceof Map) {
      Map<String, Long> m = new LinkedHashMap<>();
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        m.put(ODD_STRINGS[r.nextInt(ODD_STRINGS.length)], ODD_LONGS[r.nextInt(ODD_LONGS.length)]);
      }
      return m;
    }
    return v;
  }

  private List<?> oddList(List<?> list, Type element, SplittableRandom r) {
    List<Object> out = new ArrayList<>(list);
    switch (r.nextInt(4)) {
      case 0 -> out.clear();
      case 1 -> {
        if (!out.isEmpty()) {
          out.remove(r.nextInt(out.size()));
        }
      }
      case 2 -> {
        if (!out.isEmpty()) {
          out.add(out.get(r.nextInt(out.size())));
        }
      }
      default -> {
        Object extra = replacement(null, element, r);
        if (extra != null) {
          out.add(extra);
        }
      }
    }
    return out;
  }

  /** A pooled expression from the corpus, or a composite of pooled ones. */
  Expression oddExpression(SplittableRandom r) {
    try {
      return composite(r);
    } catch (IllegalArgumentException e) {
      return pooled(r); // a value the model refuses, e.g. a prefix longer than 128
    }
  }

  private Expression composite(SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0 -> new io.jnftables.model.expr.NumberLiteral(ODD_LONGS[r.nextInt(ODD_LONGS.length)]);
      case 1 -> new io.jnftables.model.expr.StringLiteral(ODD_STRINGS[r.nextInt(ODD_STRINGS.length)]);
      case 2 -> new io.jnftables.model.expr.SetExpr(List.of(pooled(r), pooled(r)));
      case 3 -> new io.jnftables.model.expr.ConcatExpr(List.of(pooled(r), pooled(r)));
      case 4 -> new io.jnftables.model.expr.RangeExpr(pooled(r), pooled(r));
      case 5 -> new io.jnftables.model.expr.PrefixExpr(pooled(r), (int) ODD_LONGS[r.nextInt(ODD_LONGS.length)]);
      case 6 -> new io.jnftables.model.expr.BinaryExpr(
          io.jnftables.model.expr.BinaryOperator.values()[r.nextInt(5)], pooled(r), pooled(r));
      case 7 -> new io.jnftables.model.expr.MapExpr(pooled(r), pooled(r));
      default -> pooled(r);
    };
  }

  Expression pooled(SplittableRandom r) {
    return expressions.get(r.nextInt(expressions.size()));
  }

  private static Object get(Record rec, RecordComponent c) {
    try {
      return c.getAccessor().invoke(rec);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object construct(Class<?> type, RecordComponent[] cs, Object[] args) {
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot rebuild " + type.getSimpleName(), e);
    }
  }

  /** Every expression and statement inside {@code v}, at any depth. */
  static void harvest(Object v, List<Expression> expressions, List<Statement> statements) {
    if (v instanceof Expression e) {
      expressions.add(e);
    }
    if (v instanceof Statement s) {
      statements.add(s);
    }
    if (v instanceof Record rec) {
      for (RecordComponent c : rec.getClass().getRecordComponents()) {
        Object x = get(rec, c);
        if (x != null) {
          harvest(x, expressions, statements);
        }
      }
    } else if (v instanceof List<?> list) {
      for (Object x : list) {
        if (x != null) {
          harvest(x, expressions, statements);
        }
      }
    }
  }
}
