package io.jnftables.model.stmt;

import org.jspecify.annotations.Nullable;

/** Relational operators of a match, with their JSON spelling. */
public enum Operator {
  EQ("=="),
  NE("!="),
  LT("<"),
  GT(">"),
  LE("<="),
  GE(">="),
  /**
   * Membership or, for flag types, "any of these bits": what nft lists for {@code ct state new}.
   */
  IN("in"),
  /**
   * "None of these bits": what nft takes for {@code ct status ! dnat} or {@code tcp flags !
   * fin,rst}
   * ({@code "!"}).
   */
  NOT("!");

  private final String json;

  Operator(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static @Nullable Operator fromJson(String s) {
    for (Operator o : values()) {
      if (o.json.equals(s)) {
        return o;
      }
    }
    return null;
  }
}
