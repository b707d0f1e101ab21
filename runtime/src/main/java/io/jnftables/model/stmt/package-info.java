/** Statements: the steps of a rule — matches, counters, logging, verdicts. */
@NullMarked
package io.jnftables.model.stmt;

import org.jspecify.annotations.NullMarked;
