package io.jnftables.dsl;

import static io.jnftables.dsl.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Rule;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.UnsupportedFeatureException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JSON the DSL builds (through the model and the codec), its checks and its error messages. */
class DslTest {

  private static String json(RuleBody r) {
    return JsonCodec.encodeStatements(r.statements());
  }

  private static String json(RuleBody r, Family f) {
    return JsonCodec.encodeStatements(r.statements(f));
  }

  private static void fails(Class<? extends Throwable> type, String message, Runnable r) {
    Throwable e = assertThrows(type, r::run);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void theReadmeExample() {
    TerminalExpr r =
        expr().sourceIp("10.0.0.0/8").protocol("tcp").dport(22).ctState(CtState.NEW).limit(10, Per.MINUTE, 5)
            .log("SSH_ACCESS: ", LogLevel.INFO).counter().accept();
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"saddr\"}},"
            + "\"right\":{\"prefix\":{\"addr\":\"10.0.0.0\",\"len\":8}}}},"
            + "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},\"right\":22}},"
            + "{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":\"new\"}},"
            + "{\"limit\":{\"rate\":10,\"per\":\"minute\",\"burst\":5}},"
            + "{\"log\":{\"prefix\":\"SSH_ACCESS: \",\"level\":\"info\"}},{\"counter\":null},{\"accept\":null}]",
        json(r));
    assertEquals(
        "ip saddr 10.0.0.0/8 tcp dport 22 ct state new limit rate 10/minute burst 5 packets"
            + " log prefix \"SSH_ACCESS: \" level info counter accept",
        r.toString());
  }

