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
 * {@code priority}, {@code priorityName}, {@code policy} and {@code device} do not apply (the
 * processor warns when they are written).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Chain {
  /** Chain name; same character rules as table names. */
  String name();

  ChainType type() default ChainType.FILTER;

  Hook hook() default Hook.NONE;

  /**
   * Base chain priority; lower runs first. {@code 0} is nft's {@code filter} priority. With {@link
   * #priorityName()} set, the offset from that named priority.
   */
  int priority() default 0;

  /** A standard priority by name ({@code priority dstnat + priority()}); {@code NONE}: a plain number. */
  PriorityName priorityName() default PriorityName.NONE;

  Policy policy() default Policy.ACCEPT;

  /** The device of an ingress or egress chain (netdev tables; inet ingress), e.g. {@code "eth0"}. */
  String device() default "";

  String comment() default "";
}
