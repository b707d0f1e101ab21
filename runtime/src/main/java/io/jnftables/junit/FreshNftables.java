package io.jnftables.junit;

import io.jnftables.client.Nftables;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures the {@link Nftables} client that {@link NftablesExtension} injects into this
 * parameter. Without it, the client uses libnftables in-process, owns no tables, and has no
 * timeout.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface FreshNftables {
  /** The executor: in-process libnftables (default) or the privileged helper process. */
  Nftables.Backend backend() default Nftables.Backend.IN_PROCESS;

  /** Tables the client is scoped to, each as {@code "family name"}, e.g. {@code "inet filter"}. */
  String[] ownTables() default {};

  /** The default timeout of the client's calls in milliseconds; 0 (default): none. */
  long timeoutMillis() default 0;
}
