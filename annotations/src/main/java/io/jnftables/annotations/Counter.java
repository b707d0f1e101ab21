package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named counter of the enclosing {@link Table} (repeatable), used by rules as {@code counter
 * name "c"}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Counter.List.class)
public @interface Counter {
  String name();

  String comment() default "";

  /** Holds repeated {@code @Counter} annotations; write {@code @Counter} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Counter[] value();
  }
}
