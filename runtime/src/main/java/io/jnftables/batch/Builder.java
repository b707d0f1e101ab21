package io.jnftables.batch;

import io.jnftables.annotations.Family;
import io.jnftables.client.Nftables;
import io.jnftables.dsl.Per;
import io.jnftables.dsl.RuleBody;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.Element;
import io.jnftables.model.Flowtable;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.ObjectHandle;
import io.jnftables.model.ObjectKind;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.Expression;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.UnsupportedFeatureException;
import io.jnftables.validate.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code Builder}: an immutable, ordered list of commands that carries context from
 * one command to the next. The family, the table, the chain and the set last named are used by
 * the following commands, so a batch reads top-down like an nft file:
 *
 * <pre>{@code
 * Batch batch = Builder.create(Family.INET)
 *     .addTable("filter")
 *     .addChain("input", BaseChain.of(FILTER, INPUT, 0, DROP))
 *     .addRule(ctState(ESTABLISHED, RELATED).accept())
 *     .addRule(tcp().dport(22).ctState(NEW).limit(10, Per.MINUTE).accept())
 *     .addSet("blocklist", SetSpec.of("ipv4_addr").flags("interval"))
 *     .addElements("10.0.0.0/8", "192.168.1.100")
 *     .build();
 * }</pre>
 *
 * Unlike the seed, the family is carried too, and every value is checked before anything is sent.
 * {@code destroy} (nft 1.0.8) is emulated for nft 1.0.6 as {@code add} then {@code delete} in the
 * same transaction. One built batch is one atomic kernel transaction.
 */
public final class Builder {
  /** The commands, newest first (a persistent list: every builder shares its prefix). */
  private record Node(Command command, @Nullable Node previous, int size) {}

  private final @Nullable Node last;
  private final Family family;
  private final @Nullable String table;
  private final @Nullable String chain;
  private final @Nullable String set;
  private final Map<String, SetSpecInfo> sets;
  private final boolean nativeDestroy;

  /** What the builder knows of a set it added: the element type, to check elements. */
  private record SetSpecInfo(List<String> type, @Nullable String mapType) {}

  private Builder(@Nullable Node last, Family family, @Nullable String table, @Nullable String chain,
      @Nullable String set, Map<String, SetSpecInfo> sets, boolean nativeDestroy) {
    this.last = last;
    this.family = family;
    this.table = table;
    this.chain = chain;
    this.set = set;
    this.sets = sets;
    this.nativeDestroy = nativeDestroy;
  }

  /** An empty builder for inet tables. */
  public static Builder create() {
    return create(Family.INET);
  }

  /** An empty builder for tables of {@code family}. */
  public static Builder create(Family family) {
    return new Builder(null, Objects.requireNonNull(family), null, null, null, Map.of(), false);
  }

  // ================================================================================ context

  /** The family of the following commands. */
  public Builder family(Family family) {
    return new Builder(last, Objects.requireNonNull(family), table, chain, set, sets, nativeDestroy);
  }

  /** The table of the following commands (no command is added). */
  public Builder table(String table) {
    return new Builder(last, family, Validate.name("table", table), null, null, sets, nativeDestroy);
  }

  /** The chain of the following rules (no command is added). */
  public Builder chain(String chain) {
    return new Builder(last, family, table, Validate.name("chain", chain), set, sets, nativeDestroy);
  }

  /** The set or map of the following element commands (no command is added). */
  public Builder set(String set) {
    return new Builder(last, family, table, chain, Validate.name("set", set), sets, nativeDestroy);
  }

  /**
   * Emit nft's own {@code destroy} verb (nft 1.0.8 and later) instead of the add-then-delete
   * emulation nft 1.0.6 needs.
   */
  public Builder nativeDestroy(boolean enabled) {
    return new Builder(last, family, table, chain, set, sets, enabled);
  }

  public Family family() {
    return family;
  }

  public @Nullable String currentTable() {
    return table;
  }

  public @Nullable String currentChain() {
    return chain;
  }

