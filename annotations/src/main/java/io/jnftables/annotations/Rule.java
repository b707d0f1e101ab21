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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Rule {
  /** The rule in nft syntax, without the {@code add rule <family> <table> <chain>} prefix. */
  String value();
}
