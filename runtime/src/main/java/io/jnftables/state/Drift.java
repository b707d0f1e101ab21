package io.jnftables.state;

import io.jnftables.annotations.Family;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.Nftables;
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
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Secmark;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Limit;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Quota;
import io.jnftables.model.stmt.Statement;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.query.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Configuration drift: what differs between a desired ruleset and the live one, and the batch
 * that makes the live one the desired one.
 *
 * <pre>{@code
 * Batch desired = Builder.create().addTable("app").addChain("input", …).addRule(…).build();
 * DriftReport r = Drift.diff(Drift.canonical(desired), Query.of(nft).ruleset());
 * if (!r.inSync()) {
 *   r.differences().forEach(System.out::println);
 *   nft.submit(r.converge());
 * }
 * }</pre>
 *
 * Only the desired ruleset's tables (or those {@code owned} accepts) are compared: other tables
 * are not touched. Handles, counter values, quota usage, element expiry countdowns and the order of
 * set elements are ignored; the order of rules is not. The converging batch deletes and inserts
 * rules by handle around the rules that already match (a longest common subsequence), adds and
 * deletes elements, objects, sets and chains, updates a base chain's policy; where nft cannot
 * change an object in place (another hook, a set's type or flags, a quota's size…), it deletes and
 * recreates the whole table, in the same transaction.
 *
 * <p>nft rewrites some rules when it loads them (it drops a protocol match a header field implies,
 * names numbers: {@code ip dscp 46} lists as {@code ef}, …). Compare a desired batch through
 * {@link #canonical(Batch)}, which loads it into a scratch namespace and lists it back exactly as
 * the kernel would; {@link #declared(Batch)} takes the batch as written, with a few known
 * rewrites applied ({@link #normalize}).
 */
public final class Drift {
  private Drift() {}

  /** Compares the desired tables with the live ones. */
  public static DriftReport diff(Ruleset desired, Ruleset live) {
    Set<String> tables = new HashSet<>();
    desired.tables().forEach(t -> tables.add(tkey(t.family(), t.name())));
    return diff(desired, live, t -> tables.contains(tkey(t.family(), t.name())));
  }

  /** Compares a desired batch (as declared) with what {@code nft} lists now. */
  public static DriftReport diff(Batch desired, Nftables nft) {
    return diff(declared(desired), Query.of(nft).ruleset());
  }

  /**
   * Compares the owned tables: an owned live table that is not desired is extra, a desired table
   * that is not live is missing.
   */
  public static DriftReport diff(Ruleset desired, Ruleset live, Predicate<Table> owned) {
    Ruleset d = normalize(desired);
    Ruleset l = normalize(live);
    List<Difference> diffs = new ArrayList<>();
    Plan plan = new Plan();
    Map<String, Table> dt = new LinkedHashMap<>();
    Map<String, Table> lt = new LinkedHashMap<>();
    d.tables().forEach(t -> dt.put(tkey(t.family(), t.name()), t));
    for (Table t : l.tables()) {
      if (owned.test(t)) {
        lt.put(tkey(t.family(), t.name()), t);
      }
    }
    for (Map.Entry<String, Table> e : lt.entrySet()) {
      if (!dt.containsKey(e.getKey())) {
        diffs.add(new Difference(Difference.Kind.EXTRA, "table " + e.getKey(), "not desired"));
        plan.dropTables.add(Command.delete(new Table(e.getValue().family(), e.getValue().name(), null)));
      }
    }
    for (Map.Entry<String, Table> e : dt.entrySet()) {
      Table t = e.getValue();
      if (!lt.containsKey(e.getKey())) {
        diffs.add(new Difference(Difference.Kind.MISSING, "table " + e.getKey(), "not live"));
        plan.rebuilds.addAll(tableCommands(d, t));
      } else {
        new TableDiff(d, l, t, diffs, plan).run();
      }
    }
    return new DriftReport(diffs, plan.batch());
  }

  // ================================================================================ desired states

  /**
   * The ruleset a batch of {@code add}/{@code create}/{@code insert} commands declares: its tables,
   * chains, sets (with the elements added to them), objects and rules in chain order.
   */
  public static Ruleset declared(Batch desired) {
    List<NftObject> objects = new ArrayList<>();
    Map<String, Integer> setIndex = new HashMap<>();
    Map<String, List<Rule>> rules = new LinkedHashMap<>();
    for (Command c : desired.commands()) {
      NftObject o = c.object();
      if (c.verb() != Verb.ADD && c.verb() != Verb.CREATE && c.verb() != Verb.INSERT) {
        throw new IllegalArgumentException(
            "a desired state is made of add, create and insert commands, not " + c.verb().jsonName());
      }
      if (o instanceof Rule r) {
        List<Rule> chain = rules.computeIfAbsent(ckey(r.family(), r.table(), r.chain()), k -> new ArrayList<>());
        Rule bare = new Rule(r.family(), r.table(), r.chain(), r.statements(), null, r.comment(), null);
        if (c.verb() == Verb.INSERT) {
          chain.add(r.index() == null ? 0 : Math.min(r.index(), chain.size()), bare);
        } else {
          chain.add(r.index() == null ? chain.size() : Math.min(r.index() + 1, chain.size()), bare);
        }
      } else if (o instanceof Element e) {
        Integer i = setIndex.get(ckey(e.family(), e.table(), e.name()));
        if (i == null) {
          throw new IllegalArgumentException("elements for set " + e.name() + ", which the batch does not add");
        }
        NamedSet s = (NamedSet) objects.get(i);
        List<Expression> all = new ArrayList<>(s.elements());
        all.addAll(e.elements());
        objects.set(i, s.withElements(all));
      } else {
        if (o instanceof NamedSet s) {
          setIndex.put(ckey(s.family(), s.table(), s.name()), objects.size());
        }
        objects.add(o);
      }
    }
    // chains, then their rules in order, as a listing has them
    List<NftObject> out = new ArrayList<>();
    for (NftObject o : objects) {
      out.add(o);
    }
    for (List<Rule> rs : rules.values()) {
      out.addAll(rs);
    }
    return new Ruleset(out);
  }

  /**
   * The desired batch as the kernel holds it: applied in a fresh network namespace (needs
   * CAP_SYS_ADMIN and CAP_NET_ADMIN) and listed back. Comparing this with a live listing shows only
   * real differences.
   */
  public static Ruleset canonical(Batch desired) {
    try (Nftables scratch = Nftables.open(NetnsTarget.fresh())) {
      scratch.submit(desired);
      return Query.of(scratch).ruleset();
    }
  }

  // ================================================================================ normalization

  /**
   * The ruleset without what drift ignores: handles (rules keep theirs, which rule comparison
   * ignores), counter values, quota usage, element expiry
   * countdowns; and with the defaults nft fills in made explicit (a base chain's policy accept, a
   * packet limit's burst 5, the log level warn left out).
   */
  public static Ruleset normalize(Ruleset rs) {
    List<NftObject> out = new ArrayList<>();
    for (NftObject o : rs.objects()) {
      NftObject n = normalize(o);
      if (n != null) {
        out.add(n);
      }
    }
    return new Ruleset(out);
  }

  private static @Nullable NftObject normalize(NftObject o) {
    if (o instanceof Table t) {
      return new Table(t.family(), t.name(), null, t.flags(), t.comment());
    } else if (o instanceof Chain c) {
      BaseChain b = c.base();
      if (b != null && b.policy() == null) {
        b = new BaseChain(b.type(), b.hook(), b.priority(), Policy.ACCEPT, b.devices());
      }
      return new Chain(c.family(), c.table(), c.name(), b, null, c.comment(), null);
    } else if (o instanceof Rule r) {
      // the handle stays: rules compare without it, and deletes and inserts need it
      return new Rule(r.family(), r.table(), r.chain(), statements(r.statements()), r.handle(), r.comment(), null);
    } else if (o instanceof NamedSet s) {
      List<Expression> elems = new ArrayList<>();
      for (Expression e : s.elements()) {
        elems.add(element(e));
      }
      return new NamedSet(s.kind(), s.family(), s.table(), s.name(), null, s.type(), s.mapType(), s.policy(), s.flags(),
          elems, s.timeout(), s.gcInterval(), s.size(), s.comment(), statements(s.statements()));
    } else if (o instanceof NamedCounter c) {
      return new NamedCounter(c.family(), c.table(), c.name(), null, null, null, c.comment());
    } else if (o instanceof NamedQuota q) {
      return new NamedQuota(q.family(), q.table(), q.name(), null, q.bytes(), null, q.inv(), q.comment());
    } else if (o instanceof NamedLimit l) {
      Long burst = l.burst() == null && l.rateUnit() == null ? Long.valueOf(5) : l.burst();
      return new NamedLimit(l.family(), l.table(), l.name(), null, l.rate(), l.per(), burst, l.rateUnit(), l.burstUnit(),
          l.unit(), l.inv(), l.comment());
    } else if (o instanceof io.jnftables.model.Metainfo) {
      return null;
    }
    return withoutHandle(o);
  }

  private static NftObject withoutHandle(NftObject o) {
    if (o instanceof CtHelper x) {
      return new CtHelper(x.family(), x.table(), x.name(), null, x.type(), x.protocol(), x.l3proto(), x.comment());
    } else if (o instanceof CtTimeout x) {
      return new CtTimeout(x.family(), x.table(), x.name(), null, x.protocol(), x.l3proto(), x.policy(), x.comment());
    } else if (o instanceof CtExpectation x) {
      return new CtExpectation(x.family(), x.table(), x.name(), null, x.protocol(), x.dport(), x.timeout(), x.size(),
          x.l3proto(), x.comment());
    } else if (o instanceof NamedSynproxy x) {
      return new NamedSynproxy(x.family(), x.table(), x.name(), null, x.mss(), x.wscale(), x.flags(), x.comment());
    } else if (o instanceof Secmark x) {
      return new Secmark(x.family(), x.table(), x.name(), null, x.context(), x.comment());
    } else if (o instanceof Flowtable x) {
      return new Flowtable(x.family(), x.table(), x.name(), null, x.hook(), x.priority(), x.devices());
    }
    return o;
  }

  static List<Statement> statements(List<Statement> in) {
    List<Statement> out = new ArrayList<>(in.size());
    for (Statement s : in) {
      if (s instanceof Counter) {
        out.add(Counter.NEW);
      } else if (s instanceof Quota q) {
        out.add(new Quota(q.value(), q.valueUnit(), null, null, q.inv()));
      } else if (s instanceof Limit l && l.burst() == null && l.rateUnit() == null) {
        out.add(new Limit(l.rate(), null, l.per(), 5L, null, l.inv()));
      } else if (s instanceof Log g && "warn".equals(g.level())) {
        out.add(new Log(g.prefix(), g.group(), g.snaplen(), g.queueThreshold(), null, g.flags()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static Expression element(Expression e) {
    if (e instanceof ElemExpr el) {
      Expression v = element(el.value());
      List<Statement> st = statements(el.statements());
      if (el.timeout() == null && el.comment() == null && st.isEmpty()) {
        return v;
      }
      return new ElemExpr(v, el.timeout(), null, el.comment(), st);
    }
    if (e instanceof MappingExpr m) {
      return new MappingExpr(element(m.key()), m.value());
    }
    return e;
  }

  // ================================================================================ the plan

  /** The converging commands, in an order the kernel accepts. */
  private static final class Plan {
    final List<Command> dropTables = new ArrayList<>();
    final List<Command> ruleDeletes = new ArrayList<>();
    final List<Command> objectDeletes = new ArrayList<>();
    final List<Command> chainDeletes = new ArrayList<>();
    final List<Command> objectAdds = new ArrayList<>();
    final List<Command> setAdds = new ArrayList<>();
    final List<Command> elementDeletes = new ArrayList<>();
    final List<Command> elementAdds = new ArrayList<>();
    final List<Command> chainAdds = new ArrayList<>();
    final List<Command> ruleAdds = new ArrayList<>();
    final List<Command> rebuilds = new ArrayList<>();

    Batch batch() {
      List<Command> all = new ArrayList<>();
      all.addAll(dropTables);
      all.addAll(ruleDeletes);
      all.addAll(chainDeletes);
      all.addAll(objectDeletes);
      all.addAll(objectAdds);
      all.addAll(setAdds);
      all.addAll(elementDeletes);
      all.addAll(elementAdds);
      all.addAll(chainAdds);
      all.addAll(ruleAdds);
      all.addAll(rebuilds);
      return Batch.of(all);
    }
  }

  /** The commands that create table {@code t} as {@code rs} has it. */
  private static List<Command> tableCommands(Ruleset rs, Table t) {
    return Builder.fromRuleset(rs, x -> x.family() == t.family() && x.name().equals(t.name())).commands();
  }

  private static final class TableDiff {
    final Ruleset d;
    final Ruleset l;
    final Table t;
    final List<Difference> diffs;
    final Plan plan;
    final String where;
    boolean rebuild;

    TableDiff(Ruleset d, Ruleset l, Table t, List<Difference> diffs, Plan plan) {
      this.d = d;
      this.l = l;
      this.t = t;
      this.diffs = diffs;
      this.plan = plan;
      this.where = t.family().nftName() + " " + t.name();
    }

    private boolean mine(Family f, String table) {
      return f == t.family() && table.equals(t.name());
    }

    void run() {
      Plan local = new Plan();
      chains(local);
      sets(local);
      objects(local);
      if (rebuild) {
        plan.rebuilds.add(Command.delete(new Table(t.family(), t.name(), null)));
        plan.rebuilds.addAll(tableCommands(d, t));
      } else {
        plan.ruleDeletes.addAll(local.ruleDeletes);
        plan.chainDeletes.addAll(local.chainDeletes);
        plan.objectDeletes.addAll(local.objectDeletes);
        plan.objectAdds.addAll(local.objectAdds);
        plan.setAdds.addAll(local.setAdds);
        plan.elementDeletes.addAll(local.elementDeletes);
        plan.elementAdds.addAll(local.elementAdds);
        plan.chainAdds.addAll(local.chainAdds);
        plan.ruleAdds.addAll(local.ruleAdds);
      }
    }

    private void chains(Plan p) {
      Map<String, Chain> dc = new LinkedHashMap<>();
      Map<String, Chain> lc = new LinkedHashMap<>();
      d.chains().stream().filter(c -> mine(c.family(), c.table())).forEach(c -> dc.put(c.name(), c));
      l.chains().stream().filter(c -> mine(c.family(), c.table())).forEach(c -> lc.put(c.name(), c));
      for (Chain c : lc.values()) {
        if (!dc.containsKey(c.name())) {
          diffs.add(new Difference(Difference.Kind.EXTRA, "chain " + where + " " + c.name(), "not desired"));
          for (Rule r : l.rules(t.name(), c.name())) {
            if (r.family() == t.family()) {
              p.ruleDeletes.add(Command.delete(ObjectHandle.rule(r.family(), r.table(), r.chain(), handle(r))));
            }
          }
          p.chainDeletes.add(Command.delete(Chain.regular(c.family(), c.table(), c.name())));
        }
      }
      for (Chain c : dc.values()) {
        Chain live = lc.get(c.name());
        List<Rule> want = rules(d, c.name());
        if (live == null) {
          diffs.add(new Difference(Difference.Kind.MISSING, "chain " + where + " " + c.name(), "not live"));
          p.chainAdds.add(Command.add(c));
          want.forEach(r -> p.ruleAdds.add(Command.add(r)));
          continue;
        }
        if (!Objects.equals(c.base(), live.base())) {
          BaseChain a = c.base();
          BaseChain b = live.base();
          if (a != null && b != null && a.type() == b.type() && a.hook() == b.hook() && a.priority() == b.priority()
              && a.devices().equals(b.devices())) {
            diffs.add(new Difference(Difference.Kind.CHANGED, "chain " + where + " " + c.name(),
                "policy " + nft(b.policy()) + " → " + nft(a.policy())));
            p.chainAdds.add(Command.add(c));
          } else {
            diffs.add(new Difference(Difference.Kind.CHANGED, "chain " + where + " " + c.name(),
                "hook " + describe(b) + " → " + describe(a) + " (the table is recreated)"));
            rebuild = true;
          }
        }
        rules(p, c.name(), want, liveRules(c.name()));
      }
    }

    private List<Rule> rules(Ruleset rs, String chain) {
      List<Rule> out = new ArrayList<>();
      for (Rule r : rs.rules(t.name(), chain)) {
        if (r.family() == t.family()) {
          out.add(r);
        }
      }
      return out;
    }

    private List<Rule> liveRules(String chain) {
      List<Rule> out = new ArrayList<>();
      for (Rule r : l.rules(t.name(), chain)) {
        if (r.family() == t.family()) {
          out.add(r);
        }
      }
      return out;
    }

    /** Rules of one chain: keep a longest common subsequence, delete and insert around it. */
    private void rules(Plan p, String chain, List<Rule> want, List<Rule> have) {
      int n = want.size();
      int m = have.size();
      int[][] lcs = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          lcs[i][j] = same(want.get(i), have.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int[] matchOf = new int[n];
      java.util.Arrays.fill(matchOf, -1);
      boolean[] kept = new boolean[m];
      for (int i = 0, j = 0; i < n && j < m; ) {
        if (same(want.get(i), have.get(j))) {
          matchOf[i] = j;
          kept[j] = true;
          i++;
          j++;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
          i++;
        } else {
          j++;
        }
      }
      for (int j = 0; j < m; j++) {
        if (!kept[j]) {
          Rule r = have.get(j);
          diffs.add(new Difference(Difference.Kind.EXTRA, "rule " + where + " " + chain + " handle " + r.handle(),
              describe(r)));
          p.ruleDeletes.add(Command.delete(ObjectHandle.rule(r.family(), r.table(), r.chain(), handle(r))));
        }
      }
      for (int i = 0; i < n; i++) {
        if (matchOf[i] >= 0) {
          continue;
        }
        Rule r = want.get(i);
        diffs.add(new Difference(Difference.Kind.MISSING, "rule " + where + " " + chain + " #" + i, describe(r)));
        Long anchor = null;
        for (int k = i + 1; k < n; k++) {
          if (matchOf[k] >= 0) {
            anchor = have.get(matchOf[k]).handle();
            break;
          }
        }
        if (anchor != null) {
          p.ruleAdds.add(Command.insert(new Rule(r.family(), r.table(), r.chain(), r.statements(), anchor, r.comment(), null)));
        } else {
          p.ruleAdds.add(Command.add(r));
        }
      }
    }

    private void sets(Plan p) {
      Map<String, NamedSet> ds = new LinkedHashMap<>();
      Map<String, NamedSet> ls = new LinkedHashMap<>();
      d.sets().stream().filter(s -> mine(s.family(), s.table()) && s.kind() != NamedSet.Kind.METER).forEach(s -> ds.put(s.name(), s));
      l.sets().stream().filter(s -> mine(s.family(), s.table()) && s.kind() != NamedSet.Kind.METER).forEach(s -> ls.put(s.name(), s));
      for (NamedSet s : ls.values()) {
        if (!ds.containsKey(s.name())) {
          diffs.add(new Difference(Difference.Kind.EXTRA, s.kind().json() + " " + where + " " + s.name(), "not desired"));
          p.objectDeletes.add(Command.delete(bare(s)));
        }
      }
      for (NamedSet s : ds.values()) {
        NamedSet live = ls.get(s.name());
        if (live == null) {
          diffs.add(new Difference(Difference.Kind.MISSING, s.kind().json() + " " + where + " " + s.name(), "not live"));
          p.setAdds.add(Command.add(s));
          continue;
        }
        if (!s.withElements(List.of()).equals(live.withElements(List.of()))) {
          diffs.add(new Difference(Difference.Kind.CHANGED, s.kind().json() + " " + where + " " + s.name(),
              "definition differs (the table is recreated)"));
          rebuild = true;
          continue;
        }
        elements(p, s, live);
      }
    }

    private void elements(Plan p, NamedSet want, NamedSet have) {
      Map<Expression, Expression> w = byKey(want.elements());
      Map<Expression, Expression> h = byKey(have.elements());
      List<Expression> add = new ArrayList<>();
      List<Expression> del = new ArrayList<>();
      for (Map.Entry<Expression, Expression> e : h.entrySet()) {
        Expression desired = w.get(e.getKey());
        if (desired == null || !desired.equals(e.getValue())) {
          del.add(e.getKey());
        }
      }
      for (Map.Entry<Expression, Expression> e : w.entrySet()) {
        if (!e.getValue().equals(h.get(e.getKey()))) {
          add.add(e.getValue());
        }
      }
      String path = want.kind().json() + " " + where + " " + want.name();
      for (Expression x : del) {
        diffs.add(new Difference(Difference.Kind.EXTRA, "element of " + path, String.valueOf(x)));
      }
      for (Expression x : add) {
        diffs.add(new Difference(Difference.Kind.MISSING, "element of " + path, String.valueOf(x)));
      }
      if (!del.isEmpty()) {
        p.elementDeletes.add(Command.delete(Element.of(want.family(), want.table(), want.name(), del)));
      }
      if (!add.isEmpty()) {
        p.elementAdds.add(Command.add(Element.of(want.family(), want.table(), want.name(), add)));
      }
    }

    /** Elements by their key (the value without options; a map element's key). */
    private static Map<Expression, Expression> byKey(List<Expression> elements) {
      Map<Expression, Expression> out = new LinkedHashMap<>();
      for (Expression e : elements) {
        out.put(key(e), e);
      }
      return out;
    }

    private static Expression key(Expression e) {
      if (e instanceof MappingExpr m) {
        return key(m.key());
      }
      if (e instanceof ElemExpr el) {
        return el.value();
      }
      return e;
    }

    private void objects(Plan p) {
      Map<String, NftObject> dobj = new LinkedHashMap<>();
      Map<String, NftObject> lobj = new LinkedHashMap<>();
      for (NftObject o : d.objects()) {
        if (isObject(o) && mine(family(o), table(o))) {
          dobj.put(okey(o), o);
        }
      }
      for (NftObject o : l.objects()) {
        if (isObject(o) && mine(family(o), table(o))) {
          lobj.put(okey(o), o);
        }
      }
      for (Map.Entry<String, NftObject> e : lobj.entrySet()) {
        if (!dobj.containsKey(e.getKey())) {
          diffs.add(new Difference(Difference.Kind.EXTRA, e.getKey().replaceFirst(" ", " " + where + " "), "not desired"));
          p.objectDeletes.add(Command.delete(e.getValue()));
        }
      }
      for (Map.Entry<String, NftObject> e : dobj.entrySet()) {
        NftObject live = lobj.get(e.getKey());
        if (live == null) {
          diffs.add(new Difference(Difference.Kind.MISSING, e.getKey().replaceFirst(" ", " " + where + " "), "not live"));
          p.objectAdds.add(Command.add(e.getValue()));
        } else if (!live.equals(e.getValue())) {
          diffs.add(new Difference(Difference.Kind.CHANGED, e.getKey().replaceFirst(" ", " " + where + " "),
              "definition differs (the table is recreated)"));
          rebuild = true;
        }
      }
    }
  }

  // ================================================================================ helpers

  private static boolean same(Rule a, Rule b) {
    return a.statements().equals(b.statements()) && Objects.equals(a.comment(), b.comment());
  }

  private static long handle(Rule r) {
    if (r.handle() == null) {
      throw new IllegalArgumentException("a live rule without a handle: compare with a listing, not a batch");
    }
    return r.handle();
  }

  private static NamedSet bare(NamedSet s) {
    return new NamedSet(s.kind(), s.family(), s.table(), s.name(), null, List.of(), null, null, List.of(), List.of(), null,
        null, null, null, List.of());
  }

  private static String describe(Rule r) {
    return io.jnftables.json.JsonCodec.encodeStatements(r.statements()) + (r.comment() == null ? "" : " comment \"" + r.comment() + "\"");
  }

  private static String describe(@Nullable BaseChain b) {
    return b == null ? "none" : b.type().nftName() + " " + b.hook().nftName() + " " + b.priority()
        + (b.devices().isEmpty() ? "" : " device " + String.join(",", b.devices()));
  }

  private static String nft(@Nullable Policy p) {
    return p == null ? "accept" : p.nftName();
  }

  private static boolean isObject(NftObject o) {
    return o instanceof NamedCounter || o instanceof NamedQuota || o instanceof NamedLimit || o instanceof CtHelper
        || o instanceof CtTimeout || o instanceof CtExpectation || o instanceof NamedSynproxy || o instanceof Secmark
        || o instanceof Flowtable;
  }

  private static String okey(NftObject o) {
    String kind =
        o instanceof NamedCounter ? "counter" : o instanceof NamedQuota ? "quota" : o instanceof NamedLimit ? "limit"
            : o instanceof CtHelper ? "ct-helper" : o instanceof CtTimeout ? "ct-timeout"
            : o instanceof CtExpectation ? "ct-expectation" : o instanceof NamedSynproxy ? "synproxy"
            : o instanceof Secmark ? "secmark" : "flowtable";
    return kind + " " + name(o);
  }

  private static Family family(NftObject o) {
    if (o instanceof NamedCounter x) return x.family();
    if (o instanceof NamedQuota x) return x.family();
    if (o instanceof NamedLimit x) return x.family();
    if (o instanceof CtHelper x) return x.family();
    if (o instanceof CtTimeout x) return x.family();
    if (o instanceof CtExpectation x) return x.family();
    if (o instanceof NamedSynproxy x) return x.family();
    if (o instanceof Secmark x) return x.family();
    return ((Flowtable) o).family();
  }

  private static String table(NftObject o) {
    if (o instanceof NamedCounter x) return x.table();
    if (o instanceof NamedQuota x) return x.table();
    if (o instanceof NamedLimit x) return x.table();
    if (o instanceof CtHelper x) return x.table();
    if (o instanceof CtTimeout x) return x.table();
    if (o instanceof CtExpectation x) return x.table();
    if (o instanceof NamedSynproxy x) return x.table();
    if (o instanceof Secmark x) return x.table();
    return ((Flowtable) o).table();
  }

  private static String name(NftObject o) {
    if (o instanceof NamedCounter x) return x.name();
    if (o instanceof NamedQuota x) return x.name();
    if (o instanceof NamedLimit x) return x.name();
    if (o instanceof CtHelper x) return x.name();
    if (o instanceof CtTimeout x) return x.name();
    if (o instanceof CtExpectation x) return x.name();
    if (o instanceof NamedSynproxy x) return x.name();
    if (o instanceof Secmark x) return x.name();
    return ((Flowtable) o).name();
  }

  private static String tkey(Family f, String table) {
    return f.nftName() + " " + table;
  }

  private static String ckey(Family f, String table, String name) {
    return f.nftName() + " " + table + " " + name;
  }
}
