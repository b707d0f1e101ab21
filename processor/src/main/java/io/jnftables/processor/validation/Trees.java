package io.jnftables.processor.validation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Walks the model's records generically: components by name, lists by index. Used to find where
 * a placeholder's value landed (the difference between two parses) and to visit every node.
 */
public final class Trees {
  private Trees() {}

  /** Every node under {@code root}, {@code root} included, depth first. */
  public static void visit(@Nullable Object root, Consumer<Object> visitor) {
    if (root == null) {
      return;
    }
    visitor.accept(root);
    if (root instanceof List<?> list) {
      for (Object o : list) {
        visit(o, visitor);
      }
    } else if (root.getClass().isRecord()) {
      for (RecordComponent c : root.getClass().getRecordComponents()) {
        visit(component(root, c), visitor);
      }
    }
  }

  /** The paths where {@code a} and {@code b} differ, as deep as their shapes agree. */
  static List<List<Object>> diff(Object a, Object b) {
    List<List<Object>> out = new ArrayList<>();
    diff(a, b, new ArrayList<>(), out);
    return out;
  }

  private static void diff(@Nullable Object a, @Nullable Object b, List<Object> path, List<List<Object>> out) {
    if (Objects.equals(a, b)) {
      return;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        path.add(i);
        diff(la.get(i), lb.get(i), path, out);
        path.remove(path.size() - 1);
      }
      return;
    }
    if (a != null && b != null && a.getClass() == b.getClass() && a.getClass().isRecord()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        path.add(c.getName());
        diff(component(a, c), component(b, c), path, out);
        path.remove(path.size() - 1);
      }
      return;
    }
    out.add(List.copyOf(path));
  }

  /** The node at {@code path} under {@code root}, or null. */
  static @Nullable Object get(Object root, List<Object> path) {
    Object node = root;
    for (Object step : path) {
      if (node == null) {
        return null;
      }
      if (step instanceof Integer i && node instanceof List<?> l) {
        node = i < l.size() ? l.get(i) : null;
      } else if (step instanceof String name && node.getClass().isRecord()) {
        Object next = null;
        for (RecordComponent c : node.getClass().getRecordComponents()) {
          if (c.getName().equals(name)) {
            next = component(node, c);
          }
        }
        node = next;
      } else {
        return null;
      }
    }
    return node;
  }

  static @Nullable Object component(Object record, RecordComponent c) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
    }
  }
}
