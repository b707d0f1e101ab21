package io.jnftables.batch;

import io.jnftables.dsl.Values;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Java values to element expressions of a set or map of a known (or unknown: empty) type. */
final class Elements {
  private Elements() {}

  static Expression toExpression(List<String> type, @Nullable String mapType, Object o) {
    if (o instanceof Elem e) {
      Expression key = Values.element(type, e.value());
      Expression v =
          e.hasOptions() ? new ElemExpr(key, e.timeoutSeconds(), e.expiresSeconds(), e.comment(), e.statements()) : key;
      if (e.mapValue() != null) {
        return new MappingExpr(v, value(mapType, e.mapValue()));
      }
      if (mapType != null) {
        throw new IllegalArgumentException("an element of a map needs a value: Elem.mapping(key, value), got " + e);
      }
      return v;
    }
    if (o instanceof Map.Entry<?, ?> entry) {
      return new MappingExpr(Values.element(type, entry.getKey()), value(mapType, entry.getValue()));
    }
    if (mapType != null && !(o instanceof MappingExpr)) {
      throw new IllegalArgumentException("an element of a map needs a value: Elem.mapping(key, value), got " + o);
    }
    return Values.element(type, o);
  }

  private static Expression value(@Nullable String mapType, Object v) {
    return mapType == null ? Values.guess(v) : Values.element(List.of(mapType), v);
  }
}
