package io.jnftables.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Defaults for every {@link Table} of a package, on its {@code package-info.java}:
 *
 * <pre>{@code
 * @NftDefaults(family = Family.IP6, tablePrefix = "app_")
 * package com.example.firewall;
 * }</pre>
 *
 * <p>A {@code @Table} that does not write {@code family} gets the package's; every table name of
 * the package is prefixed with {@code tablePrefix} ({@code @Table(name = "edge")} becomes table
 * {@code app_edge}). Packages do not inherit from their parent packages.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface NftDefaults {
  /** The family of the package's tables that do not name one. */
  Family family() default Family.INET;

  /** Prepended to the name of every table of the package. */
  String tablePrefix() default "";
}
