package io.jnftables.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.NftablesException;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Statement;
import io.jnftables.testing.KernelNs;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every DSL function in the kernel: one fresh namespace per family, every case of {@link DslCases}
 * added as one batch (through the JSON the DSL builds), listed back, and each rule's listing
 * compared with what nft 1.0.6 prints for it. A batch the kernel refuses is retried rule by rule
 * to name every failing case.
 */
@Tag("kernel")
class DslKernelTest {

  /** Functions that cannot be loaded here, with the reason; they have unit tests of their JSON or error. */
  static final Map<String, String> NOT_IN_KERNEL =
      Map.of(
          "queue", "this kernel has no nft_queue (nfnetlink_queue): tested up to the JSON and the kernel's refusal",
          "queueToUserspace", "this kernel has no nft_queue: tested up to the JSON",
          "flowOffload", "this kernel has no flowtables (nf_flow_table): tested up to the JSON",
          "setSecmark", "secmark objects need SELinux, absent here: tested up to the JSON",
          "incrementTtl", "nft 1.0.6 cannot express it: throws UnsupportedFeatureException (unit test)",
          "decrementTtl", "nft 1.0.6 cannot express it: throws UnsupportedFeatureException (unit test)",
          "incrementHoplimit", "nft 1.0.6 cannot express it: throws UnsupportedFeatureException (unit test)",
          "decrementHoplimit", "nft 1.0.6 cannot express it: throws UnsupportedFeatureException (unit test)",
          "greVersion", "nft 1.0.6 has no GRE header fields: throws UnsupportedFeatureException (unit test)",
          "greKey", "nft 1.0.6 has no GRE header fields: throws UnsupportedFeatureException (unit test)");

  static final Set<String> NOT_IN_KERNEL_MORE = Set.of("greFlags");

