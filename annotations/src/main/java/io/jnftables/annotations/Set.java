package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named set of the enclosing {@link Table}, put on the table type (repeatable). Rules refer to it
 * as {@code @name}; the generated ruleset has a typed handle for its elements.
 *
 * <pre>{@code
 * @Set(name = "blocklist", type = "ipv4_addr", flags = SetFlag.INTERVAL, elements = {"192.0.2.0/24"})
 * @Set(name = "svc", type = {"ipv4_addr", "inet_service"}, elements = {"10.0.0.1 . 22"})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Set.List.class)
public @interface Set {
  /** Set name; same character rules as table names. */
  String name();

  /**
   * The key type: one nft data type ({@code ipv4_addr}, {@code ipv6_addr}, {@code inet_service},
   * {@code ifname}, {@code ether_addr}, {@code mark}, {@code inet_proto}, …), or several for a
   * concatenation ({@code {"ipv4_addr", "inet_service"}} is {@code ipv4_addr . inet_service}).
   */
  String[] type();

  SetFlag[] flags() default {};

  /** Default element timeout in nft's time syntax, e.g. {@code "1h"}, {@code "30m"}; needs {@link SetFlag#TIMEOUT}. */
  String timeout() default "";

  /** Maximum number of elements; 0: the kernel's default. */
  long size() default 0;

  /** Initial elements in nft syntax, e.g. {@code "10.0.0.0/8"}, {@code "10.0.0.1 . 22"}. */
  String[] elements() default {};

  /**
   * Merge adjacent and overlapping intervals (nft's {@code auto-merge}); needs {@link
   * SetFlag#INTERVAL}. nft 1.0.6's JSON has no field for it: the processor checks it and documents
   * it in the generated code, and initial elements must then not overlap.
   */
  boolean autoMerge() default false;

  String comment() default "";

  /** Holds repeated {@code @Set} annotations; write {@code @Set} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Set[] value();
  }
}
