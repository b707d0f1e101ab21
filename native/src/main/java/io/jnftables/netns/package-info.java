/**
 * Per-thread Linux network namespaces: a {@link io.jnftables.netns.NetnsThread} is a dedicated
 * thread that entered a {@link io.jnftables.netns.NetnsTarget} ({@code unshare} or {@code setns}
 * affect only the calling thread), so the rest of the JVM stays where it is.
 *
 * <p>This is how tests touch the kernel without touching the machine's own firewall, and how an
 * application manages the firewall of a container or of an {@code ip netns} namespace.
 *
 * <p>Null-marked by convention: no method accepts or returns {@code null}.
 */
package io.jnftables.netns;