  @Test
  void aSelectorAloneMatchesTheProtocolInEveryFamilyAndIsDroppedBeforeItsFields() {
    assertEquals("[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"l4proto\"}},\"right\":\"tcp\"}},{\"accept\":null}]",
        json(tcp().accept()));
    assertEquals(json(tcp().accept()), json(tcp().accept(), Family.IP6));
    assertEquals(List.of(Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(22))), tcp().dport(22).statements());
    // kept when only other statements follow
    assertEquals(2, tcp().ctState(CtState.NEW).statements().size());
    assertEquals(List.of(Match.eq(new MetaExpr("nfproto"), new StringLiteral("ipv4"))), ip().statements());
    assertEquals(List.of(Match.eq(new MetaExpr("protocol"), new StringLiteral("ip"))), ip().statements(Family.BRIDGE));
    assertEquals("meta l4proto ipv6-icmp", icmpv6().toString());
    assertEquals("tcp dport 22", tcp().dport(22).toString());
  }

  @Test
  void verdictsEndTheRule() {
    // Enforced by the types: a TerminalExpr has no matchers or statements, only comment and conversions.
    Set<String> terminal =
        Arrays.stream(TerminalExpr.class.getMethods())
            .filter(m -> m.getDeclaringClass() == TerminalExpr.class)
            .map(Method::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("comment", "equals", "hashCode", "statements", "toString"), terminal);
    for (Method m : RuleExpr.class.getMethods()) {
      if (m.getReturnType() == TerminalExpr.class) {
        assertTrue(
            Set.of("accept", "drop", "continue_", "return_", "returnFromChain", "jump", "goto_", "reject", "queue",
                    "queueToUserspace", "vmap", "dportVmap", "snat", "dnat", "snatTo", "dnatTo", "masquerade",
                    "redirect", "redirectTo", "fwd", "append")
                .contains(m.getName()),
            m.getName() + " ends a rule but is not a verdict");
      }
    }
    TerminalExpr t = tcp().dport(22).accept().comment("ssh");
    assertEquals("ssh", t.comment());
    assertEquals("tcp dport 22 accept comment \"ssh\"", t.toString());
    Rule r = t.toRule(Family.INET, "filter", "input");
    assertEquals("ssh", r.comment());
    assertEquals(List.of(Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(22)), Verdict.ACCEPT), r.statements());
  }

  @Test
  void everyRuleMethodHasAStaticStarter() {
    Set<String> missing = new TreeSet<>();
    for (Method m : RuleExpr.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
          || (m.getReturnType() != RuleExpr.class && m.getReturnType() != TerminalExpr.class)
          || Set.of("family", "comment", "pipe", "append").contains(m.getName())) {
        continue;
      }
      try {
        Method s = Expr.class.getMethod(m.getName(), m.getParameterTypes());
        assertTrue(Modifier.isStatic(s.getModifiers()));
        assertEquals(m.getReturnType(), s.getReturnType());
      } catch (NoSuchMethodException e) {
        missing.add(m.getName() + Arrays.toString(m.getParameterTypes()));
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void contextErrorsSayWhatToCallFirst() {
    fails(IllegalStateException.class, "dport needs a header first: call ip(), ip6(), tcp(), udp()", () -> expr().dport(22));
    fails(IllegalStateException.class, "dport is not a field of ip; it belongs to tcp, udp", () -> ip().dport(22));
    fails(IllegalStateException.class, "saddr is not a field of tcp", () -> tcp().saddr("1.2.3.4"));
    fails(IllegalStateException.class, "transport protocol mapping is only valid after transport protocol match",
        () -> expr().snat("1.2.3.4", 80));
    fails(IllegalStateException.class, "transport protocol match", () -> expr().masquerade(1024, 2048));
    fails(IllegalStateException.class, "transport protocol match", () -> expr().redirect(3128));
    fails(IllegalStateException.class, "transport protocol match", () -> expr().tproxy(8080));
    fails(IllegalStateException.class, "Can't parse symbolic invalid expressions",
        () -> expr().ct(CtDirection.ORIGINAL, "proto-dst", 53));
    fails(IllegalArgumentException.class, "tcp has no field \"windw\"; its fields: sport, dport", () -> tcp().field("windw", 1));
    fails(IllegalArgumentException.class, "unknown meta key \"marc\"", () -> meta("marc", 1));
    fails(IllegalArgumentException.class, "unknown ct key", () -> ct("stat", "new"));
    fails(IllegalArgumentException.class, "invalid set match type \"proto\"", () -> inSet("s", "proto"));
    fails(IllegalStateException.class, "dportVmap needs tcp()", () -> ip().dportVmap("m"));
  }

  @Test
  void valuesAreCheckedAgainstTheirKey() {
    fails(InvalidValueException.class, "invalid port 70000: outside 0..65535", () -> tcp().dport(70000));
    fails(InvalidValueException.class, "invalid tcp dport range \"9000-8000\": the first value is above the last",
        () -> tcp().dport(range(9000, 8000)));
    fails(InvalidValueException.class, "an IPv4 address is expected (use ip6 for IPv6)", () -> ip().saddr("::1"));
    fails(InvalidValueException.class, "an IPv6 address is expected", () -> ip6().daddr("10.0.0.1"));
    fails(InvalidValueException.class, "leading zero", () -> sourceIp("010.0.0.1"));
    fails(InvalidValueException.class, "longer than the 32 bits", () -> sourceIp("10.0.0.0/40"));
    fails(InvalidValueException.class, "expected a port number", () -> tcp().dport(oneOf("http")));
    fails(InvalidValueException.class, "unknown ct state; one of established, invalid, new, related, untracked",
        () -> ctState(oneOf("establised")));
    fails(InvalidValueException.class, "expected a CtState", () -> ctState(oneOf(PktType.HOST)));
    fails(InvalidValueException.class, "invalid interface name", () -> iifname("averyveryverylongname"));
    fails(InvalidValueException.class, "'*' is not allowed", () -> iif("eth*"));
    fails(InvalidValueException.class, "six hex pairs", () -> sourceMac("00:11:22"));
    fails(InvalidValueException.class, "it is 128 bytes; nft allows 127", () -> log("x".repeat(128)));
    fails(InvalidValueException.class, "invalid DSCP 64", () -> dscp(64));
    fails(InvalidValueException.class, "invalid DSCP 64", () -> setDscp(64));
    fails(InvalidValueException.class, "invalid mark", () -> setMark(-1));
    fails(InvalidValueException.class, "invalid limit rate 0: must be positive", () -> limit(0, Per.SECOND));
    fails(InvalidValueException.class, "outside 0..4095", () -> vlanId(4096));
    fails(InvalidValueException.class, "outside 0..7", () -> vlanPcp(8));
    fails(InvalidValueException.class, "invalid ct label 128", () -> setCtLabel(128));
    fails(InvalidValueException.class, "invalid chain name", () -> jump("no chain"));
    fails(InvalidValueException.class, "invalid set name", () -> ip().saddr(ref("1bad")));
    fails(InvalidValueException.class, "the key has 2 parts, the tuple 3",
        () -> match(Key.concat(Key.ipSaddr(), Key.tcpDport()), oneOf(tuple(1, 2, 3))));
    fails(InvalidValueException.class, "a class id major:minor", () -> priority("1"));
    fails(InvalidValueException.class, "it is 24 bits, the field 32", () -> payloadRaw(PayloadBase.IH, 0, 32, "GET"));
    fails(InvalidValueException.class, "does not fit in 8 bits", () -> payloadRaw(PayloadBase.LL, 0, 8, 256));
    fails(InvalidValueException.class, "a positive number of whole seconds",
        () -> addToSet("s", Key.ipSaddr(), Duration.ofMillis(1500), expr()));
    fails(InvalidValueException.class, "port-unreach", () -> RejectWith.icmp("port-unreach"));
    fails(InvalidValueException.class, "the first queue is above the last", () -> queue(3, 1));
    fails(IllegalArgumentException.class, "not all in the mask", () -> tcpFlags(List.of(TcpFlag.SYN), List.of(TcpFlag.ACK)));
    fails(IllegalArgumentException.class, "fib needs saddr or daddr", () -> Key.fib(FibResult.OIF, FibFlag.IIF));
    fails(IllegalArgumentException.class, "runs statements only", () -> update("s", Key.ipSaddr(), expr().accept().body()));
    fails(IllegalArgumentException.class, "a meter runs exactly one statement",
        () -> meter("m", null, Key.ipSaddr(), expr().counter().log()));
    fails(InvalidValueException.class, "an IPv6 address in an ip table",
        () -> snat("2001:db8::1").statements(Family.IP));
  }

  @Test
  void whatNft106CannotDoFailsWithTheReason() {
    for (Runnable r :
        List.<Runnable>of(
            () -> expr().incrementTtl(), () -> expr().decrementTtl(), () -> expr().incrementHoplimit(),
            () -> expr().decrementHoplimit())) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, r::run);
      assertTrue(e.getMessage().contains("nft 1.0.6 has no arithmetic on packet fields"), e.getMessage());
      assertTrue(e.getMessage().contains("Value 8 exceeds valid range 0-0"), e.getMessage());
    }
    for (Runnable r : List.<Runnable>of(() -> gre().greVersion(0), () -> gre().greKey(1), () -> gre().greFlags(0))) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, r::run);
      assertTrue(e.getMessage().contains("nft 1.0.6 has no GRE header fields"), e.getMessage());
    }
    fails(UnsupportedFeatureException.class, "added in nft 1.0.7", () -> payload("gre", "key", 1));
  }

  @Test
  void theSeedsRejectedFormsHaveJsonNftAccepts() {
    assertEquals("[{\"ct count\":{\"val\":100,\"inv\":true}},{\"drop\":null}]", json(limitConnections(100).drop()));
    assertEquals("[{\"mangle\":{\"key\":{\"ct\":{\"key\":\"mark\"}},\"value\":1}}]", json(setConnmark(1)));
    assertEquals("[{\"mangle\":{\"key\":{\"ct\":{\"key\":\"label\"}},\"value\":2}}]", json(setCtLabel(2)));
    assertEquals("[{\"mangle\":{\"key\":{\"ct\":{\"key\":\"zone\"}},\"value\":3}}]", json(setCtZone(3)));
    assertEquals("[{\"ct helper\":\"ftph\"}]", json(setCtHelper("ftph")));
    assertEquals("[{\"dup\":{\"addr\":\"lo\"}}]", json(dupToDevice("lo")));
    assertEquals("[{\"flow\":{\"op\":\"add\",\"flowtable\":\"@ft\"}}]", json(flowOffload("ft")));
    assertEquals(
        "[{\"mangle\":{\"key\":{\"tcp option\":{\"name\":\"maxseg\",\"field\":\"size\"}},\"value\":{\"rt\":{\"key\":\"mtu\"}}}}]",
        json(setTcpMssToPmtu()));
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"l4proto\"}},\"right\":\"tcp\"}},"
            + "{\"masquerade\":{\"port\":{\"range\":[1024,65535]}}}]",
        json(tcp().masquerade(1024, 65535)));
    assertEquals("[{\"queue\":{\"num\":0,\"flags\":[\"bypass\",\"fanout\"]}}]", json(queueToUserspace(0, true, true)));
    assertEquals("[{\"match\":{\"op\":\"==\",\"left\":{\"osf\":{\"key\":\"name\",\"ttl\":\"skip\"}},\"right\":\"Linux\"}}]",
        json(osfName("Linux", OsfTtl.SKIP)));
    // tproxy and NAT in inet tables carry the family nft needs; in ip/ip6 tables they do not.
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"l4proto\"}},\"right\":\"tcp\"}},"
            + "{\"tproxy\":{\"family\":\"ip6\",\"addr\":\"::1\",\"port\":8080}}]",
        json(tcp().tproxy("::1", 8080)));
    assertEquals("[{\"snat\":{\"family\":\"ip6\",\"addr\":\"2001:db8::1\"}}]", json(snat("2001:db8::1")));
    assertEquals("[{\"snat\":{\"addr\":\"2001:db8::1\"}}]", json(snat("2001:db8::1"), Family.IP6));
    assertEquals("[{\"snat\":{\"addr\":\"10.0.0.1\"}}]", json(snat("10.0.0.1"), Family.IP));
    // the map of a verdict map holds verdicts, not strings
    assertEquals(
        "[{\"vmap\":{\"key\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},\"data\":{\"set\":[[80,{\"accept\":null}]]}}}]",
        json(vmap(Key.tcpDport(), java.util.Map.of(80, Verdict.ACCEPT))));
    assertEquals("[{\"secmark\":\"sm\"}]", json(setSecmark("sm")));
  }

  @Test
  void seedAliasesBuildTheSameStatements() {
    assertEquals(sourceIp("1.2.3.4").statements(), source("1.2.3.4").statements());
    assertEquals(destIp("1.2.3.4").statements(), dest("1.2.3.4").statements());
    assertEquals(tcp().dport(22).statements(), tcp().dstPort(22).statements());
    assertEquals(tcp().dport(22).statements(), tcp().port(22).statements());
    assertEquals(tcp().sport(22).statements(), tcp().srcPort(22).statements());
    assertEquals(ctState(CtState.NEW).statements(), state(CtState.NEW).statements());
    assertEquals(ctMark(1).statements(), connmark(1).statements());
    assertEquals(limit(1, Per.SECOND).statements(), rateLimit(1, Per.SECOND).statements());
    assertEquals(return_().statements(), returnFromChain().statements());
    assertEquals(snat("1.2.3.4").statements(), snatTo("1.2.3.4").statements());
    assertEquals(tcp().redirect(80).statements(), tcp().redirectTo(80).statements());
    assertEquals(dupToDevice("lo").statements(), duplicateTo("lo").statements());
    assertEquals(ctCountOver(5).statements(), limitConnections(5).statements());
    assertNotEquals(iif("lo").statements(), iifname("lo").statements());
  }

  @Test
  void fragmentsCompose() {
    RuleExpr established = ctState(CtState.ESTABLISHED, CtState.RELATED);
    RuleExpr ssh = expr().pipe(r -> r.sourceIp("10.0.0.0/8").tcp().dport(22));
    TerminalExpr rule = ssh.append(established).counter().accept();
    assertEquals("ip saddr 10.0.0.0/8 tcp dport 22 ct state established,related counter accept", rule.toString());
    List<Statement> s = rule.statements();
    assertEquals(5, s.size());
  }

  @Test
  void toStringRendersNftText() {
    assertEquals("ip6 saddr 2001:db8::/32 drop", sourceIp("2001:DB8::/32").drop().toString());
    assertEquals("tcp dport { 80, 443 } accept", tcp().dport(oneOf(80, 443)).accept().toString());
    assertEquals("iifname \"eth*\" oifname != \"lo\"", iifname("eth*").oifname(ne("lo")).toString());
    java.util.Map<Integer, Verdict> vm = new java.util.LinkedHashMap<>();
    vm.put(22, Verdict.ACCEPT);
    vm.put(80, Verdict.jump("other"));
    assertEquals("tcp dport vmap { 22 : accept, 80 : jump other }", vmap(Key.tcpDport(), vm).toString());
    assertEquals("meta mark set jhash ip saddr mod 4", setMark(Key.jhash(Key.ipSaddr(), 4)).toString());
    assertEquals("update @dyn { ip saddr limit rate 3/minute }", update("dyn", Key.ipSaddr(), expr().limit(3, Per.MINUTE)).toString());
    assertEquals("meta l4proto udp snat ip6 to [2001:db8::1]:80", udp().snat("2001:db8::1", 80).toString());
    assertEquals("reject with tcp reset", reject(RejectWith.TCP_RESET).toString());
  }
}
