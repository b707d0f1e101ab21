package io.jnftables.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Java source that constructs a given model value: {@code statement(Verdict.ACCEPT)} is the code
 * {@code Verdict.ACCEPT}. The common statements and expressions have hand-written forms; every
 * other record of the model is built by its canonical constructor from its components, so any
 * rule the parser reads can be generated. Raw statements and expressions never come out of the
 * parser; asking for one is a bug and throws {@link IllegalArgumentException}.
 */
public final class ModelCode {
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName MATCH = ClassName.get(Match.class);
  static final ClassName OPERATOR = ClassName.get(Operator.class);
  static final ClassName COUNTER = ClassName.get(Counter.class);
  static final ClassName LOG = ClassName.get(Log.class);
  static final ClassName VERDICT = ClassName.get(Verdict.class);
  static final ClassName REJECT = ClassName.get(Reject.class);

  private ModelCode() {}

  /** No substitutions. */
  private static final java.util.Map<List<Object>, CodeBlock> NONE = java.util.Map.of();

  /**
   * Code for {@code statements} as a {@code List.of(...)}, where the node at each path of {@code
   * substitutions} (statement index, then record component names and list indices) is replaced by
   * the given code.
   */
  public static CodeBlock statements(List<Statement> statements, java.util.Map<List<Object>, CodeBlock> substitutions) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of(\n", LIST);
    for (int i = 0; i < statements.size(); i++) {
      b.add("$L$L", any(statements.get(i), List.of(i), substitutions), i + 1 < statements.size() ? ",\n" : ")");
    }
    return b.build();
  }

  private static boolean touched(List<Object> path, java.util.Map<List<Object>, CodeBlock> substitutions) {
    for (List<Object> p : substitutions.keySet()) {
      if (p.size() >= path.size() && p.subList(0, path.size()).equals(path)) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> plus(List<Object> path, Object step) {
    List<Object> out = new java.util.ArrayList<>(path);
    out.add(step);
    return out;
  }

  private static CodeBlock any(@Nullable Object v, List<Object> path, java.util.Map<List<Object>, CodeBlock> subst) {
    CodeBlock replaced = subst.get(path);
    if (replaced != null) {
      return replaced;
    }
    if (!touched(path, subst)) {
      if (v instanceof Statement st) {
        return statement(st);
      }
      if (v instanceof Expression ex) {
        return expression(ex);
      }
      return component(v, Object.class);
    }
    if (v instanceof List<?> list) {
      List<CodeBlock> items = new java.util.ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        items.add(any(list.get(i), plus(path, i), subst));
      }
      return CodeBlock.of("$T.of($L)", LIST, items.stream().collect(CodeBlock.joining(", ")));
    }
    if (v != null && v.getClass().isRecord()) {
      return record(v, path, subst);
    }
    throw new IllegalArgumentException("no substitution inside " + v);
  }

  public static CodeBlock statement(Statement s) {
    if (s instanceof Match m) {
      return CodeBlock.of("new $T($T.$L, $L, $L)", MATCH, OPERATOR, m.op().name(), expression(m.left()),
          expression(m.right()));
    }
    if (s instanceof Verdict v) {
      switch (v.kind()) {
        case JUMP:
          return CodeBlock.of("$T.jump($L)", VERDICT, JavaLiterals.string(v.target()));
        case GOTO:
          return CodeBlock.of("$T.goTo($L)", VERDICT, JavaLiterals.string(v.target()));
        default:
          return CodeBlock.of("$T.$L", VERDICT, v.kind().name());
      }
    }
    if (s instanceof Counter c) {
      return c.equals(Counter.NEW)
          ? CodeBlock.of("$T.NEW", COUNTER)
          : CodeBlock.of("new $T($L, $L)", COUNTER, longOrNull(c.packets()), longOrNull(c.bytes()));
    }
    if (s instanceof Log l && l.equals(new Log(l.prefix()))) {
      return CodeBlock.of("new $T($L)", LOG, stringOrNull(l.prefix()));
    }
    if (s instanceof Reject r) {
      return r.equals(Reject.DEFAULT)
          ? CodeBlock.of("$T.DEFAULT", REJECT)
          : CodeBlock.of("new $T($L, $L)", REJECT, stringOrNull(r.type()), stringOrNull(r.expr()));
    }
    return record(s);
  }

  public static CodeBlock expression(Expression e) {
    if (e instanceof NumberLiteral n) {
      return CodeBlock.of("new $T($LL)", NumberLiteral.class, n.value());
    }
    if (e instanceof StringLiteral s) {
      return CodeBlock.of("new $T($L)", StringLiteral.class, JavaLiterals.string(s.value()));
    }
    if (e instanceof PayloadExpr p) {
      return CodeBlock.of("new $T($L, $L)", PayloadExpr.class, JavaLiterals.string(p.protocol()),
          JavaLiterals.string(p.field()));
    }
    if (e instanceof MetaExpr m) {
      return CodeBlock.of("new $T($L)", MetaExpr.class, JavaLiterals.string(m.key()));
    }
    if (e instanceof CtExpr c && c.family() == null && c.dir() == null) {
      return CodeBlock.of("new $T($L)", CtExpr.class, JavaLiterals.string(c.key()));
    }
    if (e instanceof SetExpr s) {
      return CodeBlock.of("new $T($L)", SetExpr.class, list(s.elements()));
    }
    if (e instanceof ListExpr l) {
      return CodeBlock.of("new $T($L)", ListExpr.class, list(l.elements()));
    }
    if (e instanceof RangeExpr r) {
      return CodeBlock.of("new $T($L, $L)", RangeExpr.class, expression(r.low()), expression(r.high()));
    }
    if (e instanceof PrefixExpr p) {
      return CodeBlock.of("new $T($L, $L)", PrefixExpr.class, expression(p.address()), p.length());
    }
    return record(e);
  }

  /** {@code new R(c1, c2, …)} for a record of the model, from its components. */
  static CodeBlock record(Object value) {
    return record(value, List.of(), NONE);
  }

  private static CodeBlock record(Object value, List<Object> path, java.util.Map<List<Object>, CodeBlock> subst) {
    Class<?> type = value.getClass();
    if (!type.isRecord() || value instanceof io.jnftables.model.stmt.RawStatement
        || value instanceof io.jnftables.model.expr.RawExpression) {
      throw new IllegalArgumentException("no code for " + value);
    }
    java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
    List<CodeBlock> args = new java.util.ArrayList<>(components.length);
    for (java.lang.reflect.RecordComponent c : components) {
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalArgumentException("cannot read " + c.getName() + " of " + value, ex);
      }
      args.add(subst.isEmpty() ? component(v, c.getType()) : any(v, plus(path, c.getName()), subst));
    }
    return CodeBlock.of("new $T($L)", type, args.stream().collect(CodeBlock.joining(", ")));
  }

