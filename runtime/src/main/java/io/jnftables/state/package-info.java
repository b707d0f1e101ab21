/**
 * The ruleset as state to keep: {@link io.jnftables.state.Backup} saves the tables an application
 * owns to a file and restores them in one transaction; {@link io.jnftables.state.Drift} compares
 * a desired ruleset with what is live (ignoring handles, counter values and element order), lists
 * the differences and builds the smallest batch it can that converges.
 */
@NullMarked
package io.jnftables.state;

import org.jspecify.annotations.NullMarked;