  public @Nullable String currentSet() {
    return set;
  }

  private String needTable() {
    if (table == null) {
      throw new IllegalStateException("no table: call table(\"name\") or addTable(\"name\") first");
    }
    return table;
  }

  private String needChain() {
    if (chain == null) {
      throw new IllegalStateException("no chain: call chain(\"name\") or addChain(\"name\") first");
    }
    return chain;
  }

  private String needSet() {
    if (set == null) {
      throw new IllegalStateException("no set or map: call set(\"name\"), addSet(…) or addMap(…) first");
    }
    return set;
  }

  private Builder with(Command c) {
    return new Builder(new Node(c, last, last == null ? 1 : last.size + 1), family, table, chain, set, sets, nativeDestroy);
  }

  private Builder with(Command c, @Nullable String table, @Nullable String chain, @Nullable String set,
      Map<String, SetSpecInfo> sets) {
    return new Builder(new Node(c, last, last == null ? 1 : last.size + 1), family, table, chain, set, sets, nativeDestroy);
  }

  // ================================================================================ any command

  /** {@code VERB object}: any model command, context left as it is. */
  public Builder command(Command command) {
    return with(Objects.requireNonNull(command, "command"));
  }

  public Builder command(Verb verb, NftObject object) {
    return with(new Command(verb, object));
  }

  /** {@code add object}: any model object; its table (and chain, set) become the context. */
  public Builder add(NftObject object) {
    return withContextOf(new Command(Verb.ADD, object));
  }

  /** {@code create object}: like add, but fails if it exists. */
  public Builder create(NftObject object) {
    return withContextOf(new Command(Verb.CREATE, object));
  }

  /**
   * {@code delete object}. Deleting ct timeout and ct expectation objects through JSON aborts
   * libnftables 1.0.6 (an assertion in {@code cmd_evaluate_delete}: the whole process dies), and its
   * JSON parser does not know synproxy objects: those throw {@link UnsupportedFeatureException}.
   */
  public Builder delete(NftObject object) {
    return with(new Command(Verb.DELETE, checkDeletable(object)));
  }

  private static NftObject checkDeletable(NftObject o) {
    if (o instanceof CtTimeout || o instanceof CtExpectation) {
      throw new UnsupportedFeatureException(
          "delete of a " + (o instanceof CtTimeout ? "ct timeout" : "ct expectation") + " object: nft 1.0.6 aborts the"
              + " process on it (\"BUG: invalid command object type\", assertion in cmd_evaluate_delete); delete its"
              + " table, or use nft text");
    }
    if (o instanceof NamedSynproxy) {
      throw new UnsupportedFeatureException(
          "delete of a synproxy object: nft 1.0.6's JSON input does not know synproxy objects (\"Unknown object passed"
              + " to add command\"); delete its table, or use nft text");
    }
    return o;
  }

  public Builder flush(NftObject object) {
    return with(new Command(Verb.FLUSH, object));
  }

  public Builder reset(NftObject object) {
    return with(new Command(Verb.RESET, object));
  }

  /**
   * {@code destroy object}: delete it if it exists, no error if not. nft 1.0.6 has no destroy, so
   * this adds the object (a no-op if it exists) then deletes it, in the same transaction; for that
   * the object must be complete enough to add (a set needs its type). Rules have no such
   * emulation: see {@link #destroyRule}.
   */
  public Builder destroy(NftObject object) {
    if (object instanceof Rule || object instanceof ObjectHandle) {
      throw new UnsupportedFeatureException(
          "destroy of a rule or of an object by handle: nft 1.0.6 has no destroy, and a rule cannot be added to"
              + " emulate it; list the chain and delete the rule by handle if it is there");
    }
    checkDeletable(object);
    if (nativeDestroy) {
      return with(new Command(Verb.DESTROY, object));
    }
    return with(new Command(Verb.ADD, object)).with(new Command(Verb.DELETE, object));
  }

