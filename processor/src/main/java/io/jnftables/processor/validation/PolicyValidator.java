package io.jnftables.processor.validation;

import io.jnftables.annotations.Hook;
import io.jnftables.model.Names;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.processor.model.ChainDescriptor;
import io.jnftables.processor.model.Misplaced;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import io.jnftables.text.NftSyntaxException;
import io.jnftables.text.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates one table (names, chains, rule text, jumps) or one misplaced annotation. Pure: the
 * same descriptors always give the same report.
 */
public final class PolicyValidator {
  private PolicyValidator() {}

  public static Report validate(TableDescriptor table) {
    List<Finding> out = new ArrayList<>();
    String tableProblem = Names.problem(table.name());
    if (tableProblem != null) {
      out.add(Finding.of(Diagnostic.INVALID_TABLE_NAME, table.anchor().attribute("name"), table.name(), tableProblem));
    }
    Map<String, ChainDescriptor> byName = new LinkedHashMap<>();
    for (ChainDescriptor chain : table.chains()) {
      chain(table, chain, byName, out);
    }
    for (ChainDescriptor chain : table.chains()) {
      for (RuleDescriptor rule : chain.rules()) {
        NftSyntaxException e = rule.syntaxError();
        if (e != null) {
          String formatted = e.formatted();
          out.add(Finding.of(Diagnostic.RULE_SYNTAX, rule.anchor().attribute("value"),
              ruleRef(chain, rule), e.getMessage(), formatted.substring(formatted.indexOf('\n') + 1)));
        }
      }
    }
    jumps(table, byName, out);
    return Report.of(out);
  }

  public static Report validate(Misplaced m) {
    switch (m.kind()) {
      case RULE_OUTSIDE_CHAIN:
        return Report.of(List.of(Finding.of(Diagnostic.RULE_OUTSIDE_CHAIN, m.anchor().attribute("value"), m.element(), m.where())));
      case CHAIN_OUTSIDE_TABLE:
        return Report.of(List.of(Finding.of(Diagnostic.CHAIN_OUTSIDE_TABLE, m.anchor().attribute("name"), m.element(), m.where())));
      case TABLE_ON_WRONG_KIND:
        return Report.of(List.of(Finding.of(Diagnostic.TABLE_ON_WRONG_KIND, m.anchor(), m.element(), m.where())));
      default:
        throw new AssertionError(m.kind());
    }
  }

  private static void chain(
      TableDescriptor table, ChainDescriptor chain, Map<String, ChainDescriptor> byName, List<Finding> out) {
    String problem = Names.problem(chain.name());
    if (problem != null) {
      out.add(Finding.of(Diagnostic.INVALID_CHAIN_NAME, chain.anchor().attribute("name"), chain.name(), problem));
    }
    ChainDescriptor first = byName.putIfAbsent(chain.name(), chain);
    if (first != null) {
      out.add(Finding.of(Diagnostic.DUPLICATE_CHAIN_NAME, chain.anchor().attribute("name"),
          chain.name(), table.family().nftName(), table.name(), simpleName(first.sourceType())));
    }
    if (!chain.isBase()) {
      for (String attribute : List.of("type", "priority", "policy")) {
        if (chain.explicitAttributes().contains(attribute)) {
          Object value = attribute.equals("type") ? chain.type() : attribute.equals("priority") ? chain.priority() : chain.policy();
          out.add(Finding.of(Diagnostic.IGNORED_ON_REGULAR_CHAIN, chain.anchor().attribute(attribute),
              chain.name(), attribute + " = " + value, attribute));
        }
      }
      return;
    }
    Set<Hook> familyHooks = HookRules.hooks(table.family());
    if (!familyHooks.contains(chain.hook())) {
      out.add(Finding.of(Diagnostic.HOOK_NOT_IN_FAMILY, chain.anchor().attribute("hook"),
          chain.name(), chain.hook(), table.family().nftName(), names(familyHooks)));
      return;
    }
    if (!HookRules.families(chain.type()).contains(table.family())) {
      out.add(Finding.of(Diagnostic.CHAIN_TYPE_NOT_IN_FAMILY, chain.anchor().attribute("type"),
          chain.name(), chain.type(), table.family().nftName(),
          HookRules.families(chain.type()).stream().map(f -> f.nftName()).collect(Collectors.joining(", "))));
      return;
    }
    if (!HookRules.hooks(chain.type()).contains(chain.hook())) {
      out.add(Finding.of(Diagnostic.CHAIN_TYPE_NOT_ON_HOOK, chain.anchor().attribute("hook"),
          chain.name(), chain.type(), chain.hook(), names(HookRules.hooks(chain.type()))));
      return;
    }
    if (HookRules.needsDevice(chain.hook())) {
      out.add(Finding.of(Diagnostic.HOOK_NEEDS_DEVICE, chain.anchor().attribute("hook"), chain.name(), chain.hook()));
    }
  }

  /** Jump and goto targets: declared, regular, and no loop a base chain can reach. */
  private static void jumps(TableDescriptor table, Map<String, ChainDescriptor> byName, List<Finding> out) {
    Map<String, List<Edge>> edges = new HashMap<>();
    for (ChainDescriptor chain : table.chains()) {
      for (RuleDescriptor rule : chain.rules()) {
        if (rule.statements() == null) {
          continue;
        }
        for (Statement s : rule.statements()) {
          if (!(s instanceof Verdict v) || v.target() == null) {
            continue;
          }
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
    return simpleName(chain.sourceType()) + "." + rule.method() + "()";
  }

  private static String simpleName(String canonicalName) {
    return canonicalName.substring(canonicalName.lastIndexOf('.') + 1);
  }

  private static String names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
