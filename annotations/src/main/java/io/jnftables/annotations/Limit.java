package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named rate limit of the enclosing {@link Table} (repeatable), used by rules as {@code limit
 * name "l"}: {@code rate} packets (or bytes with {@code bytes = true}) per {@code per}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Limit.List.class)
public @interface Limit {
  String name();

  /** Packets, or bytes with {@link #bytes()}, per {@link #per()}; positive. */
  long rate();

  /** {@code second}, {@code minute}, {@code hour}, {@code day} or {@code week}. */
  String per() default "second";

  /** Burst, in packets (or bytes); 0: none. */
  long burst() default 0;

  /** Whether {@link #rate()} and {@link #burst()} count bytes instead of packets. */
  boolean bytes() default false;

  /** Match above the rate ({@code over}) instead of within it. */
  boolean over() default false;

  String comment() default "";

  /** Holds repeated {@code @Limit} annotations; write {@code @Limit} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Limit[] value();
  }
}
