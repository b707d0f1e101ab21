/**
 * The policy as the processor understands it: immutable descriptors of each {@code @Table},
 * its {@code @Chain}s and their {@code @Rule}s, read from the source (the parse step, which also
 * runs the runtime's {@link io.jnftables.text.RuleParser} on every rule text).
 *
 * <p>Nothing here depends on {@code javax.lang.model}: positions are opaque {@link
 * io.jnftables.processor.model.Anchor}s supplied by the front end, so the validators and the
 * writer can serve another front end (KSP) later.
 */
@NullMarked
package io.jnftables.processor.model;

import org.jspecify.annotations.NullMarked;
