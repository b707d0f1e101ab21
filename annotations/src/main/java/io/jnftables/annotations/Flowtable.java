package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A flowtable of the enclosing {@link Table} (repeatable), for the fast path: rules offload flows
 * to it with {@code flow add @name}. Flowtables hook at ingress of the devices they list.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Flowtable.List.class)
public @interface Flowtable {
  String name();

  /** Priority at the ingress hook. */
  int priority() default 0;

  /** The devices whose traffic the flowtable sees; at least one. */
  String[] devices();

  /** Holds repeated {@code @Flowtable} annotations; write {@code @Flowtable} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Flowtable[] value();
  }
}
