package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.Element;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.ObjectHandle;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.FibExpr;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.NumgenExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Limit;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Mangle;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Quota;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.model.stmt.VerdictMap;
import io.jnftables.netns.NetnsTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the model encodes, nft accepts; what nft lists back decodes typed into the same values.
 * Built from the model alone (no JSON text), submitted to a fresh namespace, listed back.
 */
@Tag("kernel")
class ModelKernelTest {
  private static final Family F = Family.INET;
  private static final String T = "k";
  private static final PayloadExpr IP_SADDR = new PayloadExpr("ip", "saddr");
  private static final PayloadExpr TCP_DPORT = new PayloadExpr("tcp", "dport");

  private static Rule rule(String chain, Statement... statements) {
    return Rule.of(F, T, chain, List.of(statements));
  }

  @Test
  void aRulesetUsingEveryKindOfObjectGoesInAndComesBackTyped() throws Exception {
    NamedSet blocklist = NamedSet.set(F, T, "blocklist", List.of("ipv4_addr"), List.of("interval", "timeout"))
        .withElements(List.of(
            new ElemExpr(new PrefixExpr(new StringLiteral("10.9.0.0"), 16), 3600L, null, "lab", List.of()),
            new StringLiteral("192.0.2.7")));
    NamedSet ports = NamedSet.map(F, T, "ports", List.of("inet_service"), "verdict", List.of())
        .withElements(List.of(new MappingExpr(new NumberLiteral(22), new VerdictExpr(Verdict.jump("ssh")))));
    Rule blocked = rule("input", Match.eq(IP_SADDR, new SetReference("blocklist")),
        ObjectRef.named(ObjectRef.Type.COUNTER, "hits"), Verdict.DROP);
    NamedSet pairs = NamedSet.set(F, T, "pairs", List.of("ipv4_addr", "inet_service"), List.of());
    Batch batch = Batch.builder()
        .add(Table.of(F, T))
        .add(Chain.base(F, T, "input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT)))
        .add(Chain.regular(F, T, "ssh"))
        .add(Chain.base(F, T, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100, Policy.ACCEPT)))
        .add(Chain.base(F, T, "post", BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100, Policy.ACCEPT)))
        .add(blocklist)
        .add(ports)
        .add(pairs)
        .add(Element.of(F, T, "pairs", List.of(new ConcatExpr(List.of(new StringLiteral("10.0.0.1"), new NumberLiteral(22))))))
        .add(NamedCounter.of(F, T, "hits"))
        .add(NamedQuota.of(F, T, "cap", 10_000_000, true))
        .add(NamedLimit.packets(F, T, "slow", 10, "second"))
        .add(new CtHelper(F, T, "ftp-std", null, "ftp", "tcp", "ip", null))
        .add(blocked)
        .add(rule("input", new VerdictMap(TCP_DPORT, new SetReference("ports"))))
        .add(rule("input", new Match(Operator.IN, new CtExpr("state"),
            new ListExpr(List.of(new StringLiteral("established"), new StringLiteral("related")))), Verdict.ACCEPT))
        .add(rule("input", Match.eq(new MetaExpr("l4proto"), new StringLiteral("tcp")),
            Match.eq(TCP_DPORT, new NumberLiteral(80)), Limit.packets(10, "second", false), Verdict.ACCEPT))
        .add(rule("input", new Log("in: ", null, null, null, "info", List.of()), Quota.of(10, "mbytes", true), Verdict.DROP))
        .add(rule("input", Match.eq(new ConcatExpr(List.of(IP_SADDR, TCP_DPORT)), new SetReference("pairs")), Verdict.ACCEPT))
        .add(rule("input", new Mangle(new MetaExpr("mark"), new BinaryExpr(BinaryOperator.OR, new MetaExpr("mark"), new NumberLiteral(1)))))
        .add(rule("input", Match.eq(new FibExpr("type", List.of("daddr")), new StringLiteral("local")), Counter.NEW))
        .add(rule("input", Match.eq(TCP_DPORT, new NumberLiteral(21)), ObjectRef.named(ObjectRef.Type.CT_HELPER, "ftp-std")))
        .add(rule("input", Match.eq(TCP_DPORT, new NumberLiteral(443)), new Reject("icmpx", "admin-prohibited")))
        .add(rule("ssh", Verdict.ACCEPT))
        .add(rule("pre", Match.eq(new MetaExpr("nfproto"), new StringLiteral("ipv4")),
            Match.eq(TCP_DPORT, new NumberLiteral(8080)),
            new Nat(Nat.Type.DNAT, "ip", new StringLiteral("10.0.0.1"), new NumberLiteral(80), List.of(), List.of())))
        .add(rule("post", new Mangle(new MetaExpr("mark"),
                new JhashExpr(IP_SADDR, 2, 3735928559L, null)),
            new Nat(Nat.Type.MASQUERADE, null, null, null, List.of("random", "persistent"), List.of())))
        .add(rule("post", Match.eq(new NumgenExpr("inc", 2, 0L), new NumberLiteral(0)), Verdict.ACCEPT))
        .build();

    try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
      nft.submit(batch);
      // nft 1.0.6 lists synproxy, ct expectation and ct timeout objects in JSON, but its JSON parser
      // cannot add the first two ("Unknown object passed to add command", "missing options") and
      // drops a ct timeout's policy: nft text for those three.
      nft.runText("add synproxy inet k sp { mss 1460; wscale 7; timestamp sack-perm; }\n"
          + "add ct expectation inet k exp { protocol tcp; dport 666; timeout 100ms; size 96; l3proto ip; }\n"
          + "add ct timeout inet k short { protocol tcp; l3proto ip; policy = { established: 100 }; }");
      String listing = nft.runJson(JsonCodec.encodeToString(List.of(Command.list(Selector.RULESET))));
      Ruleset rs = JsonCodec.decodeRuleset(listing);
      assertEquals(0, rs.rawCount(), listing);
      ObjectMapper m = new ObjectMapper();
      assertEquals(m.readTree(listing), m.readTree(JsonCodec.encodeRuleset(rs)));

      // Objects come back as sent, plus kernel handles and state.
      assertEquals(List.of(new NamedCounter(F, T, "hits", handleOf(rs, NamedCounter.class), 0L, 0L, null)),
          rs.objects(NamedCounter.class));
      NamedQuota cap = rs.objects(NamedQuota.class).get(0);
      assertEquals(List.of(10_000_000L, 0L, true), List.of(cap.bytes(), cap.used(), cap.inv()));
      CtTimeout timeout = rs.objects(CtTimeout.class).get(0);
      assertEquals(Map.of("established", 100L), timeout.policy());
      CtExpectation exp = rs.objects(CtExpectation.class).get(0);
      assertEquals(new CtExpectation(F, T, "exp", exp.handle(), "tcp", 666, 100L, 96, "ip", null), exp);
      assertEquals(List.of("timestamp", "sack-perm"), rs.objects(NamedSynproxy.class).get(0).flags());
      assertEquals("ftp", rs.objects(CtHelper.class).get(0).type());

      NamedSet listedPorts = rs.sets().stream().filter(s -> s.name().equals("ports")).findFirst().orElseThrow();
      assertEquals(ports.elements(), listedPorts.elements());
      assertEquals(NamedSet.Kind.MAP, listedPorts.kind());
      NamedSet listedBlocklist = rs.sets().stream().filter(s -> s.name().equals("blocklist")).findFirst().orElseThrow();
      ElemExpr lab = (ElemExpr) listedBlocklist.elements().get(0);
      assertEquals(new PrefixExpr(new StringLiteral("10.9.0.0"), 16), lab.value());
      assertEquals(3600L, lab.timeout());
      assertEquals("lab", lab.comment());
      assertTrue(lab.expires() != null && lab.expires() <= 3600, "expires " + lab.expires());

      List<Rule> input = rs.rules(T, "input");
      assertEquals(10, input.size());
      assertEquals(blocked.statements(), input.get(0).statements());
      assertEquals(List.of(new VerdictMap(TCP_DPORT, new SetReference("ports"))), input.get(1).statements());
      List<Statement> dnat = rs.rules(T, "pre").get(0).statements();
      assertEquals(new Nat(Nat.Type.DNAT, "ip", new StringLiteral("10.0.0.1"), new NumberLiteral(80), List.of(), List.of()),
          dnat.get(dnat.size() - 1));

      // Commands by handle and selectors are accepted too.
      long ssh = rs.rules(T, "ssh").get(0).handle();
      nft.submit(Batch.of(List.of(
          Command.delete(ObjectHandle.rule(F, T, "ssh", ssh)),
          Command.reset(Selector.all(Selector.Kind.COUNTERS)),
          Command.rename(Chain.rename(F, T, "post", "postrouting")))));
      Ruleset after = nft.listRuleset();
      assertEquals(List.of(), after.rules(T, "ssh"));
      assertTrue(after.chains().stream().anyMatch(c -> c.name().equals("postrouting")));
      assertEquals(0, after.rawCount());
    }
  }

  private static Long handleOf(Ruleset rs, Class<NamedCounter> type) {
    return rs.objects(type).get(0).handle();
  }
}
