package io.jnftables.client;

/**
 * What libnftables answered: success, its output buffer and its error buffer (warnings may be
 * present even on success).
 */
public record NftResponse(boolean ok, String output, String error) {}
