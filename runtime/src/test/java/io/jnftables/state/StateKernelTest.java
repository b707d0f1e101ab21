package io.jnftables.state;

import static io.jnftables.dsl.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.SetSpec;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.Per;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.query.Query;
import io.jnftables.testing.KernelNs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backup and restore of owned tables, and drift between a desired batch and the live ruleset. */
@Tag("kernel")
class StateKernelTest {
  private static final Predicate<Table> MINE = t -> t.name().startsWith("app");

  private static Batch desired() {
    return Builder.create()
        .addTable("app")
        .addSet("blocklist", SetSpec.of("ipv4_addr").flags("interval").elements("10.0.0.0/8", "192.168.1.100"))
        .addCounter("http")
        .addChain("input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP))
        .addRule(iifname("lo").accept())
        .addRule(ctState(CtState.ESTABLISHED, CtState.RELATED).accept())
        .addRule(ip().saddr(ref("blocklist")).counter().drop())
        .addRule(tcp().dport(22).ctState(CtState.NEW).limit(10, Per.MINUTE).accept())
        .addRule(tcp().dport(oneOf(80, 443)).accept())
        .addChain("other")
        .addRule(log("other: ").drop())
        .build();
  }

  /** The same in both file formats: an nft script (the default) and a JSON document ({@code .json}). */
  @ParameterizedTest
  @ValueSource(strings = {"firewall.nft", "firewall.json"})
  void saveAndRestoreOwnedTablesAtomically(String name, @TempDir Path dir) {
    try (KernelNs ns = KernelNs.fresh()) {
      Nftables nft = ns.nft();
      nft.submit(desired());
      Builder.create().addTable("theirs").addChain("c").addRule(drop()).submit(nft);
      Path file = dir.resolve(name);
      Batch saved = Backup.save(nft, file, MINE);
      assertTrue(Files.exists(file));
      assertEquals(saved, Backup.read(file));
      assertTrue(saved.commands().stream().noneMatch(c -> c.object() instanceof Table t && t.name().equals("theirs")));
      Ruleset before = Drift.normalize(nft.listRuleset());

      // damage: a rule gone, a rule added, an element gone, a new owned table, their table changed
      Query q = Query.of(nft);
      Rule lo = q.rules(Family.INET, "app", "input").get(0);
      Builder.create().table("app").chain("input").deleteRule(lo.handle()).addRule(udp().accept())
          .set("blocklist").deleteElements("192.168.1.100").addTable("app2").submit(nft);
      Builder.create().table("theirs").chain("c").addRule(accept()).submit(nft);

      Backup.restore(nft, file, MINE);
      Ruleset after = Drift.normalize(nft.listRuleset());
      assertEquals(onlyApp(before), onlyApp(after));
      assertFalse(q.table(Family.INET, "app2").isPresent(), "an owned table not in the backup is removed");
      assertEquals(2, q.rules(Family.INET, "theirs", "c").size(), "a table not owned is left alone");

      // a restore that fails changes nothing
      Batch broken = Batch.of(List.of(saved.commands().get(0), io.jnftables.model.Command.add(
          io.jnftables.model.Chain.regular(Family.INET, "nosuch", "c"))));
      assertThrows(NftablesException.class, () -> Backup.restore(nft, broken, MINE));
      assertEquals(onlyApp(before), onlyApp(Drift.normalize(nft.listRuleset())));
      assertThrows(IllegalArgumentException.class, () -> Backup.restoreBatch(
          Builder.create().addTable("theirs").build(), nft.listRuleset(), MINE));
    }
  }

  /**
   * What nft 1.0.6's JSON listing loses — table flags and comment, a {@code typeof} set key, a
   * chain comment — survives a backup to an nft script and a restore: the text listing of the
   * owned table is the same before and after.
   */
  @Test
  void aScriptBackupKeepsWhatJsonLoses(@TempDir Path dir) {
    try (KernelNs ns = KernelNs.fresh()) {
      Nftables nft = ns.nft();
      nft.runText("table inet app_full {\n"
          + "  flags dormant\n"
          + "  comment \"kept\"\n"
          + "  set peers {\n    typeof ip saddr\n    elements = { 10.0.0.1, 10.0.0.2 }\n  }\n"
          + "  chain c {\n    type filter hook input priority 0; policy accept;\n    comment \"also kept\"\n"
          + "    ip saddr @peers counter drop\n  }\n"
          + "}\n");
      String before = nft.listRulesetText();
      Path file = dir.resolve("firewall.nft");
      Backup.save(nft, file, MINE);
      nft.runText("delete table inet app_full");
      Backup.restore(nft, file, MINE);
      assertEquals(before, nft.listRulesetText());
      assertTrue(before.contains("typeof ip saddr") && before.contains("flags dormant"), before);
    }
  }

  /** The objects of table app, rules without their handles (a restore gives new ones). */
  private static List<?> onlyApp(Ruleset rs) {
    return rs.objects().stream()
        .map(o -> o instanceof Rule r ? r.withoutHandle() : o)
        .filter(o -> o.toString().contains("table=app,") || o.toString().contains("name=app,"))
        .toList();
  }

  @Test
  void driftIsFoundAndTheConvergingBatchIsMinimal() {
    Batch want = desired();
    Ruleset canonical = Drift.canonical(want);
    try (KernelNs ns = KernelNs.fresh()) {
      Nftables nft = ns.nft();
      nft.submit(want);
      DriftReport same = Drift.diff(canonical, Query.of(nft).ruleset());
      assertTrue(same.inSync(), same.differences().toString());
      assertTrue(same.converge().isEmpty());

      // drift: one rule removed, one rule added in the middle, an element removed and one added,
      // the policy changed, a counter removed, an extra chain, counters counted (ignored)
      Query q = Query.of(nft);
      List<Rule> rules = q.rules(Family.INET, "app", "input");
      Builder.create().table("app").chain("input")
          .deleteRule(rules.get(1).handle())
          .insertRuleBefore(rules.get(3).handle(), udp().dport(53).accept())
          .set("blocklist").deleteElements("192.168.1.100").addElements("172.16.0.0/12")
          .addChain("input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
          .deleteCounter("http")
          .addChain("extra").addRule(accept())
          .add(new io.jnftables.model.NamedCounter(Family.INET, "app", "c2", null, 5L, 6L, null))
          .submit(nft);
      DriftReport r = Drift.diff(canonical, q.ruleset());
      List<String> found = r.differences().stream().map(Difference::toString).toList();
      assertEquals(8, r.differences().size(), String.join("\n", found));
      assertTrue(found.stream().anyMatch(s -> s.startsWith("changed chain inet app input: policy accept → drop")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("missing rule inet app input #1")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("extra rule inet app input handle")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("extra chain inet app extra")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("missing counter inet app http")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("extra counter inet app c2")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("missing element of set inet app blocklist")), found.toString());
      assertTrue(found.stream().anyMatch(s -> s.startsWith("extra element of set inet app blocklist")), found.toString());
      // minimal: the matching rules stay (their handles and counters survive)
      long kept = q.rules(Family.INET, "app", "input").get(1).handle();
      nft.submit(r.converge());
      DriftReport after = Drift.diff(canonical, q.ruleset());
      assertTrue(after.inSync(), after.differences().toString());
      assertTrue(q.rules(Family.INET, "app", "input").stream().anyMatch(x -> x.handle() == kept));
      assertEquals(canonical.rules().size(), q.rules(Family.INET, "app").size());

      // a change nft cannot make in place: the base chain's hook; the table is recreated
      Batch moved = Builder.create().table("app").flushChain("input").deleteChain("input")
          .addChain("input", BaseChain.of(ChainType.FILTER, Hook.OUTPUT, 0, Policy.DROP)).build();
      nft.submit(moved);
      DriftReport hook = Drift.diff(canonical, q.ruleset());
      assertTrue(hook.differences().stream().anyMatch(d -> d.detail().contains("the table is recreated")));
      nft.submit(hook.converge());
      assertTrue(Drift.diff(canonical, q.ruleset()).inSync());

      // other tables are not compared; an owned table that is not desired is extra
      Builder.create().addTable("theirs").addTable("app_old").submit(nft);
      assertTrue(Drift.diff(canonical, q.ruleset()).inSync());
      DriftReport owned = Drift.diff(canonical, q.ruleset(), MINE);
      assertEquals(1, owned.differences().size());
      nft.submit(owned.converge());
      assertFalse(q.table(Family.INET, "app_old").isPresent());
      assertTrue(q.table(Family.INET, "theirs").isPresent());
    }
  }

  @Test
  void aDeclaredBatchComparesWithoutAScratchNamespace() {
    try (KernelNs ns = KernelNs.fresh()) {
      ns.nft().submit(desired());
      DriftReport r = Drift.diff(desired(), ns.nft());
      assertTrue(r.inSync(), r.differences().toString());
      Builder.create().table("app").addCounter("new").submit(ns.nft());
      assertEquals(1, Drift.diff(desired(), ns.nft()).differences().size());
    }
  }
}
