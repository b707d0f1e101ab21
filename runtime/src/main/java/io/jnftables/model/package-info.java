/**
 * The typed nftables model: commands and the objects they act on (tables, chains, rules), as
 * immutable values that mirror the libnftables JSON schema ({@code man libnftables-json}).
 * Everything else in the library — the JSON codec, batches, the nft text parser, the annotation
 * processor, listings — speaks this model.
 */
@NullMarked
package io.jnftables.model;

import org.jspecify.annotations.NullMarked;
