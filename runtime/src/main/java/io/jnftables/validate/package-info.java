/**
 * Checks of user input before anything reaches the kernel: addresses and prefixes, ports and
 * ranges, object and interface names, MAC addresses, log prefixes, DSCP, marks, rates. Every check
 * returns the value in the form nft lists it back (canonical address text, lower-case MAC) or
 * throws an {@link io.jnftables.validate.InvalidValueException} naming what was wrong.
 */
@NullMarked
package io.jnftables.validate;

import org.jspecify.annotations.NullMarked;
