package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an nftables table. The annotation processor generates {@code <TypeName>Ruleset}
 * beside the annotated type; its {@code toBatch()} creates the table — or atomically replaces
 * what it holds — with the sets, maps and stateful objects declared on the type ({@link Set},
 * {@link Map}, {@link Counter}, {@link Quota}, {@link Limit}, {@link CtHelper}, {@link CtTimeout},
 * {@link Flowtable}), the chains declared by nested {@link Chain} types and their {@link Rule}s,
 * in declaration order.
 *
 * <pre>{@code
 * @Table(name = "filter", family = Family.INET)
 * public interface BasicFirewall {
 *   @Chain(name = "input", type = ChainType.FILTER, hook = Hook.INPUT, policy = Policy.DROP)
 *   interface Input {
 *     @Rule("iifname \"lo\" accept") void loopback();
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** Table name: letters, digits, {@code _}, {@code .}, {@code -}; starts with a letter; at most 255 bytes. */
  String name();

  /** The family; when the source does not write it, the package's {@link NftDefaults#family()}, else inet. */
  Family family() default Family.INET;

  TableFlag[] flags() default {};

  String comment() default "";
}
