package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named quota of the enclosing {@link Table} (repeatable), used by rules as {@code quota name
 * "q"}: it matches until {@code bytes} have passed, or, with {@code over}, once they have.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Quota.List.class)
public @interface Quota {
  String name();

  /** The quota in bytes; positive. */
  long bytes();

  /** Match once the quota is exceeded ({@code over}) instead of until it is ({@code until}). */
  boolean over() default false;

  String comment() default "";

  /** Holds repeated {@code @Quota} annotations; write {@code @Quota} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Quota[] value();
  }
}
