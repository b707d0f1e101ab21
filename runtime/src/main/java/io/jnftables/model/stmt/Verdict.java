package io.jnftables.model.stmt;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A verdict: ends the rule's evaluation ({@code accept}, {@code drop}, …) or moves to another
 * chain.
 */
public record Verdict(Kind kind, @Nullable String target) implements Statement {
  public static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, null);
  public static final Verdict DROP = new Verdict(Kind.DROP, null);
  public static final Verdict CONTINUE = new Verdict(Kind.CONTINUE, null);
  public static final Verdict RETURN = new Verdict(Kind.RETURN, null);

  public enum Kind {
    ACCEPT("accept"),
    DROP("drop"),
    CONTINUE("continue"),
    RETURN("return"),
    JUMP("jump"),
    GOTO("goto");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }

    public boolean takesTarget() {
      return this == JUMP || this == GOTO;
    }
  }

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    if (kind.takesTarget() != (target != null)) {
      throw new IllegalArgumentException(
          kind.takesTarget() ? kind.json() + " needs a target chain" : kind.json() + " takes no target");
    }
  }

  public static Verdict jump(String chain) {
    return new Verdict(Kind.JUMP, chain);
  }

  public static Verdict goTo(String chain) {
    return new Verdict(Kind.GOTO, chain);
  }
}
