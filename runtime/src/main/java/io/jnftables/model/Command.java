package io.jnftables.model;

import java.util.Objects;

/** One command of a batch: a verb applied to an object, e.g. {@code add table inet filter}. */
public record Command(Verb verb, NftObject object) implements DocumentItem {
  public Command {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(object, "object");
  }

  public static Command add(NftObject object) {
    return new Command(Verb.ADD, object);
  }

  /** Like {@code add}, but fails if the object exists. */
  public static Command create(NftObject object) {
    return new Command(Verb.CREATE, object);
  }

  /** Inserts a rule at the start of its chain (or before its handle/index). */
  public static Command insert(Rule rule) {
    return new Command(Verb.INSERT, rule);
  }

  /** Replaces the rule with {@code rule.handle()}. */
  public static Command replace(Rule rule) {
    return new Command(Verb.REPLACE, rule);
  }

  public static Command delete(NftObject object) {
    return new Command(Verb.DELETE, object);
  }

  public static Command list(NftObject object) {
    return new Command(Verb.LIST, object);
  }

  public static Command flush(NftObject object) {
    return new Command(Verb.FLUSH, object);
  }

  public static Command reset(NftObject object) {
    return new Command(Verb.RESET, object);
  }

  /** Renames a chain: {@code chain.newName()} is the new name (see {@link Chain#rename}). */
  public static Command rename(Chain chain) {
    return new Command(Verb.RENAME, chain);
  }
}
