/**
 * Checks a policy before anything is generated. Validators are pure: they take descriptors and
 * return a {@link io.jnftables.processor.validation.Report} of findings, each from the single
 * {@link io.jnftables.processor.validation.Diagnostic} catalogue (stable ids {@code NFT1xx}) and
 * anchored where the source says the offending thing. A table is generated only if its report has
 * no errors.
 */
@NullMarked
package io.jnftables.processor.validation;

import org.jspecify.annotations.NullMarked;