  @Test
  void everyDslFunctionLoadsAndListsBackAsNftPrintsIt() {
    List<DslCases.Case> cases = new DslCases().all();
    Map<Family, List<Integer>> byFamily = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      byFamily.computeIfAbsent(cases.get(i).family(), f -> new ArrayList<>()).add(i);
    }
    List<String> failures = new ArrayList<>();
    int sameJson = 0;
    int checked = 0;
    for (Map.Entry<Family, List<Integer>> e : byFamily.entrySet()) {
      Family family = e.getKey();
      try (KernelNs ns = KernelNs.fresh()) {
        ns.text(DslCases.setup(family));
        Batch.Builder b = Batch.builder();
        DslCases.prelude(family).forEach(b::add);
        for (int i : e.getValue()) {
          b.add(rule(cases.get(i), i));
        }
        try {
          ns.nft().submit(b.build());
        } catch (NftablesException ex) {
          // Find every case the kernel refuses, one at a time, then go on with the others.
          List<Integer> ok = new ArrayList<>();
          for (int i : e.getValue()) {
            try {
              Batch.Builder one = Batch.builder();
              DslCases.prelude(family).forEach(one::add);
              ns.nft().check(one.add(rule(cases.get(i), i)).build());
              ok.add(i);
            } catch (NftablesException one) {
              failures.add(describe(cases.get(i), i) + "\n    refused: " + one.nftMessage().strip().lines().findFirst().orElse("")
                  + "\n    json: " + Batch.builder().add(rule(cases.get(i), i)).build().toJson());
            }
          }
          Batch.Builder retry = Batch.builder();
          DslCases.prelude(family).forEach(retry::add);
          ok.forEach(i -> retry.add(rule(cases.get(i), i)));
          ns.nft().submit(retry.build());
        }
        Map<String, String> text = listedText(ns.nft().listRulesetText());
        Map<String, Rule> typed = new HashMap<>();
        Ruleset rs = ns.nft().listRuleset();
        for (Rule r : rs.rules()) {
          if (r.comment() != null) {
            typed.put(r.comment(), r);
          }
        }
        for (int i : e.getValue()) {
          DslCases.Case c = cases.get(i);
          String id = "c" + i;
          String listed = text.get(id);
          if (listed == null) {
            if (failures.stream().noneMatch(f -> f.startsWith(describe(c, i)))) {
              failures.add(describe(c, i) + "\n    not listed back");
            }
            continue;
          }
          checked++;
          if (!listed.equals(c.listed())) {
            failures.add(describe(c, i) + "\n    expected: " + c.listed() + "\n    listed:   " + listed);
          }
          Rule r = typed.get(id);
          if (r != null && normalize(r.statements()).equals(normalize(c.rule().statements(family)))) {
            sameJson++;
          }
        }
      }
    }
    System.out.println(
        "DSL kernel cases=" + cases.size() + " listed=" + checked + " listed-back-as-built(JSON)=" + sameJson);
    if (!failures.isEmpty()) {
      fail(failures.size() + " case(s) failed:\n" + String.join("\n", failures));
    }
  }

  @Test
  void everyPublicDslFunctionIsLoadedByAtLeastOneCase() {
    Set<String> covered = new TreeSet<>();
    for (DslCases.Case c : new DslCases().all()) {
      covered.addAll(c.covers());
    }
    Set<String> missing = new TreeSet<>();
    for (String name : dslFunctions()) {
      if (!covered.contains(name) && !NOT_IN_KERNEL.containsKey(name) && !NOT_IN_KERNEL_MORE.contains(name)) {
        missing.add(name);
      }
    }
    Set<String> verified = new TreeSet<>(dslFunctions());
    verified.retainAll(covered);
    System.out.println(
        "DSL functions=" + dslFunctions().size() + " kernel-verified=" + verified.size() + " not-in-kernel="
            + (NOT_IN_KERNEL.size() + NOT_IN_KERNEL_MORE.size()));
    assertEquals(Set.of(), missing, "DSL functions without a kernel case");
  }

  /** The distinct names of RuleExpr's public rule-building methods plus Expr's operand helpers. */
  static Set<String> dslFunctions() {
    Set<String> names = new TreeSet<>();
    for (Method m : RuleExpr.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && (m.getReturnType() == RuleExpr.class || m.getReturnType() == TerminalExpr.class)
          && !Set.of("family", "comment").contains(m.getName())) {
        names.add(m.getName());
      }
    }
    for (Method m : Expr.class.getDeclaredMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
          && (m.getReturnType() == Operand.class || m.getReturnType() == Tuple.class || m.getName().equals("expr"))) {
        names.add(m.getName());
      }
    }
    return names;
  }

  @Test
  void queueIsRefusedByThisKernelButItsJsonIsWhatNftWants() {
    try (KernelNs ns = KernelNs.fresh()) {
      ns.text(DslCases.setup(Family.INET));
      Rule r = Expr.queue(1, QueueFlag.BYPASS).toRule(Family.INET, "t", "c");
      assertEquals(
          "{\"nftables\":[{\"add\":{\"rule\":{\"family\":\"inet\",\"table\":\"t\",\"chain\":\"c\",\"expr\":"
              + "[{\"queue\":{\"num\":1,\"flags\":\"bypass\"}}]}}}]}",
          Batch.builder().add(r).build().toJson());
      NftablesException e = assertThrows(NftablesException.class, () -> ns.nft().submit(Batch.builder().add(r).build()));
      assertTrue(e.nftMessage().contains("No such file or directory"), e.nftMessage());
    }
  }

  private static Rule rule(DslCases.Case c, int i) {
    return c.rule().toRule(c.family(), "t", c.chain()).withComment("c" + i);
  }

  private static String describe(DslCases.Case c, int i) {
    return "c" + i + " [" + c.family().nftName() + " " + c.chain() + "] " + c.rule();
  }

  /** Rule text by comment id, from {@code nft list ruleset}. */
  static Map<String, String> listedText(String listing) {
    Map<String, String> out = new HashMap<>();
    for (String line : listing.lines().toList()) {
      String l = line.strip();
      int at = l.lastIndexOf(" comment \"c");
      if (at < 0 && l.startsWith("comment \"c")) {
        at = 0;
      }
      if (at >= 0 && l.endsWith("\"")) {
        String id = l.substring(l.indexOf("\"", at) + 1, l.length() - 1);
        out.put(id, l.substring(0, at).strip());
      }
    }
    return out;
  }

  private static List<Statement> normalize(List<Statement> s) {
    List<Statement> out = new ArrayList<>();
    for (Statement x : s) {
      out.add(x instanceof Counter ? Counter.NEW : x);
    }
    return out;
  }
}
