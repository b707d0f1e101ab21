package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * All objects of a kind, optionally of one family or table, as {@code list}, {@code flush} and
 * {@code reset} take them: {@code {"list":{"ruleset":null}}}, {@code {"flush":{"ruleset":null}}},
 * {@code {"list":{"counters":{"family":"ip","table":"t"}}}}.
 */
public record Selector(
    Selector.Kind kind,
    @Nullable Family family,
    @Nullable String table)
    implements NftObject {

  /** What is selected; the JSON key. */
  public enum Kind {
    RULESET("ruleset"),
    TABLES("tables"),
    CHAINS("chains"),
    SETS("sets"),
    MAPS("maps"),
    METERS("meters"),
    FLOWTABLES("flowtables"),
    COUNTERS("counters"),
    QUOTAS("quotas"),
    LIMITS("limits"),
    CT_HELPERS("ct helpers"),
    SECMARKS("secmarks"),
    SYNPROXYS("synproxys");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }

    public static @Nullable Kind fromJson(String key) {
      for (Kind k : values()) {
        if (k.json.equals(key)) {
          return k;
        }
      }
      return null;
    }
  }

  public static final Selector RULESET = new Selector(Kind.RULESET, null, null);

  public Selector {
    Objects.requireNonNull(kind, "kind");
  }

  /** Every object of this kind. */
  public static Selector all(Kind kind) {
    return new Selector(kind, null, null);
  }
}
