package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a chain of the enclosing {@link Table}. Put it on a type nested in the table type;
 * its methods annotated with {@link Rule} are the chain's rules, in declaration order.
 *
 * <p>With {@code hook = Hook.NONE} (the default) the chain is a regular chain and {@code type},
 * {@code priority} and {@code policy} are ignored.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Chain {
  /** Chain name; same character rules as table names. */
  String name();

  ChainType type() default ChainType.FILTER;

  Hook hook() default Hook.NONE;

  /** Base chain priority; lower runs first. {@code 0} is nft's {@code filter} priority. */
  int priority() default 0;

  Policy policy() default Policy.ACCEPT;
}
