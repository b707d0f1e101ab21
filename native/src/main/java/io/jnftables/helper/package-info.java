/**
 * The privileged helper: {@code jnft-helper} (C, {@code native/src/main/c/jnft-helper.c}, built by
 * Maven with the system compiler and bundled in this jar) runs libnftables in its own process with
 * CAP_NET_ADMIN alone; {@link io.jnftables.helper.NftHelper} starts it in a network namespace,
 * speaks its length-prefixed frames, correlates concurrent callers, and restarts it when it dies;
 * {@link io.jnftables.helper.HelperBinary} finds or extracts the executable.
 *
 * <p>Null-marked by convention: no method accepts or returns {@code null}.
 */
package io.jnftables.helper;
