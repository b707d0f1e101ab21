/**
 * Writes the {@code <Type>Ruleset} class of a validated table with javapoet. The generated code
 * builds the typed model directly ({@code new Match(Operator.EQ, ...)}), so the application never
 * parses rule text at run time, and it is deterministic: the same policy gives the same bytes.
 */
@NullMarked
package io.jnftables.processor.writer;

import org.jspecify.annotations.NullMarked;
