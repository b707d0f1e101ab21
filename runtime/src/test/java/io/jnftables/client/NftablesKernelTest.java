package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.netns.NetnsTarget;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each test talks to the kernel through a client bound to a fresh network namespace. */
@Tag("kernel")
class NftablesKernelTest {
  private static final Table TABLE = Table.of(Family.INET, "filter");
  private static final Chain INPUT =
      Chain.base(Family.INET, "filter", "input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP));
  private static final Rule SSH =
      Rule.of(
          Family.INET, "filter", "input",
          List.of(Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(22)), Counter.NEW, Verdict.ACCEPT));

  @Test
  void submitsABatchAndListsItBackTyped() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(Batch.builder().add(TABLE).add(INPUT).add(SSH).build());

      Ruleset rs = nft.listRuleset();
      assertEquals(0, rs.rawCount());
      assertEquals(List.of(TABLE), rs.tables().stream().map(Table::withoutHandle).toList());
      assertEquals(List.of(INPUT), rs.chains().stream().map(Chain::withoutHandle).toList());
      Rule listed = rs.rules().get(0);
      assertEquals(
          List.of(SSH.statements().get(0), new Counter(0L, 0L), Verdict.ACCEPT), listed.statements());
      assertTrue(listed.handle() != null && listed.handle() > 0);

      String text = nft.listRulesetText();
      assertTrue(text.contains("type filter hook input priority filter; policy drop;"), text);
      assertTrue(text.contains("tcp dport 22 counter packets 0 bytes 0 accept"), text);
    }
  }

  @Test
  void aRejectedBatchThrowsNftsMessageAndChangesNothing() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(Batch.builder().add(TABLE).add(INPUT).build());
      Ruleset before = nft.listRuleset();

      // Second command adds a chain to a table that does not exist: the whole batch must fail.
      Batch bad =
          Batch.builder()
              .add(SSH)
              .add(Chain.regular(Family.INET, "nosuch", "c"))
              .build();
      NftablesException e = assertThrows(NftablesException.class, () -> nft.submit(bad));
      assertTrue(e.nftMessage().contains("No such file or directory"), e.nftMessage());
      assertTrue(e.request().contains("nosuch"));

      assertEquals(before, nft.listRuleset());
    }
  }

  @Test
  void checkIsADryRun() {
    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.check(Batch.builder().add(TABLE).add(INPUT).add(SSH).build());
      assertEquals(List.of(), nft.listRuleset().tables());

      Batch createTwice =
          Batch.builder().add(TABLE).command(new Command(Verb.CREATE, TABLE)).build();
      NftablesException e = assertThrows(NftablesException.class, () -> nft.check(createTwice));
      assertTrue(e.nftMessage().contains("File exists"), e.nftMessage());
      assertEquals(List.of(), nft.listRuleset().tables());
    }
  }
}
