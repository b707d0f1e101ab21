package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One rule of the enclosing {@link Chain}, written in nft syntax, e.g.
 * {@code @Rule("tcp dport { 22, 80, 443 } ct state new accept")}. The text is parsed when the
 * policy compiles; a rule the parser does not accept is a compile error on this annotation that
 * names the offending token and its column.
 *
 * <p>{@code $name} in the text is a placeholder for the method parameter called {@code name}:
 * {@code @Rule("ip saddr $source tcp dport $port accept") void allow(IpPrefix source, int port);}
 * gives the generated ruleset a method {@code allow(IpPrefix, int)}. Parameter types:
 * {@code int}, {@code long}, {@code String}, {@code java.net.InetAddress}, {@code Inet4Address},
 * {@code Inet6Address}, {@code io.jnftables.validate.IpAddress}, {@code IpPrefix}, and
 * {@code java.util.Set}, {@code List} or {@code Collection} of those (an anonymous set).
 *
 * <p>Without text, the method is a static method returning the rule built with the DSL
 * ({@code io.jnftables.dsl.RuleBody}); the generated ruleset calls it at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Rule {
  /** The rule in nft syntax, without the {@code add rule <family> <table> <chain>} prefix. */
  String value() default "";

  /** The rule's comment, stored with the rule in the kernel. */
  String comment() default "";
}