  private Builder withContextOf(Command c) {
    NftObject o = c.object();
    String t = table;
    String ch = chain;
    String s = set;
    Map<String, SetSpecInfo> ss = sets;
    Builder b = this;
    if (o instanceof Table x) {
      b = family(x.family());
      t = x.name();
      ch = null;
      s = null;
    } else if (o instanceof Chain x) {
      b = family(x.family());
      t = x.table();
      ch = x.name();
    } else if (o instanceof NamedSet x) {
      b = family(x.family());
      t = x.table();
      s = x.name();
      if (!x.type().isEmpty()) {
        ss = new HashMap<>(sets);
        ss.put(key(x.family(), x.table(), x.name()), new SetSpecInfo(x.type(), x.mapType()));
        ss = Map.copyOf(ss);
      }
    } else if (o instanceof Rule x) {
      b = family(x.family());
      t = x.table();
      ch = x.chain();
    }
    return b.with(c, t, ch, s, ss);
  }

  private static String key(Family f, String table, String set) {
    return f.nftName() + " " + table + " " + set;
  }

  // ================================================================================ tables

  /** {@code add table FAMILY NAME}; the table becomes the context. */
  public Builder addTable(String name) {
    return add(Table.of(family, Validate.name("table", name)));
  }

  /**
   * {@code add table} with flags ({@code dormant}) and a comment. nft 1.0.6's JSON parser ignores
   * both without an error, so this throws {@link UnsupportedFeatureException} when either is given;
   * to send them anyway (a newer nft), use {@link #add(NftObject)} with a {@link Table}.
   */
  public Builder addTable(String name, List<String> flags, @Nullable String comment) {
    if (!flags.isEmpty() || comment != null) {
      throw new UnsupportedFeatureException(
          "table flags and comments: nft 1.0.6's JSON input ignores them silently (nft text accepts them)");
    }
    return addTable(name);
  }

  public Builder createTable(String name) {
    return create(Table.of(family, name));
  }

  public Builder deleteTable(String name) {
    return delete(Table.of(family, name));
  }

  public Builder deleteTableByHandle(long handle) {
    return delete(ObjectHandle.of(ObjectKind.TABLE, family, null, handle));
  }

  /** {@code destroy table}: deletes it with all it holds, if it exists. */
  public Builder destroyTable(String name) {
    return destroy(Table.of(family, name));
  }

  /** {@code flush table}: removes every rule of the table's chains (sets and chains stay). */
  public Builder flushTable(String name) {
    return flush(Table.of(family, name));
  }

  // ================================================================================ chains

  /** {@code add chain}: a regular chain (reached by jump/goto); it becomes the context. */
  public Builder addChain(String name) {
    return add(Chain.regular(family, needTable(), Validate.name("chain", name)));
  }

  /** {@code add chain { type … hook … priority …; policy …; }}: a base chain. */
  public Builder addChain(String name, BaseChain base) {
    return add(Chain.base(family, needTable(), Validate.name("chain", name), base));
  }

  public Builder createChain(String name) {
    return create(Chain.regular(family, needTable(), name));
  }

  public Builder createChain(String name, BaseChain base) {
    return create(Chain.base(family, needTable(), name, base));
  }

  public Builder deleteChain(String name) {
    Builder b = delete(Chain.regular(family, needTable(), name));
    return name.equals(chain) ? b.clearChain() : b;
  }

  private Builder clearChain() {
    return new Builder(last, family, table, null, set, sets, nativeDestroy);
  }

  public Builder deleteChainByHandle(long handle) {
    return delete(ObjectHandle.of(ObjectKind.CHAIN, family, needTable(), handle));
  }

  /** {@code destroy chain}: deletes it if it exists (it must have no rules and no jumps to it). */
  public Builder destroyChain(String name) {
    return destroy(Chain.regular(family, needTable(), name));
  }

  /** {@code flush chain}: removes its rules. */
  public Builder flushChain(String name) {
    return flush(Chain.regular(family, needTable(), name));
  }

