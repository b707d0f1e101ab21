/**
 * In-process access to libnftables 1.0.6 through jnr-ffi.
 *
 * <p>{@link io.jnftables.libnft.NftContext} is the entry point: one libnftables context on its own
 * thread inside a network namespace, every libnftables call in the JVM serialized by one lock,
 * commands and results as UTF-8 strings. {@link io.jnftables.libnft.LibNftables} is the raw
 * binding behind it. Why it is shaped this way is measured in the project's notes
 * ({@code libnftables-from-java.md}).
 *
 * <p>Null-marked by convention: no method accepts or returns {@code null}.
 */
package io.jnftables.libnft;
