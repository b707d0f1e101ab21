package io.jnftables.processor.validation;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.PriorityName;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NftObject;
import io.jnftables.model.Names;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.FlowOffload;
import io.jnftables.model.stmt.MapUpdate;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Tproxy;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.processor.model.ChainDescriptor;
import io.jnftables.processor.model.Misplaced;
import io.jnftables.processor.model.ObjectDescriptor;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import io.jnftables.text.Schema;
import io.jnftables.text.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates one table — names, objects, chains, rule text with its placeholders and references,
 * jumps, and where statements may run — or one misplaced annotation. Pure: the same descriptors
 * always give the same result.
 */
public final class PolicyValidator {
  private PolicyValidator() {}

  /** The report only. */
  public static Report validate(TableDescriptor table) {
    return check(table).report();
  }

  /** The report, and what the writer needs when it is clean. */
  public static CheckedTable check(TableDescriptor table) {
    List<Finding> out = new ArrayList<>();
    String tableProblem = Names.problem(table.name());
    if (tableProblem != null) {
      out.add(Finding.of(Diagnostic.INVALID_TABLE_NAME, table.anchor().attribute("name"), table.name(), tableProblem));
    }

    // objects: names, one namespace per kind (sets and maps share one), then each declaration
    Map<String, ObjectDescriptor> seen = new HashMap<>();
    Map<ObjectDescriptor, NftObject> compiled = new LinkedHashMap<>();
    for (ObjectDescriptor o : table.objects()) {
      String problem = Names.problem(o.name());
      if (problem != null) {
        out.add(Finding.of(Diagnostic.INVALID_OBJECT_NAME, o.anchor().attribute("name"), o.kind().nft(), o.name(),
            problem));
        continue;
      }
      String space = (o.kind() == ObjectDescriptor.Kind.MAP ? ObjectDescriptor.Kind.SET : o.kind()) + " " + o.name();
      ObjectDescriptor first = seen.putIfAbsent(space, o);
      if (first != null) {
        out.add(Finding.of(Diagnostic.DUPLICATE_OBJECT_NAME, o.anchor().attribute("name"), o.kind().nft(), o.name(),
            table.family().nftName(), table.name(), "a @" + first.kind().annotation() + " of this table has that name"
                + (first.kind() != o.kind() ? " (sets and maps share their names)" : "")));
        continue;
      }
      if (tableProblem == null) {
        ObjectCompiler.Result r = ObjectCompiler.compile(o, table.family(), table.name());
        out.addAll(r.findings());
        if (r.object() != null) {
          compiled.put(o, r.object());
        }
      }
    }
    Schema schema = schema(table, compiled);

    Map<String, ChainDescriptor> byName = new LinkedHashMap<>();
    List<Integer> priorities = new ArrayList<>();
    for (ChainDescriptor chain : table.chains()) {
      priorities.add(chain(table, chain, byName, out));
    }

    List<Map<Integer, CompiledRule>> rules = new ArrayList<>();
    for (ChainDescriptor chain : table.chains()) {
      Map<Integer, CompiledRule> chainRules = new HashMap<>();
      for (int i = 0; i < chain.rules().size(); i++) {
        RuleDescriptor rule = chain.rules().get(i);
        if (rule.isDsl()) {
          dsl(chain, rule, out);
          continue;
        }
        RuleCompiler.Result r = new RuleCompiler(table.family(), schema, ruleRef(chain, rule), rule)
            .compile(statements -> references(table, chain, rule, statements, compiled));
        out.addAll(r.findings());
        if (r.rule() != null) {
          chainRules.put(i, r.rule());
        }
      }
      rules.add(chainRules);
    }
    Map<String, Set<ChainDescriptor>> reachedFrom = jumps(table, byName, rules, out);
    for (int c = 0; c < table.chains().size(); c++) {
      ChainDescriptor chain = table.chains().get(c);
      for (Map.Entry<Integer, CompiledRule> e : new java.util.TreeMap<>(rules.get(c)).entrySet()) {
        placement(table, chain, chain.rules().get(e.getKey()), e.getValue().statements(),
            reachedFrom.getOrDefault(chain.name(), Set.of()), out);
      }
    }

    Report report = Report.of(out);
    if (!report.isClean()) {
      return new CheckedTable(table, report, List.of(), List.of());
    }
    List<CheckedTable.CompiledChain> chains = new ArrayList<>();
    for (int c = 0; c < table.chains().size(); c++) {
      chains.add(new CheckedTable.CompiledChain(priorities.get(c), rules.get(c)));
    }
    return new CheckedTable(table, report, new ArrayList<>(compiled.values()), chains);
  }

