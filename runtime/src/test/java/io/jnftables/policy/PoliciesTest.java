package io.jnftables.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.Per;
import io.jnftables.dsl.RuleBody;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.Verb;
import io.jnftables.validate.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON and nft text of every policy helper, and every check of their input. */
class PoliciesTest {
  private static String json(RuleBody r) {
    return JsonCodec.encodeStatements(r.statements(Family.INET));
  }

  private static final String ACCEPT = "{\"accept\":null}";
  private static final String DROP = "{\"drop\":null}";
  private static final String TCP22 = "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},\"right\":22}}";
  private static final String CT_NEW = "{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":\"new\"}}";

  @Test
  void acceptLoopback() {
    assertEquals("iifname \"lo\" accept", Policies.acceptLoopback().toString());
    assertEquals("[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"iifname\"}},\"right\":\"lo\"}}," + ACCEPT + "]",
        json(Policies.acceptLoopback()));
  }

  @Test
  void acceptEstablishedAndDropInvalid() {
    assertEquals("ct state established,related accept", Policies.acceptEstablished().toString());
    assertEquals("[{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":[\"established\",\"related\"]}},"
        + ACCEPT + "]", json(Policies.acceptEstablished()));
    assertEquals("ct state invalid drop", Policies.dropInvalid().toString());
    assertEquals("[{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":\"invalid\"}}," + DROP + "]",
        json(Policies.dropInvalid()));
  }

  @Test
  void acceptNeighborDiscovery() {
    assertEquals("icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept", Policies.acceptNeighborDiscovery().toString());
    assertEquals("[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"icmpv6\",\"field\":\"type\"}},"
        + "\"right\":{\"set\":[\"nd-router-solicit\",\"nd-router-advert\",\"nd-neighbor-solicit\",\"nd-neighbor-advert\"]}}},"
        + ACCEPT + "]", json(Policies.acceptNeighborDiscovery()));
  }

  @Test
  void statefulIsOneVerdictMap() {
    assertEquals("ct state vmap { established : accept, related : accept, invalid : drop }", Policies.stateful().toString());
    assertEquals("[{\"vmap\":{\"key\":{\"ct\":{\"key\":\"state\"}},\"data\":{\"set\":[[\"established\"," + ACCEPT
        + "],[\"related\"," + ACCEPT + "],[\"invalid\"," + DROP + "]]}}}]", json(Policies.stateful()));
  }

  @Test
  void allowSshHttpHttps() {
    assertEquals("tcp dport 22 accept", Policies.allowSsh().toString());
    assertEquals("[" + TCP22 + "," + ACCEPT + "]", json(Policies.allowSsh()));
    assertEquals("tcp dport 80 accept", Policies.allowHttp().toString());
    assertEquals("tcp dport 443 accept", Policies.allowHttps().toString());
    assertEquals("tcp dport 443 log prefix \"HTTPS: \" accept", Policies.allowHttps(Allow.defaults().log()).toString());
    assertEquals("tcp dport 80 log prefix \"web \" accept", Policies.allowHttp(Allow.defaults().log("web ")).toString());
  }

  @Test
  void sshRateLimitCountsNewConnections() {
    assertEquals("tcp dport 22 ct state new limit rate 10/minute accept", Policies.allowSsh(10).toString());
    assertEquals("[" + TCP22 + "," + CT_NEW + ",{\"limit\":{\"rate\":10,\"per\":\"minute\"}}," + ACCEPT + "]",
        json(Policies.allowSsh(10)));
    Allow a = Allow.defaults().rateLimit(3, Per.SECOND, 7).counter().log();
    assertEquals("tcp dport 22 ct state new limit rate 3/second burst 7 packets counter log prefix \"SSH: \" accept",
        Policies.allowSsh(a).toString());
    assertEquals("[" + TCP22 + "," + CT_NEW + ",{\"limit\":{\"rate\":3,\"per\":\"second\",\"burst\":7}},{\"counter\":null},"
        + "{\"log\":{\"prefix\":\"SSH: \"}}," + ACCEPT + "]", json(Policies.allowSsh(a)));
    assertEquals("tcp dport 22 counter log prefix \"SSH: \" accept", Policies.allowSsh(a.noRateLimit()).toString());
  }

  @Test
  void dnsOpensUdpAndTcp() {
    assertEquals("meta l4proto { tcp, udp } th dport 53 accept", Policies.allowDns().toString());
    assertEquals("[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"l4proto\"}},\"right\":{\"set\":[\"tcp\",\"udp\"]}}},"
        + "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"th\",\"field\":\"dport\"}},\"right\":53}}," + ACCEPT
        + "]", json(Policies.allowDns()));
    assertEquals("meta l4proto { tcp, udp } th dport 53 log prefix \"DNS: \" accept",
        Policies.allowDns(Allow.defaults().log()).toString());
  }

  @Test
  void allowAnyAndDenyAll() {
    assertEquals("accept", Policies.allowAny().toString());
    assertEquals("[" + ACCEPT + "]", json(Policies.allowAny()));
    assertEquals("[{\"log\":{\"prefix\":\"ALLOW ANY: \"}}," + ACCEPT + "]", json(Policies.allowAny(true)));
    assertEquals("drop", Policies.denyAll().toString());
    assertEquals("[{\"log\":{\"prefix\":\"DENY ALL: \"}}," + DROP + "]", json(Policies.denyAll(true)));
  }

  @Test
  void helpersComposeOntoABuilderInItsChain() {
    Batch b = Builder.create(Family.IP6).table("t").chain("c")
        .addRule(Policies.acceptLoopback()).insertRule(Policies.stateful()).build();
    assertEquals(2, b.size());
    assertEquals(Verb.ADD, b.commands().get(0).verb());
    assertEquals(Verb.INSERT, b.commands().get(1).verb());
    Rule r = (Rule) b.commands().get(1).object();
    assertEquals(Family.IP6, r.family());
    assertEquals("c", r.chain());
  }

  @Test
  void basicFirewallDefaultsAreOneTransaction() {
    Batch b = Policies.basicFirewall().toBatch();
    assertEquals(List.of(
        "add table inet filter",
        "add chain inet filter input { type filter hook input priority 0; policy drop; }",
        "flush chain inet filter input",
        "add rule inet filter input iifname \"lo\" accept",
        "add rule inet filter input ct state established,related accept",
        "add rule inet filter input ct state invalid drop",
        "add rule inet filter input icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept",
        "add rule inet filter input tcp dport 22 ct state new limit rate 10/minute accept"),
        b.toString().lines().toList());
    assertTrue(b.toJson().contains("{\"limit\":{\"rate\":10,\"per\":\"minute\"}}"), "the SSH rate limit is applied");
  }

  @Test
  void basicFirewallOptions() {
    BasicFirewall fw = Policies.basicFirewall().family(Family.IP).table("fw").chain("INPUT").priority(10)
        .allow(Service.HTTPS, Service.SSH, Service.DNS, Service.HTTPS).sshRateLimit(5, Per.SECOND, 2).log(true);
    assertEquals(List.of(Service.HTTPS, Service.SSH, Service.DNS), fw.services());
    assertEquals(6, fw.rules().size(), "no neighbour discovery rule in an ip table");
    assertEquals(Policies.acceptNeighborDiscovery(), fw.family(Family.IP6).rules().get(3));
    List<String> lines = fw.toBatch().toString().lines().toList();
    assertEquals("add chain ip fw INPUT { type filter hook input priority 10; policy drop; }", lines.get(1));
    assertEquals(List.of(
        "add rule ip fw INPUT tcp dport 443 log prefix \"HTTPS: \" accept",
        "add rule ip fw INPUT tcp dport 22 ct state new limit rate 5/second burst 2 packets log prefix \"SSH: \" accept",
        "add rule ip fw INPUT meta l4proto { tcp, udp } th dport 53 log prefix \"DNS: \" accept"),
        lines.subList(6, 9));
    assertEquals("add rule ip fw INPUT tcp dport 22 accept",
        fw.noSshRateLimit().log(false).allow(Service.SSH).toBatch().toString().lines().toList().get(6));
    assertEquals(7, fw.toBuilder().addRule(Policies.denyAll()).build().size() - 3);
    Command last = fw.toBuilder().addRule(Policies.denyAll()).build().commands().get(9);
    assertEquals("INPUT", ((Rule) last.object()).chain());
  }

  @Test
  void badInputIsRefusedWithTheReason() {
    assertEquals("invalid limit rate 0: must be positive",
        assertThrows(InvalidValueException.class, () -> Policies.allowSsh(0)).getMessage());
    assertEquals("invalid limit burst -1: must be positive",
        assertThrows(InvalidValueException.class, () -> Allow.defaults().rateLimit(1, Per.SECOND, -1)).getMessage());
    assertTrue(assertThrows(InvalidValueException.class, () -> Allow.defaults().log("a\"b")).getMessage()
        .startsWith("invalid log prefix \"a\"b\": character '\"'"));
    assertTrue(assertThrows(InvalidValueException.class, () -> Allow.defaults().log("x".repeat(128))).getMessage()
        .endsWith("it is 128 bytes; nft allows 127"));
    assertTrue(assertThrows(InvalidValueException.class, () -> Policies.basicFirewall().table("bad name")).getMessage()
        .startsWith("invalid table name \"bad name\": "));
    assertThrows(InvalidValueException.class, () -> Policies.basicFirewall().chain(""));
    assertEquals("invalid basic firewall family \"bridge\": one of inet, ip, ip6 (an input hook with conntrack)",
        assertThrows(InvalidValueException.class, () -> Policies.basicFirewall().family(Family.BRIDGE)).getMessage());
    assertThrows(InvalidValueException.class, () -> Policies.basicFirewall().sshRateLimit(0));
  }
}
