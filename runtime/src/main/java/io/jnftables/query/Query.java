package io.jnftables.query;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.Fidelity;
import io.jnftables.client.Nftables;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.Flowtable;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code NFTables.Query}, returning typed results instead of maps:
 *
 * <pre>{@code
 * Query q = Query.of(nft);
 * List<Table> tables = q.tables(Family.INET);
 * List<Rule> rules = q.rules(Family.INET, "filter", "input");       // with their handles
 * List<Expression> blocked = q.elements(Family.INET, "filter", "blocklist");
 * CounterValue http = q.counter(Family.INET, "filter", "http").orElseThrow();
 * QuotaUsage month = q.quota(Family.INET, "filter", "monthly").orElseThrow();
 * q.resetCounter(Family.INET, "filter", "http");
 * }</pre>
 *
 * Over a client, every query lists the ruleset once (one netlink round trip); to ask several
 * questions of one consistent state, take a {@link #snapshot()}. Filters with a null family or
 * table match all.
 */
public final class Query {
  private final Supplier<Ruleset> source;
  private final @Nullable Nftables nft;

  private Query(Supplier<Ruleset> source, @Nullable Nftables nft) {
    this.source = source;
    this.nft = nft;
  }

  /** Queries that list the live ruleset through {@code nft} (repaired, see {@link Listings}). */
  public static Query of(Nftables nft) {
    Objects.requireNonNull(nft, "nft");
    return new Query(() -> Listings.repair(nft.listRuleset(), nft.listRulesetText()), nft);
  }

  /**
   * Queries that list the live ruleset through {@code nft} as {@code fidelity} says: {@link
   * Fidelity#TEXT} reads nft's text listing with our parser, so imports ({@code
   * Builder.fromRuleset(q.ruleset())}) carry what nft 1.0.6's JSON listing leaves out.
   */
  public static Query of(Nftables nft, Fidelity fidelity) {
    Objects.requireNonNull(nft, "nft");
    Objects.requireNonNull(fidelity, "fidelity");
    return fidelity == Fidelity.JSON ? of(nft) : new Query(() -> nft.listRuleset(Fidelity.TEXT), nft);
  }

  /** Queries over a listing already taken; they cannot reset anything. */
  public static Query of(Ruleset ruleset) {
    Objects.requireNonNull(ruleset, "ruleset");
    return new Query(() -> ruleset, null);
  }

  /** The whole ruleset, typed. */
  public Ruleset ruleset() {
    return source.get();
  }

  /** Queries over one listing of the current state. */
  public Query snapshot() {
    Ruleset rs = ruleset();
    return new Query(() -> rs, nft);
  }

  // ------------------------------------------------------------------------------ tables, chains, rules

  public List<Table> tables() {
    return ruleset().tables();
  }

  public List<Table> tables(@Nullable Family family) {
    return filter(ruleset().tables(), t -> family == null || t.family() == family);
  }

  public Optional<Table> table(Family family, String name) {
    return tables(family).stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public List<Chain> chains() {
    return ruleset().chains();
  }

  public List<Chain> chains(@Nullable Family family, @Nullable String table) {
    return filter(ruleset().chains(), c -> in(c.family(), c.table(), family, table));
  }

  public Optional<Chain> chain(Family family, String table, String name) {
    return chains(family, table).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Every rule, in chain order, with its handle. */
  public List<Rule> rules() {
    return ruleset().rules();
  }

  public List<Rule> rules(@Nullable Family family, @Nullable String table) {
    return filter(ruleset().rules(), r -> in(r.family(), r.table(), family, table));
  }

  /** The rules of one chain, in order, with their handles (to delete, replace or insert by handle). */
  public List<Rule> rules(Family family, String table, String chain) {
    return filter(ruleset().rules(), r -> in(r.family(), r.table(), family, table) && r.chain().equals(chain));
  }

  /**
   * The position of the rule with {@code handle} in its chain (0 is the first), for {@code
   * Builder.addRuleAt} (nft 1.0.6 cannot add after a handle); empty if no such rule.
   */
  public java.util.OptionalInt indexOf(Family family, String table, String chain, long handle) {
    List<Rule> rules = rules(family, table, chain);
    for (int i = 0; i < rules.size(); i++) {
      Long h = rules.get(i).handle();
      if (h != null && h == handle) {
        return java.util.OptionalInt.of(i);
      }
    }
    return java.util.OptionalInt.empty();
  }

  // ------------------------------------------------------------------------------ sets, maps, elements

  /** Named sets (not maps or meters). */
  public List<NamedSet> sets(@Nullable Family family, @Nullable String table) {
    return filter(ruleset().sets(), s -> s.kind() == NamedSet.Kind.SET && in(s.family(), s.table(), family, table));
  }

  public List<NamedSet> maps(@Nullable Family family, @Nullable String table) {
    return filter(ruleset().sets(), s -> s.kind() == NamedSet.Kind.MAP && in(s.family(), s.table(), family, table));
  }

  public List<NamedSet> meters(@Nullable Family family, @Nullable String table) {
    return filter(ruleset().sets(), s -> s.kind() == NamedSet.Kind.METER && in(s.family(), s.table(), family, table));
  }

  /** A set, map or meter by name. */
  public Optional<NamedSet> set(Family family, String table, String name) {
    return ruleset().sets().stream()
        .filter(s -> in(s.family(), s.table(), family, table) && s.name().equals(name))
        .findFirst();
  }

  /**
   * The elements of a set or map as listed: values, prefixes, ranges, concatenations, {@code
   * ElemExpr}s when an element has a timeout, comment or counter, mappings for maps. Empty if the
   * set does not exist.
   */
  public List<Expression> elements(Family family, String table, String set) {
    return set(family, table, set).map(NamedSet::elements).orElse(List.of());
  }

  /** The elements without their options (timeouts, comments, counters): the bare values. */
  public List<Expression> elementValues(Family family, String table, String set) {
    List<Expression> out = new ArrayList<>();
    for (Expression e : elements(family, table, set)) {
      out.add(e instanceof ElemExpr el ? el.value() : e);
    }
    return out;
  }

  // ------------------------------------------------------------------------------ stateful objects

  public List<CounterValue> counters(@Nullable Family family, @Nullable String table) {
    List<CounterValue> out = new ArrayList<>();
    for (NamedCounter c : ruleset().objects(NamedCounter.class)) {
      if (in(c.family(), c.table(), family, table)) {
        out.add(new CounterValue(c.family(), c.table(), c.name(), n(c.packets()), n(c.bytes())));
      }
    }
    return out;
  }

  public List<CounterValue> counters() {
    return counters(null, null);
  }

  public Optional<CounterValue> counter(Family family, String table, String name) {
    return counters(family, table).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<QuotaUsage> quotas(@Nullable Family family, @Nullable String table) {
    List<QuotaUsage> out = new ArrayList<>();
    for (NamedQuota q : ruleset().objects(NamedQuota.class)) {
      if (in(q.family(), q.table(), family, table)) {
        out.add(new QuotaUsage(q.family(), q.table(), q.name(), n(q.bytes()), n(q.used()), q.inv()));
      }
    }
    return out;
  }

  public List<QuotaUsage> quotas() {
    return quotas(null, null);
  }

  public Optional<QuotaUsage> quota(Family family, String table, String name) {
    return quotas(family, table).stream().filter(q -> q.name().equals(name)).findFirst();
  }

  public List<NamedLimit> limits(@Nullable Family family, @Nullable String table) {
    return objects(NamedLimit.class, family, table);
  }

  public List<Flowtable> flowtables(@Nullable Family family, @Nullable String table) {
    return objects(Flowtable.class, family, table);
  }

  public List<CtHelper> ctHelpers(@Nullable Family family, @Nullable String table) {
    return objects(CtHelper.class, family, table);
  }

  public List<CtTimeout> ctTimeouts(@Nullable Family family, @Nullable String table) {
    return objects(CtTimeout.class, family, table);
  }

  public List<CtExpectation> ctExpectations(@Nullable Family family, @Nullable String table) {
    return objects(CtExpectation.class, family, table);
  }

  public List<NamedSynproxy> synproxies(@Nullable Family family, @Nullable String table) {
    return objects(NamedSynproxy.class, family, table);
  }

  public List<Secmark> secmarks(@Nullable Family family, @Nullable String table) {
    return objects(Secmark.class, family, table);
  }

  private <T extends NftObject> List<T> objects(Class<T> type, @Nullable Family family, @Nullable String table) {
    List<T> out = new ArrayList<>();
    for (T o : ruleset().objects(type)) {
      if (in(ObjectFields.family(o), ObjectFields.table(o), family, table)) {
        out.add(o);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------ reset

  /**
   * Zeroes a named counter and returns its values just before (read, then reset: two
   * transactions, so packets counted in between are lost from both).
   */
  public CounterValue resetCounter(Family family, String table, String name) {
    CounterValue before = counter(family, table, name)
        .orElseThrow(() -> new IllegalArgumentException("no counter " + name + " in table " + family.nftName() + " " + table));
    submit(Command.reset(NamedCounter.of(family, table, name)));
    return before;
  }

  /** Zeroes every named counter of the table. */
  public void resetCounters(Family family, String table) {
    submit(Command.reset(new Selector(Selector.Kind.COUNTERS, family, table)));
  }

  /** Zeroes a named quota's usage and returns its usage just before. */
  public QuotaUsage resetQuota(Family family, String table, String name) {
    QuotaUsage before = quota(family, table, name)
        .orElseThrow(() -> new IllegalArgumentException("no quota " + name + " in table " + family.nftName() + " " + table));
    submit(Command.reset(new NamedQuota(family, table, name, null, null, null, false, null)));
    return before;
  }

  public void resetQuotas(Family family, String table) {
    submit(Command.reset(new Selector(Selector.Kind.QUOTAS, family, table)));
  }

  private void submit(Command c) {
    if (nft == null) {
      throw new IllegalStateException("this query is over a listing, not a client: nothing to reset");
    }
    nft.submit(Batch.of(List.of(c)));
  }

  // ------------------------------------------------------------------------------ helpers

  private static long n(@Nullable Long v) {
    return v == null ? 0 : v;
  }

  private static boolean in(Family f, String t, @Nullable Family family, @Nullable String table) {
    return (family == null || f == family) && (table == null || t.equals(table));
  }

  private static <T> List<T> filter(List<T> in, Predicate<T> p) {
    List<T> out = new ArrayList<>();
    for (T t : in) {
      if (p.test(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }
}
