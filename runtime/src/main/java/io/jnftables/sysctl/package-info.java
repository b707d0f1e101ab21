/**
 * Network kernel parameters ({@code /proc/sys/net}) through a whitelist of typed descriptors.
 *
 * <ul>
 *   <li>{@link io.jnftables.sysctl.SysctlParameter}: the whitelist. Every parameter has a type
 *       ({@link io.jnftables.sysctl.SysctlType}) that checks values, a description, and a
 *       {@link io.jnftables.sysctl.SysctlParameter.Scope scope} saying whether each network
 *       namespace has its own value.
 *   <li>{@link io.jnftables.sysctl.Sysctl}: get and set by name. A name is turned into a path only
 *       through the whitelist, and a value is checked and rewritten in its canonical form before
 *       anything is opened for writing; every refusal is a
 *       {@link io.jnftables.sysctl.SysctlException} naming the parameter and what is allowed.
 *   <li>{@link io.jnftables.sysctl.NetworkSysctl}: the seed library's {@code Sysctl.Network}
 *       helpers (forwarding, syncookies, ping, router, hardening).
 *   <li>{@link io.jnftables.sysctl.SysctlBackend}: where reads and writes happen —
 *       {@link io.jnftables.sysctl.ProcSysctlBackend} in this process, on a thread inside the
 *       target network namespace, or {@link io.jnftables.sysctl.HelperSysctlBackend} through the
 *       privileged helper process (which checks paths and values again on its side).
 *       {@code Nftables.sysctl()} gives a {@code Sysctl} over the client's own executor.
 * </ul>
 *
 * <p>Net sysctls belong to a network namespace: a client opened on
 * {@link io.jnftables.netns.NetnsTarget#fresh()} reads and writes the values of that namespace and
 * leaves the machine's own untouched.
 */
@NullMarked
package io.jnftables.sysctl;

import org.jspecify.annotations.NullMarked;
