package io.jnftables.processor.model;

import java.util.Objects;

/**
 * An annotation where the policy model has no place for it: a {@code @Rule} method outside a
 * {@code @Chain} type, a {@code @Chain} type not nested in a {@code @Table} type, a {@code
 * @Table} on something that is not a class or interface.
 *
 * @param kind what is misplaced
 * @param element the element's name as a reader would write it, e.g. {@code Firewall.helper()}
 * @param where what encloses it, or what it is (for a table), e.g. {@code class Firewall} or
 *     {@code an enum}
 * @param anchor the element and the misplaced annotation
 */
public record Misplaced(Kind kind, String element, String where, Anchor anchor) {
  public enum Kind {
    RULE_OUTSIDE_CHAIN,
    CHAIN_OUTSIDE_TABLE,
    TABLE_ON_WRONG_KIND,
    /** {@code @Set}, {@code @Map}, {@code @Counter}, … on a type that is not a {@code @Table} type. */
    OBJECT_OUTSIDE_TABLE
  }

  public Misplaced {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(anchor, "anchor");
  }
}
