/**
 * JUnit 5 support for users of the library: {@link io.jnftables.junit.NftablesExtension} injects
 * an {@link io.jnftables.client.Nftables} client bound to a fresh network namespace and closes it
 * afterwards. Needs {@code junit-jupiter-api} (5.13 or later) on the test class path; the runtime
 * declares it as an optional dependency.
 */
@NullMarked
package io.jnftables.junit;

import org.jspecify.annotations.NullMarked;
