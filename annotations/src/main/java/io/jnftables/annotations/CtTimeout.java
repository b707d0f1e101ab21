package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A conntrack timeout policy of the enclosing {@link Table} (repeatable), assigned by rules with
 * {@code ct timeout set "name"}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(CtTimeout.List.class)
public @interface CtTimeout {
  String name();

  /** {@code tcp}, {@code udp}, … */
  String protocol() default "tcp";

  /** {@code ip}, {@code ip6} or {@code inet}; empty: the table's family. */
  String l3proto() default "";

  /** Timeouts by conntrack state, in seconds: {@code {"established=120", "close=10"}}. */
  String[] policy();

  String comment() default "";

  /** Holds repeated {@code @CtTimeout} annotations; write {@code @CtTimeout} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    CtTimeout[] value();
  }
}
