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
 * {@code Verdict.ACCEPT}. Raw statements and expressions never come out of the parser; asking for
 * one is a bug and throws {@link IllegalArgumentException}.
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
    if (s instanceof Log l) {
      return CodeBlock.of("new $T($L)", LOG, stringOrNull(l.prefix()));
    }
    if (s instanceof Reject r) {
      return r.equals(Reject.DEFAULT)
          ? CodeBlock.of("$T.DEFAULT", REJECT)
          : CodeBlock.of("new $T($L, $L)", REJECT, stringOrNull(r.type()), stringOrNull(r.expr()));
    }
    throw new IllegalArgumentException("no code for statement " + s);
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
    if (e instanceof CtExpr c) {
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
    throw new IllegalArgumentException("no code for expression " + e);
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
