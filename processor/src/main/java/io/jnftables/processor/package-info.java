/**
 * The jnftables annotation processor: checks {@code @Table}/{@code @Chain}/{@code @Rule}
 * policies when they compile — rule text included, with the runtime's own parser — and generates
 * a {@code <Type>Ruleset} class per table that builds the typed model without parsing anything at
 * run time.
 *
 * <p>Structured like Dagger and AutoFactory: this package is the javac front end ({@link
 * io.jnftables.processor.NftablesProcessor} reads elements into the descriptors of {@code
 * .model}, reports findings); {@code .validation} checks descriptors and returns a report;
 * {@code .writer} generates code from a clean table only. The processor never claims its
 * annotations, never lets an exception escape, and never loads native code (the runtime's
 * libnftables bridge is excluded from its dependencies).
 */
@NullMarked
package io.jnftables.processor;

import org.jspecify.annotations.NullMarked;
