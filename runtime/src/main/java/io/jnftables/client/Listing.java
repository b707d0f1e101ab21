package io.jnftables.client;

import io.jnftables.annotations.Family;
import io.jnftables.model.Names;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to list: the whole ruleset, one family, a table, a chain or a set; optionally terse
 * (without set elements, which can be large). Immutable.
 *
 * <pre>{@code
 * Ruleset t = nft.list(Listing.table(Family.INET, "filter").asTerse());
 * }</pre>
 *
 * @param kind what is listed
 * @param family the family, except for the whole ruleset
 * @param table the table, for tables, chains and sets
 * @param name the chain's or set's name
 * @param terse whether set elements are left out
 */
public record Listing(Kind kind, @Nullable Family family, @Nullable String table, @Nullable String name, boolean terse) {
  /** What is listed. */
  public enum Kind {
    /** Every table of the namespace ({@code list ruleset}), or of one family. */
    RULESET,
    /** One table with everything in it. */
    TABLE,
    /** One chain with its rules. */
    CHAIN,
    /** One set with its elements. */
    SET,
    /** One map with its elements. */
    MAP
  }

  /** Checks that the parts the kind needs are present and are valid nft names. */
  public Listing {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.RULESET) {
      Objects.requireNonNull(family, "family");
      Names.check("table", Objects.requireNonNull(table, "table"));
    }
    if (kind == Kind.CHAIN || kind == Kind.SET || kind == Kind.MAP) {
      Names.check(kind.name().toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(name, "name"));
    }
  }

  /** Every table in the namespace. */
  public static Listing ruleset() {
    return new Listing(Kind.RULESET, null, null, null, false);
  }

  /** Every table of one family. */
  public static Listing family(Family family) {
    return new Listing(Kind.RULESET, Objects.requireNonNull(family, "family"), null, null, false);
  }

  /** One table. */
  public static Listing table(Family family, String table) {
    return new Listing(Kind.TABLE, family, table, null, false);
  }

  /** One chain. */
  public static Listing chain(Family family, String table, String chain) {
    return new Listing(Kind.CHAIN, family, table, chain, false);
  }

  /** One set. */
  public static Listing set(Family family, String table, String set) {
    return new Listing(Kind.SET, family, table, set, false);
  }

  /** One map. */
  public static Listing map(Family family, String table, String map) {
    return new Listing(Kind.MAP, family, table, map, false);
  }

  /** The same listing without set and map elements. */
  public Listing asTerse() {
    return new Listing(kind, family, table, name, true);
  }

  /** The nft command, e.g. {@code list chain inet filter input}. Names are checked identifiers. */
  String command() {
    return switch (kind) {
      case RULESET -> family == null ? "list ruleset" : "list ruleset " + family.nftName();
      case TABLE -> "list table " + family.nftName() + " " + table;
      case CHAIN -> "list chain " + family.nftName() + " " + table + " " + name;
      case SET -> "list set " + family.nftName() + " " + table + " " + name;
      case MAP -> "list map " + family.nftName() + " " + table + " " + name;
    };
  }
}
