package io.jnftables.model;

import java.util.Objects;

/** One command of a batch: a verb applied to an object, e.g. {@code add table inet filter}. */
public record Command(Verb verb, NftObject object) {
  public Command {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(object, "object");
  }

  public static Command add(NftObject object) {
    return new Command(Verb.ADD, object);
  }
}
