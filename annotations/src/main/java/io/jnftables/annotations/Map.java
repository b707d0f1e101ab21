package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named map of the enclosing {@link Table}, put on the table type (repeatable). Rules use it as
 * {@code @name} ({@code ip saddr vmap @name}, {@code meta mark set ip saddr map @name}); the
 * generated ruleset has a typed handle for its entries.
 *
 * <pre>{@code
 * @Map(name = "ports", type = "inet_service", value = "verdict", elements = {"22 : accept", "23 : drop"})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Map.List.class)
public @interface Map {
  /** Map name; same character rules as table names. */
  String name();

  /** The key type, one nft data type or several for a concatenation (see {@link Set#type()}). */
  String[] type();

  /** The value type: {@code verdict}, or an nft data type ({@code ipv4_addr}, {@code mark}, …). */
  String value();

  SetFlag[] flags() default {};

  /** Default entry timeout in nft's time syntax, e.g. {@code "1h"}; needs {@link SetFlag#TIMEOUT}. */
  String timeout() default "";

  /** Maximum number of entries; 0: the kernel's default. */
  long size() default 0;

  /** Initial entries in nft syntax, {@code "key : value"}, e.g. {@code "22 : accept"}. */
  String[] elements() default {};

  String comment() default "";

  /** Holds repeated {@code @Map} annotations; write {@code @Map} several times instead. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Map[] value();
  }
}
