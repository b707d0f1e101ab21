/**
 * Element updates written as the kernel's nf_tables netlink messages, bypassing libnftables'
 * per-command cache rebuild: {@link io.jnftables.nfnetlink.ElementUpdates} decides whether a batch
 * can be written directly (plain sets and maps, values it encodes exactly as nft does) and hands
 * everything else back to libnftables. The bytes travel through an
 * {@link io.jnftables.netlink.NfnetlinkTransport}, in process or through the helper.
 */
@NullMarked
package io.jnftables.nfnetlink;

import org.jspecify.annotations.NullMarked;
