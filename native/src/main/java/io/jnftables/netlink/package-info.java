/**
 * Raw nfnetlink (the kernel's netfilter netlink protocol) for the nf_tables subsystem: a
 * {@link io.jnftables.netlink.NfnetlinkTransport} sends messages built elsewhere and returns the
 * kernel's answers, in process ({@link io.jnftables.netlink.NetlinkSocket}) or through the
 * privileged helper.
 *
 * <p>Why it exists: libnftables 1.0.6 rebuilds its cache (tables, chains, sets, objects: about
 * eight netlink round trips and 128 KB of hash tables per table) on every command, which is most
 * of the cost of adding one element to a set. Element updates of plain sets and maps can go to
 * the kernel directly in one round trip; everything else still goes through libnftables.
 *
 * <p>Null-marked by convention: no method accepts or returns {@code null} unless marked.
 */
package io.jnftables.netlink;