  /**
   * {@code rename chain}. nft 1.0.6 cannot rename a chain added in the same transaction ("No such
   * file or directory"): rename in a later batch.
   */
  public Builder renameChain(String name, String newName) {
    Builder b = with(Command.rename(Chain.rename(family, needTable(), name, newName)));
    return name.equals(chain) ? b.chain(newName) : b;
  }

  // ================================================================================ rules

  private Rule rule(RuleBody body) {
    return body.toRule(family, needTable(), needChain());
  }

  /** {@code add rule}: appends the rule to the current chain. */
  public Builder addRule(RuleBody body) {
    return with(Command.add(rule(body)));
  }

  /** {@code add rule}: a model rule, with its own family, table and chain (which become the context). */
  public Builder addRule(Rule rule) {
    return withContextOf(Command.add(rule));
  }

  /**
   * {@code add rule … handle H} (after the rule with this handle) is what the JSON schema
   * describes, but nft 1.0.6 appends such a rule at the end of the chain instead. So this throws
   * {@link UnsupportedFeatureException}: use {@link #addRuleAt(int, RuleBody)} with the rule's
   * position ({@code Query.indexOf}), or {@link #insertRuleBefore} the next rule.
   */
  public Builder addRuleAfter(long handle, RuleBody body) {
    rule(body);
    throw new UnsupportedFeatureException(
        "add rule after handle " + handle + ": nft 1.0.6's JSON input ignores the handle of an added rule and appends"
            + " it; use addRuleAt(index, …) (Query.indexOf gives the index of a handle) or insertRuleBefore(next, …)");
  }

  /** {@code add rule … index I}: after the rule at this position (0 is the first rule). */
  public Builder addRuleAt(int index, RuleBody body) {
    return with(Command.add(at(rule(body), null, index)));
  }

  /** {@code insert rule}: at the start of the chain. */
  public Builder insertRule(RuleBody body) {
    return with(Command.insert(rule(body)));
  }

  /** {@code insert rule … handle H}: before the rule with this handle. */
  public Builder insertRuleBefore(long handle, RuleBody body) {
    return with(Command.insert(at(rule(body), handle, null)));
  }

  /** {@code insert rule … index I}: before the rule at this position. */
  public Builder insertRuleAt(int index, RuleBody body) {
    return with(Command.insert(at(rule(body), null, index)));
  }

  /** {@code replace rule … handle H}. */
  public Builder replaceRule(long handle, RuleBody body) {
    return with(Command.replace(at(rule(body), handle, null)));
  }

  /** {@code delete rule … handle H}. */
  public Builder deleteRule(long handle) {
    return delete(ObjectHandle.rule(family, needTable(), needChain(), handle));
  }

  /** Not possible with nft 1.0.6: throws {@link UnsupportedFeatureException} (see {@link #destroy}). */
  public Builder destroyRule(long handle) {
    if (nativeDestroy) {
      return with(new Command(Verb.DESTROY, ObjectHandle.rule(family, needTable(), needChain(), handle)));
    }
    return destroy(ObjectHandle.rule(family, needTable(), needChain(), handle));
  }

  private static Rule at(Rule r, @Nullable Long handle, @Nullable Integer index) {
    if (index != null && index < 0) {
      throw new InvalidValueException("rule index", index, "must not be negative");
    }
    return new Rule(r.family(), r.table(), r.chain(), r.statements(), handle, r.comment(), index);
  }

  // ================================================================================ sets, maps, elements

  /** {@code add set NAME { type …; flags …; … }}; it becomes the set context. */
  public Builder addSet(String name, SetSpec spec) {
    if (spec.mapType() != null) {
      throw new IllegalArgumentException("the spec of set " + name + " is a map: use addMap");
    }
    return add(spec.toSet(family, needTable(), name));
  }

  /** {@code add set NAME { type TYPE; }}. */
  public Builder addSet(String name, String... type) {
    return addSet(name, SetSpec.of(type));
  }

  /** {@code add map NAME { type K : V; … }}: a spec with {@link SetSpec#map}. */
  public Builder addMap(String name, SetSpec spec) {
    if (spec.mapType() == null) {
      throw new IllegalArgumentException("the spec of map " + name + " has no value type: SetSpec.of(...).map(\"verdict\")");
    }
    return add(spec.toSet(family, needTable(), name));
  }

