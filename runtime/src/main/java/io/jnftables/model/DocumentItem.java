package io.jnftables.model;

/**
 * One element of the {@code "nftables"} array of a libnftables JSON document: a command (input,
 * echo) or an object (listing). Objects with a key the model does not know are {@link RawObject}s.
 */
public sealed interface DocumentItem permits Command, NftObject {}