  private static CodeBlock component(@Nullable Object v, Class<?> declared) {
    if (v == null) {
      return CodeBlock.of("null");
    }
    if (v instanceof String s) {
      return CodeBlock.of("$L", JavaLiterals.string(s));
    }
    if (v instanceof Long l) {
      return CodeBlock.of("$LL", l);
    }
    if (v instanceof Integer || v instanceof Boolean) {
      return CodeBlock.of("$L", v);
    }
    if (v instanceof Enum<?> en) {
      return CodeBlock.of("$T.$L", en.getDeclaringClass(), en.name());
    }
    if (v instanceof Statement st) {
      return statement(st);
    }
    if (v instanceof Expression ex) {
      return expression(ex);
    }
    if (v instanceof java.util.Map<?, ?> map) {
      List<CodeBlock> entries = new java.util.ArrayList<>();
      for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
        entries.add(CodeBlock.of("$T.entry($L, $L)", java.util.Map.class, component(e.getKey(), Object.class),
            component(e.getValue(), Object.class)));
      }
      return CodeBlock.of("$T.ofEntries($L)", java.util.Map.class, entries.stream().collect(CodeBlock.joining(", ")));
    }
    if (v instanceof List<?> list) {
      return CodeBlock.of("$T.of($L)", LIST,
          list.stream().map(x -> component(x, Object.class)).collect(CodeBlock.joining(", ")));
    }
    if (v.getClass().isRecord()) {
      return record(v);
    }
    throw new IllegalArgumentException("no code for " + v.getClass().getSimpleName() + " " + v);
  }

  private static CodeBlock list(List<Expression> elements) {
    return CodeBlock.of("$T.of($L)", LIST,
        elements.stream().map(ModelCode::expression).collect(CodeBlock.joining(", ")));
  }

  private static CodeBlock longOrNull(@Nullable Long value) {
    return value == null ? CodeBlock.of("null") : CodeBlock.of("$LL", value);
  }

  private static CodeBlock stringOrNull(@Nullable String value) {
    return value == null ? CodeBlock.of("null") : CodeBlock.of("$L", JavaLiterals.string(value));
  }
}
