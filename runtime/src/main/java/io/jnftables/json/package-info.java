/**
 * The JSON codec between the typed model and libnftables' JSON ({@code man libnftables-json}).
 * Encoding streams through a Jackson {@code JsonGenerator} with a fixed property order, so the
 * same batch always gives the same bytes. Decoding streams through a {@code JsonParser} straight
 * into the model and is lenient and lossless: whatever the model does not know exactly is kept as
 * a raw node that re-encodes unchanged. {@link io.jnftables.json.JsonCodec} is the entry point;
 * {@code ObjectCodec}, {@code StatementCodec} and {@code ExpressionCodec} each handle their part
 * of the schema, {@code JsonIn} the reading and the raw fallback.
 */
@NullMarked
package io.jnftables.json;

import org.jspecify.annotations.NullMarked;