  public Builder createSet(String name, SetSpec spec) {
    return create(spec.toSet(family, needTable(), name));
  }

  public Builder deleteSet(String name) {
    return delete(named(NamedSet.Kind.SET, name));
  }

  public Builder deleteMap(String name) {
    return delete(named(NamedSet.Kind.MAP, name));
  }

  public Builder deleteSetByHandle(long handle) {
    return delete(ObjectHandle.of(ObjectKind.SET, family, needTable(), handle));
  }

  /**
   * {@code destroy set}: the spec is needed to add it first (the nft 1.0.6 emulation), and must
   * match the existing set's (nft refuses to add a set of the same name with other properties:
   * "File exists").
   */
  public Builder destroySet(String name, SetSpec spec) {
    return destroy(spec.toSet(family, needTable(), name));
  }

  /** {@code flush set}: removes every element. */
  public Builder flushSet(String name) {
    return flush(named(NamedSet.Kind.SET, name));
  }

  public Builder flushMap(String name) {
    return flush(named(NamedSet.Kind.MAP, name));
  }

  private NamedSet named(NamedSet.Kind kind, String name) {
    return new NamedSet(
        kind, family, needTable(), Validate.name(kind.json(), name), null, List.of(), null, null, List.of(), List.of(),
        null, null, null, null, List.of());
  }

  /**
   * {@code add element} to the current set or map: values ({@code "10.0.0.1"}, {@code 22},
   * {@code Tuple}), {@link Elem}s with a timeout or comment, or {@link Elem#mapping}s for maps.
   * Values are checked against the set's type when this builder added the set.
   */
  public Builder addElements(Object... elements) {
    return elements(Verb.ADD, needSet(), Arrays.asList(elements));
  }

  /** {@code add element} to {@code set}, which becomes the context. */
  public Builder addElements(String set, List<?> elements) {
    return set(set).elements(Verb.ADD, set, elements);
  }

  /** {@code create element}: fails if an element exists. */
  public Builder createElements(Object... elements) {
    return elements(Verb.CREATE, needSet(), Arrays.asList(elements));
  }

  public Builder deleteElements(Object... elements) {
    return elements(Verb.DELETE, needSet(), Arrays.asList(elements));
  }

  public Builder deleteElements(String set, List<?> elements) {
    return set(set).elements(Verb.DELETE, set, elements);
  }

  /**
   * {@code destroy element}: delete the elements that exist (emulated: add, then delete). In an
   * interval set nft 1.0.6 refuses to add an element that is there ("interval overlaps with an
   * existing one"), so there use {@link #deleteElements} on elements known to exist.
   */
  public Builder destroyElements(Object... elements) {
    String s = needSet();
    if (nativeDestroy) {
      return elements(Verb.DESTROY, s, Arrays.asList(elements));
    }
    return elements(Verb.ADD, s, Arrays.asList(elements)).elements(Verb.DELETE, s, Arrays.asList(elements));
  }

