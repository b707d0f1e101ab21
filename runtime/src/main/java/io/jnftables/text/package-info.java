/**
 * The nft language over the typed model. {@link io.jnftables.text.NftText} reads rule text and
 * whole files ({@code nft -f}) into statements, rules and batches, and prints the model back as
 * {@code nft list} prints it; {@link io.jnftables.text.RuleParser} is the same parser with names
 * resolved. What nft would refuse is an {@link io.jnftables.text.NftSyntaxException} with the
 * line, column, offending token, what was expected and a "did you mean" hint.
 *
 * <p>Inside: {@code Lexer} (tokens) and {@code Cursor} (position, errors); {@code
 * StatementParser}, {@code NatParser}, {@code ExpressionParser} and {@code ValueParser} (rules,
 * with the data types of {@code Selectors} and {@code DataType}), {@code RuleChecks} (what nft
 * checks before the kernel); {@code RulesetParser} (files); {@code
 * StatementPrinter}, {@code RulesetPrinter} and {@code CommandPrinter} (model to text).
 *
 * <p>It is one grammar for the whole library: the annotation processor runs it at compile time on
 * every {@code @Rule}, so a policy that compiles is one nft would accept. It is pure Java with no
 * I/O (no DNS, no {@code /etc/services}), so the processor can load it inside javac.
 */
@NullMarked
package io.jnftables.text;

import org.jspecify.annotations.NullMarked;
