package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A conntrack helper object of the enclosing {@link Table} (repeatable), assigned by rules with
 * {@code ct helper set "name"} (in a filter chain at prerouting or output and later).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(CtHelper.List.class)
public @interface CtHelper {
  String name();

  /** The kernel helper, e.g. {@code ftp}, {@code sip}, {@code tftp}, {@code irc}. */
  String type();

  /** {@code tcp} or {@code udp}. */
  String protocol() default "tcp";

  /** {@code ip}, {@code ip6} or {@code inet}; empty: the table's family ({@code inet} tables: inet). */
  String l3proto() default "";

  String comment() default "";

  /** Holds repeated {@code @CtHelper} annotations; write {@code @CtHelper} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    CtHelper[] value();
  }
}
