/**
 * The JSON codec between the typed model and libnftables' JSON ({@code man libnftables-json}).
 * Encoding streams through a Jackson {@code JsonGenerator} with a fixed property order, so the
 * same batch always gives the same bytes. Decoding is lenient and lossless: whatever the model
 * does not know exactly is kept as a raw node that re-encodes unchanged.
 */
@NullMarked
package io.jnftables.json;

import org.jspecify.annotations.NullMarked;