  private Builder elements(Verb verb, String set, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no elements given");
    }
    SetSpecInfo info = sets.get(key(family, needTable(), set));
    List<String> type = info == null ? List.of() : info.type();
    String mapType = info == null ? null : info.mapType();
    List<Expression> out = new ArrayList<>();
    for (Object v : values) {
      out.add(Elements.toExpression(type, mapType, v));
    }
    return with(new Command(verb, Element.of(family, needTable(), set, out)));
  }

  // ================================================================================ stateful objects

  /** {@code add counter NAME}. */
  public Builder addCounter(String name) {
    return add(NamedCounter.of(family, needTable(), name));
  }

  /** {@code add counter NAME { packets P bytes B }}: with starting values (as a restore does). */
  public Builder addCounter(String name, long packets, long bytes) {
    return add(new NamedCounter(family, needTable(), Validate.name("counter", name), null,
        Validate.nonNegative("packets", packets), Validate.nonNegative("bytes", bytes), null));
  }

  public Builder deleteCounter(String name) {
    return delete(NamedCounter.of(family, needTable(), name));
  }

  public Builder destroyCounter(String name) {
    return destroy(NamedCounter.of(family, needTable(), name));
  }

  /** {@code reset counter NAME}: zeroes it. */
  public Builder resetCounter(String name) {
    return reset(NamedCounter.of(family, needTable(), name));
  }

  /** {@code reset counters table T}: zeroes every named counter of the current table. */
  public Builder resetCounters() {
    return reset(new Selector(Selector.Kind.COUNTERS, family, needTable()));
  }

  /** {@code add quota NAME { [over] BYTES bytes }}. */
  public Builder addQuota(String name, long bytes, boolean over) {
    return add(NamedQuota.of(family, needTable(), name, Validate.rate("quota", bytes), over));
  }

  /** {@code add quota NAME { [over] N unit }}. */
  public Builder addQuota(String name, long value, io.jnftables.dsl.ByteUnit unit, boolean over) {
    long mult = unit == io.jnftables.dsl.ByteUnit.MBYTES ? 1024L * 1024 : unit == io.jnftables.dsl.ByteUnit.KBYTES ? 1024L : 1L;
    return addQuota(name, Math.multiplyExact(Validate.rate("quota", value), mult), over);
  }

  public Builder deleteQuota(String name) {
    return delete(quotaRef(name));
  }

  public Builder destroyQuota(String name) {
    return destroy(NamedQuota.of(family, needTable(), name, 1, false));
  }

  /** {@code reset quota NAME}: zeroes its usage. */
  public Builder resetQuota(String name) {
    return reset(quotaRef(name));
  }

  public Builder resetQuotas() {
    return reset(new Selector(Selector.Kind.QUOTAS, family, needTable()));
  }

  private NamedQuota quotaRef(String name) {
    return new NamedQuota(family, needTable(), Validate.name("quota", name), null, null, null, false, null);
  }

  /** {@code add limit NAME { rate N/per }}. */
  public Builder addLimit(String name, long rate, Per per) {
    return add(NamedLimit.packets(family, needTable(), name, Validate.rate("limit rate", rate), per.nft()));
  }

  /** {@code add limit NAME { rate [over] N/per burst B packets }}. */
  public Builder addLimit(String name, long rate, Per per, long burst, boolean over) {
    return add(new NamedLimit(family, needTable(), Validate.name("limit", name), null, Validate.rate("limit rate", rate),
        per.nft(), Validate.nonNegative("limit burst", burst), null, null, null, over, null));
  }

  public Builder deleteLimit(String name) {
    return delete(new NamedLimit(family, needTable(), Validate.name("limit", name), null, null, null, null, null, null, null, false, null));
  }

  public Builder destroyLimit(String name) {
    return destroy(NamedLimit.packets(family, needTable(), name, 1, "second"));
  }

  /** {@code add ct helper NAME { type "ftp" protocol tcp; l3proto inet; }}. */
  public Builder addCtHelper(String name, String type, String protocol, @Nullable String l3proto) {
    return add(new CtHelper(family, needTable(), Validate.name("ct helper", name), null,
        Validate.text("ct helper type", type, 15), l4(protocol), l3proto, null));
  }

  public Builder deleteCtHelper(String name) {
    return delete(new CtHelper(family, needTable(), Validate.name("ct helper", name), null, null, null, null, null));
  }

  /**
   * {@code add ct timeout}: nft 1.0.6's JSON parser cannot add ct timeout objects (an inverted check
   * makes it ignore a given policy and refuse a missing one: "Invalid ct timeout policy"; fixed in
   * nft 1.0.9). This throws {@link UnsupportedFeatureException}: define the object in nft text and
   * reference it from rules ({@code setCtTimeout}); on a newer nft use {@link #add(NftObject)}
   * with a {@link CtTimeout}.
   */
  public Builder addCtTimeout(String name, String protocol, @Nullable String l3proto, Map<String, Long> policy) {
    Validate.name("ct timeout", name);
    l4(protocol);
    throw new UnsupportedFeatureException(
        "ct timeout objects: nft 1.0.6's JSON input ignores a policy and refuses a missing one (\"Invalid ct timeout"
            + " policy\"; fixed in nft 1.0.9); define the object in nft text and reference it with setCtTimeout");
  }

  public Builder deleteCtTimeout(String name) {
    return delete(new CtTimeout(family, needTable(), Validate.name("ct timeout", name), null, null, null, null, null));
  }

  /**
   * {@code add ct expectation}: nft 1.0.6's JSON parser cannot add ct expectation objects ("missing
   * options"; its attribute parsing was fixed later). This throws {@link
   * UnsupportedFeatureException}: define the object in nft text and reference it from rules
   * ({@code setCtExpectation}); on a newer nft use {@link #add(NftObject)} with a {@link
   * CtExpectation}.
   */
  public Builder addCtExpectation(String name, String protocol, int dport, Duration timeout, int size,
      @Nullable String l3proto) {
    Validate.name("ct expectation", name);
    l4(protocol);
    Validate.port(dport);
    throw new UnsupportedFeatureException(
        "ct expectation objects: nft 1.0.6's JSON input cannot add them (\"missing options\"); define the object in"
            + " nft text and reference it with setCtExpectation");
  }

  public Builder deleteCtExpectation(String name) {
    return delete(new CtExpectation(family, needTable(), Validate.name("ct expectation", name), null, null, null, null,
        null, null, null));
  }

  /**
   * {@code add synproxy NAME { mss M; wscale W; [timestamp] [sack-perm]; }}. nft 1.0.6's JSON
   * parser cannot add synproxy objects ("Unknown object passed to add command"): this throws
   * {@link UnsupportedFeatureException}; on a newer nft use {@link #add(NftObject)} with a {@link
   * NamedSynproxy}. Rules can reference a synproxy object made in nft text ({@code synproxyRef}).
   */
  public Builder addSynproxy(String name, int mss, int wscale, io.jnftables.dsl.SynproxyFlag... flags) {
    Validate.name("synproxy", name);
    Validate.range("synproxy mss", mss, 1, 65535);
    Validate.range("synproxy wscale", wscale, 0, 14);
    throw new UnsupportedFeatureException(
        "synproxy objects: nft 1.0.6's JSON input cannot add them (\"Unknown object passed to add command\");"
            + " use the synproxy statement (Expr.synproxy(mss, wscale, …)) or define the object in nft text");
  }

  public Builder deleteSynproxy(String name) {
    return delete(new NamedSynproxy(family, needTable(), Validate.name("synproxy", name), null, null, null, List.of(), null));
  }

  /** {@code add secmark NAME { "context" }} (SELinux). */
  public Builder addSecmark(String name, String context) {
    return add(new Secmark(family, needTable(), Validate.name("secmark", name), null,
        Validate.text("secmark context", context, 255), null));
  }

  public Builder deleteSecmark(String name) {
    return delete(new Secmark(family, needTable(), Validate.name("secmark", name), null, null, null));
  }

  /** {@code add flowtable NAME { hook ingress priority P; devices = { … }; }}. */
  public Builder addFlowtable(String name, int priority, String... devices) {
    if (devices.length == 0) {
      throw new IllegalArgumentException("a flowtable needs at least one device");
    }
    List<String> d = new ArrayList<>();
    for (String dev : devices) {
      d.add(Validate.ifname(dev));
    }
    return add(new Flowtable(family, needTable(), Validate.name("flowtable", name), null, "ingress", priority, d));
  }

  public Builder deleteFlowtable(String name) {
    return delete(new Flowtable(family, needTable(), Validate.name("flowtable", name), null, null, null, List.of()));
  }

  public Builder destroyFlowtable(String name, int priority, String... devices) {
    List<String> d = Arrays.asList(devices);
    return destroy(new Flowtable(family, needTable(), Validate.name("flowtable", name), null, "ingress", priority, d));
  }

  private static String l4(String protocol) {
    if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("dccp") && !protocol.equals("sctp")
        && !protocol.equals("udplite") && !protocol.equals("icmp") && !protocol.equals("icmpv6")) {
      throw new InvalidValueException("protocol", protocol, "tcp, udp, dccp, sctp, udplite, icmp or icmpv6");
    }
    return protocol;
  }

  // ================================================================================ ruleset

  /** {@code flush ruleset}: every table of every family. */
  public Builder flushRuleset() {
    return with(Command.flush(Selector.RULESET), null, null, null, sets);
  }

  /** {@code flush ruleset FAMILY}: every table of the current family. */
  public Builder flushRuleset(Family family) {
    return with(Command.flush(new Selector(Selector.Kind.RULESET, family, null)), null, null, null, sets);
  }

  // ================================================================================ import (round trip)

  /** {@code add} for a listed table, without its handle; the table and its family become the context. */
  public Builder importTable(Table table) {
    return add(table.withoutHandle());
  }

  /** {@code add} for a listed chain, without its handle. */
  public Builder importChain(Chain chain) {
    return add(chain.withoutHandle());
  }

  /** {@code add} for a listed rule, without its handle (appended to its chain). */
  public Builder importRule(Rule rule) {
    return addRule(rule.withoutHandle());
  }

  /** {@code add} for a listed set or map with its elements, without its handle. */
  public Builder importSet(NamedSet set) {
    return add(set.withoutHandle());
  }

  /** {@code add} for any listed object (counters keep their values), without its handle. */
  public Builder importObject(NftObject object) {
    return add(Imports.withoutHandle(object));
  }

  /**
   * The seed's {@code from_ruleset}: {@code add} commands that recreate a listing — tables, then
   * chains, sets, maps, flowtables and stateful objects, then rules in chain order — without
   * handles. Applied to an empty ruleset (or after {@code flushRuleset()}), it recreates what was
   * listed; applied over the same ruleset it would add every rule a second time.
   */
  public static Builder fromRuleset(Ruleset ruleset) {
    return fromRuleset(ruleset, t -> true);
  }

  /** {@link #fromRuleset(Ruleset)} for the tables {@code owned} accepts. */
  public static Builder fromRuleset(Ruleset ruleset, Predicate<Table> owned) {
    Builder b = create();
    for (Command c : Imports.commands(ruleset, owned)) {
      b = b.withContextOf(c);
    }
    return b;
  }

  /**
   * Applies {@code step} to this builder: reusable groups of commands, such as the helpers of
   * {@code io.jnftables.policy} ({@code .pipe(Nat.masquerade("eth0"))}), like the seed's pipes.
   */
  public Builder pipe(java.util.function.UnaryOperator<Builder> step) {
    return Objects.requireNonNull(step.apply(this), "the step returned null");
  }

  /** This builder followed by every command of {@code batch}. */
  public Builder addAll(Batch batch) {
    Builder b = this;
    for (Command c : batch.commands()) {
      b = b.with(c);
    }
    return b;
  }

  // ================================================================================ output

  /** The commands in order. */
  public List<Command> commands() {
    int n = last == null ? 0 : last.size;
    Command[] out = new Command[n];
    for (Node x = last; x != null; x = x.previous) {
      out[--n] = x.command;
    }
    return List.of(out);
  }

  public int size() {
    return last == null ? 0 : last.size;
  }

  /** The batch: one atomic transaction. */
  public Batch build() {
    return Batch.of(commands());
  }

  /** The libnftables JSON document of the batch. */
  public String toJson() {
    return build().toJson();
  }

  /** Applies the batch through {@code nft} (the seed's {@code submit}). */
  public void submit(Nftables nft) {
    nft.submit(build());
  }

  @Override
  public String toString() {
    return "Builder[" + family.nftName() + (table == null ? "" : " " + table) + (chain == null ? "" : " " + chain)
        + ", " + size() + " command(s)]";
  }
}
