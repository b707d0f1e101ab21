/**
 * nft rule text to the typed model: {@link io.jnftables.text.RuleParser} turns
 * {@code "tcp dport { 22, 443 } ct state new accept"} into the statements libnftables would build
 * from it, and reports what it does not accept as an {@link io.jnftables.text.NftSyntaxException}
 * with the column, the offending token, what was expected and a "did you mean" hint.
 *
 * <p>It is one grammar for the whole library: the annotation processor runs it at compile time on
 * every {@code @Rule}, so a policy that compiles is one nft would accept. It is pure Java with no
 * I/O (no DNS, no {@code /etc/services}), so the processor can load it inside javac.
 */
@NullMarked
package io.jnftables.text;

import org.jspecify.annotations.NullMarked;