  public static Report validate(Misplaced m) {
    switch (m.kind()) {
      case RULE_OUTSIDE_CHAIN:
        return Report.of(List.of(Finding.of(Diagnostic.RULE_OUTSIDE_CHAIN, m.anchor().attribute("value"), m.element(), m.where())));
      case CHAIN_OUTSIDE_TABLE:
        return Report.of(List.of(Finding.of(Diagnostic.CHAIN_OUTSIDE_TABLE, m.anchor().attribute("name"), m.element(), m.where())));
      case TABLE_ON_WRONG_KIND:
        return Report.of(List.of(Finding.of(Diagnostic.TABLE_ON_WRONG_KIND, m.anchor(), m.element(), m.where())));
      case OBJECT_OUTSIDE_TABLE:
        return Report.of(List.of(Finding.of(Diagnostic.OBJECT_OUTSIDE_TABLE, m.anchor().attribute("name"), m.element(), m.where())));
      default:
        throw new AssertionError(m.kind());
    }
  }

  // ------------------------------------------------------------------------------------ chains

  /** Checks one chain; returns its numeric priority. */
  private static int chain(
      TableDescriptor table, ChainDescriptor chain, Map<String, ChainDescriptor> byName, List<Finding> out) {
    String problem = Names.problem(chain.name());
    if (problem != null) {
      out.add(Finding.of(Diagnostic.INVALID_CHAIN_NAME, chain.anchor().attribute("name"), chain.name(), problem));
    }
    ChainDescriptor first = byName.putIfAbsent(chain.name(), chain);
    if (first != null) {
      out.add(Finding.of(Diagnostic.DUPLICATE_CHAIN_NAME, chain.anchor().attribute("name"),
          chain.name(), table.family().nftName(), table.name(), first.simpleName()));
    }
    if (!chain.isBase()) {
      for (String attribute : List.of("type", "priority", "priorityName", "policy", "device")) {
        if (chain.explicitAttributes().contains(attribute)) {
          Object value = attribute.equals("type") ? chain.type() : attribute.equals("priority") ? chain.priority()
              : attribute.equals("priorityName") ? chain.priorityName()
              : attribute.equals("policy") ? chain.policy() : "\"" + chain.device() + "\"";
          out.add(Finding.of(Diagnostic.IGNORED_ON_REGULAR_CHAIN, chain.anchor().attribute(attribute),
              chain.name(), attribute + " = " + value, attribute));
        }
      }
      return 0;
    }
    Set<Hook> familyHooks = HookRules.hooks(table.family());
    if (!familyHooks.contains(chain.hook())) {
      out.add(Finding.of(Diagnostic.HOOK_NOT_IN_FAMILY, chain.anchor().attribute("hook"),
          chain.name(), chain.hook(), table.family().nftName(), names(familyHooks)));
      return 0;
    }
    if (!HookRules.families(chain.type()).contains(table.family())) {
      out.add(Finding.of(Diagnostic.CHAIN_TYPE_NOT_IN_FAMILY, chain.anchor().attribute("type"),
          chain.name(), chain.type(), table.family().nftName(),
          HookRules.families(chain.type()).stream().map(f -> f.nftName()).collect(Collectors.joining(", "))));
      return 0;
    }
    if (!HookRules.hooks(chain.type()).contains(chain.hook())) {
      out.add(Finding.of(Diagnostic.CHAIN_TYPE_NOT_ON_HOOK, chain.anchor().attribute("hook"),
          chain.name(), chain.type(), chain.hook(), names(HookRules.hooks(chain.type()))));
      return 0;
    }
    if (HookRules.needsDevice(chain.hook()) && chain.device() == null) {
      out.add(Finding.of(Diagnostic.HOOK_NEEDS_DEVICE, chain.anchor().attribute("hook"), chain.name(), chain.hook()));
    } else if (!HookRules.needsDevice(chain.hook()) && chain.device() != null) {
      out.add(Finding.of(Diagnostic.DEVICE_ON_WRONG_HOOK, chain.anchor().attribute("device"), chain.name(),
          chain.device(), chain.hook()));
    }
    long priority = chain.priority();
    if (chain.priorityName() != PriorityName.NONE) {
      Integer base = HookRules.priority(chain.priorityName(), table.family(), chain.hook());
      if (base == null) {
        List<String> allowed = HookRules.priorityNames(table.family(), chain.hook());
        out.add(Finding.of(Diagnostic.INVALID_PRIORITY, chain.anchor().attribute("priorityName"), chain.name(),
            "priority " + chain.priorityName() + " is not available on hook " + chain.hook() + " in "
                + table.family().nftName() + " tables; use " + (allowed.isEmpty() ? "a number" : "one of: "
                + allowed.stream().map(n -> n.toUpperCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "))
                + ", or a number")));
        return 0;
      }
      priority += base;
    }
    if (chain.type() == ChainType.NAT && priority <= HookRules.NAT_MIN_PRIORITY) {
      out.add(Finding.of(Diagnostic.INVALID_PRIORITY,
          chain.anchor().attribute(chain.explicitAttributes().contains("priority") ? "priority" : "priorityName"),
          chain.name(), "NAT chains need a priority above " + HookRules.NAT_MIN_PRIORITY
              + " (after conntrack), and this one is " + priority + "; use DSTNAT or SRCNAT, or a larger number"));
    }
    return (int) priority;
  }

  // ------------------------------------------------------------------------------------ rules

  private static void dsl(ChainDescriptor chain, RuleDescriptor rule, List<Finding> out) {
    RuleDescriptor.DslMethod m = rule.dsl();
    if (m == null) {
      return;
    }
    String problem = !m.isStatic() ? "is not static"
        : !m.returnsRuleBody() ? "returns " + m.returnType() : null;
    if (problem != null) {
      out.add(Finding.of(Diagnostic.INVALID_DSL_RULE, rule.anchor(), ruleRef(chain, rule), problem));
    }
  }

  private static Schema schema(TableDescriptor table, Map<ObjectDescriptor, NftObject> compiled) {
    List<Schema.SetInfo> sets = new ArrayList<>();
    Map<String, String> objects = new LinkedHashMap<>();
    for (Map.Entry<ObjectDescriptor, NftObject> e : compiled.entrySet()) {
      if (e.getValue() instanceof NamedSet s) {
        sets.add(new Schema.SetInfo(s.name(), s.type(), s.mapType(), s.flags()));
      } else if (e.getKey().kind() != ObjectDescriptor.Kind.FLOWTABLE) {
        objects.put(e.getKey().name(), e.getKey().kind().nft());
      }
    }
    return Schema.of(sets, objects);
  }

  /** Every set, map, object and flowtable a rule names is declared on the table. */
  private static List<Finding> references(TableDescriptor table, ChainDescriptor chain, RuleDescriptor rule,
      List<Statement> statements, Map<ObjectDescriptor, NftObject> compiled) {
    Map<String, ObjectDescriptor> sets = new LinkedHashMap<>();
    Map<String, Map<String, ObjectDescriptor>> objects = new LinkedHashMap<>();
    for (ObjectDescriptor o : table.objects()) {
      if (o.kind() == ObjectDescriptor.Kind.SET || o.kind() == ObjectDescriptor.Kind.MAP) {
        sets.putIfAbsent(o.name(), o);
      } else {
        objects.computeIfAbsent(o.kind().nft(), k -> new LinkedHashMap<>()).putIfAbsent(o.name(), o);
      }
    }
    List<Finding> out = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    Trees.visit(statements, node -> {
      String set = node instanceof SetReference r ? r.name() : node instanceof SetUpdate u ? u.set()
          : node instanceof MapUpdate m ? m.map() : null;
      if (set != null && !sets.containsKey(set) && reported.add("@" + set)) {
        String s = Suggestions.closest(set, sets.keySet());
        out.add(Finding.of(Diagnostic.UNKNOWN_SET, rule.anchor().attribute("value"), ruleRef(chain, rule), set,
            table.family().nftName(), table.name(), s == null ? "" : " (did you mean @" + s + "?)"));
      }
      if ((node instanceof SetUpdate || node instanceof MapUpdate) && set != null && sets.containsKey(set)) {
        List<String> flags = sets.get(set).strings("flags");
        String bad = flags.contains("constant") ? "constant" : flags.contains("interval") ? "with intervals" : null;
        if (bad != null) {
          out.add(Finding.of(Diagnostic.CONSTANT_SET_UPDATED, rule.anchor().attribute("value"), ruleRef(chain, rule),
              node instanceof SetUpdate u ? u.op() : ((MapUpdate) node).op(), set, bad));
        }
      }
      if (node instanceof ObjectRef ref && ref.reference() instanceof StringLiteral name) {
        String kind = ref.type().json();
        Map<String, ObjectDescriptor> declared = objects.getOrDefault(kind, Map.of());
        if (!declared.containsKey(name.value()) && reported.add(kind + " " + name.value())) {
          String s = Suggestions.closest(name.value(), declared.keySet());
          out.add(Finding.of(Diagnostic.UNKNOWN_OBJECT, rule.anchor().attribute("value"), ruleRef(chain, rule), kind,
              name.value(), table.family().nftName(), table.name(), s == null ? "" : " (did you mean \"" + s + "\"?)",
              annotationFor(kind)));
        }
      }
      if (node instanceof FlowOffload f) {
        Map<String, ObjectDescriptor> declared = objects.getOrDefault("flowtable", Map.of());
        if (!declared.containsKey(f.flowtable()) && reported.add("flowtable " + f.flowtable())) {
          String s = Suggestions.closest(f.flowtable(), declared.keySet());
          out.add(Finding.of(Diagnostic.UNKNOWN_OBJECT, rule.anchor().attribute("value"), ruleRef(chain, rule),
              "flowtable", f.flowtable(), table.family().nftName(), table.name(),
              s == null ? "" : " (did you mean \"" + s + "\"?)", "Flowtable"));
        }
      }
    });
    return out;
  }

  private static String annotationFor(String kind) {
    for (ObjectDescriptor.Kind k : ObjectDescriptor.Kind.values()) {
      if (k.nft().equals(kind)) {
        return k.annotation();
      }
    }
    return kind.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.substring(1);
  }

  /**
   * Statements that only run on some hooks or in some chain types: NAT, reject, tproxy. A rule of
   * a regular chain runs on the hooks of every base chain that reaches it.
   */
  private static void placement(TableDescriptor table, ChainDescriptor chain, RuleDescriptor rule,
      List<Statement> statements, Set<ChainDescriptor> bases, List<Finding> out) {
    Family f = table.family();
    boolean ipFamily = f == Family.IP || f == Family.IP6 || f == Family.INET;
    for (ChainDescriptor base : bases) {
      boolean[] reported = new boolean[1];
      Trees.visit(statements, node -> {
        if (reported[0]) {
          return;
        }
        if (node instanceof Nat nat) {
          Set<Hook> hooks = HookRules.natHooks(nat.type());
          String what = nat.type().name().toLowerCase(java.util.Locale.ROOT);
          if (base.type() != ChainType.NAT) {
            out.add(Finding.of(Diagnostic.NAT_OUTSIDE_NAT_CHAIN, rule.anchor().attribute("value"),
                ruleRef(chain, rule), what, base.name(), base.type(), hooks.iterator().next()));
            reported[0] = true;
          } else if (!hooks.contains(base.hook())) {
            out.add(Finding.of(Diagnostic.NAT_WRONG_HOOK, rule.anchor().attribute("value"), ruleRef(chain, rule),
                what, names(hooks).replace(", ", " or "), base.name(), base.hook(), names(hooks).replace(", ", " or ")));
            reported[0] = true;
          }
        } else if (node instanceof Reject && ipFamily && !HookRules.REJECT_HOOKS.contains(base.hook())) {
          out.add(Finding.of(Diagnostic.REJECT_WRONG_HOOK, rule.anchor().attribute("value"), ruleRef(chain, rule),
              base.name(), base.hook()));
          reported[0] = true;
        } else if (node instanceof Tproxy && base.hook() != Hook.PREROUTING) {
          out.add(Finding.of(Diagnostic.TPROXY_WRONG_HOOK, rule.anchor().attribute("value"), ruleRef(chain, rule),
              base.name(), base.hook()));
          reported[0] = true;
        }
      });
    }
  }

  // ------------------------------------------------------------------------------------ jumps

  /**
   * Jump and goto targets: declared, regular, and no loop a base chain can reach. Returns, per
   * chain name, the base chains whose packets reach it (a base chain reaches itself).
   */
  private static Map<String, Set<ChainDescriptor>> jumps(TableDescriptor table, Map<String, ChainDescriptor> byName,
      List<Map<Integer, CompiledRule>> rules, List<Finding> out) {
    Map<String, List<Edge>> edges = new HashMap<>();
    for (int c = 0; c < table.chains().size(); c++) {
      ChainDescriptor chain = table.chains().get(c);
      for (Map.Entry<Integer, CompiledRule> e : new java.util.TreeMap<>(rules.get(c)).entrySet()) {
        RuleDescriptor rule = chain.rules().get(e.getKey());
        List<Verdict> verdicts = new ArrayList<>();
        Trees.visit(e.getValue().statements(), n -> {
          if (n instanceof Verdict v && v.target() != null) {
            verdicts.add(v);
          }
        });
        for (Verdict v : verdicts) {
          ChainDescriptor target = byName.get(v.target());
          if (target == null) {
            String suggestion = Suggestions.closest(v.target(), byName.keySet());
            out.add(Finding.of(Diagnostic.UNKNOWN_JUMP_TARGET, rule.anchor().attribute("value"),
                ruleRef(chain, rule), v.kind().json(), v.target(), table.family().nftName(), table.name(),
                suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)"));
          } else if (target.isBase()) {
            out.add(Finding.of(Diagnostic.JUMP_TO_BASE_CHAIN, rule.anchor().attribute("value"),
                ruleRef(chain, rule), v.kind().json(), v.target()));
          } else {
            edges.computeIfAbsent(chain.name(), k -> new ArrayList<>()).add(new Edge(chain, rule, v));
          }
        }
      }
    }
    Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the path, 2: done
    for (ChainDescriptor base : table.chains()) {
      if (base.isBase() && !state.containsKey(base.name())) {
        visit(base.name(), base.name(), edges, state, new ArrayList<>(), out);
      }
    }
    Map<String, Set<ChainDescriptor>> reached = new HashMap<>();
    for (ChainDescriptor base : table.chains()) {
      if (!base.isBase() || byName.get(base.name()) != base) {
        continue;
      }
      List<String> todo = new ArrayList<>(List.of(base.name()));
      Set<String> done = new LinkedHashSet<>();
      while (!todo.isEmpty()) {
        String c = todo.remove(todo.size() - 1);
        if (done.add(c)) {
          reached.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(base);
          for (Edge e : edges.getOrDefault(c, List.of())) {
            todo.add(e.verdict().target());
          }
        }
      }
    }
    return reached;
  }

  private record Edge(ChainDescriptor from, RuleDescriptor rule, Verdict verdict) {}

  private static void visit(
      String chain, String base, Map<String, List<Edge>> edges, Map<String, Integer> state,
      List<String> path, List<Finding> out) {
    state.put(chain, 1);
    path.add(chain);
    for (Edge e : edges.getOrDefault(chain, List.of())) {
      String target = e.verdict().target();
      Integer s = state.get(target);
      if (s == null) {
        visit(target, base, edges, state, path, out);
      } else if (s == 1) {
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
        loop.add(target);
        out.add(Finding.of(Diagnostic.JUMP_LOOP, e.rule().anchor().attribute("value"),
            ruleRef(e.from(), e.rule()), e.verdict().kind().json(), target, String.join(" -> ", loop), base));
      }
    }
    path.remove(path.size() - 1);
    state.put(chain, 2);
  }

  /** How messages name a rule: {@code Input.loopback()}. */
  static String ruleRef(ChainDescriptor chain, RuleDescriptor rule) {
    return chain.simpleName() + "." + rule.method() + "()";
  }

  private static String names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
