package io.jnftables.model.stmt;

import java.util.Objects;

/**
 * A statement nft 1.0.6 has no JSON form for and lists as nft text instead, e.g. an anonymous chain
 * ({@code "jump { … }"}) or a map update ({@code "update @m { ip saddr : 0x2 }"}): the JSON string
 * in place of the statement object. nft does not accept it back as JSON input.
 *
 * <p>This is a form of libnftables' output the model knows exactly (nft gives no more than the
 * text), so it is not a raw node and {@code Ruleset.rawCount()} does not count it; parse
 * {@link #text()} as nft rule text to go further.
 */
public record TextStatement(String text) implements Statement {
  public TextStatement {
    Objects.requireNonNull(text, "text");
  }
}
