package io.jnftables.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Rule;
import io.jnftables.validate.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The JSON, nft text and chains of every NAT helper, in inet and ip/ip6 tables, and every check of their input. */
class NatTest {
  /** The rules applied to a builder of {@code family} with table nat, as {@code chain: nft text} lines. */
  private static List<String> lines(Family family, NatRules rules) {
    return Builder.create(family).table("nat").pipe(rules).build().toString().lines().toList();
  }

  /** The JSON of the statements of the one rule {@code rules} adds in a {@code family} table. */
  private static String json(Family family, NatRules rules) {
    Batch b = Builder.create(family).table("nat").pipe(rules).build();
    assertEquals(1, b.size());
    return JsonCodec.encodeStatements(((Rule) b.commands().get(0).object()).statements());
  }

  private static String match(String left, String right) {
    return "{\"match\":{\"op\":\"==\",\"left\":" + left + ",\"right\":" + right + "}}";
  }

  private static final String OIF = "{\"meta\":{\"key\":\"oifname\"}}";
  private static final String IIF = "{\"meta\":{\"key\":\"iifname\"}}";

  @Test
  void setupCreatesTheTableAndBothNatChains() {
    Batch b = Builder.create(Family.INET).pipe(Nat.setup("gw")).build();
    assertEquals(List.of(
        "add table inet gw",
        "add chain inet gw prerouting { type nat hook prerouting priority -100; policy accept; }",
        "add chain inet gw postrouting { type nat hook postrouting priority 100; policy accept; }"),
        b.toString().lines().toList());
  }

  @Test
  void masquerade() {
    assertEquals(List.of("add rule inet nat postrouting oifname \"eth0\" masquerade"), lines(Family.INET, Nat.masquerade("eth0")));
    assertEquals("[" + match(OIF, "\"eth0\"") + ",{\"masquerade\":null}]", json(Family.INET, Nat.masquerade("eth0")));
    // No address: the same rule masquerades IPv6 in an ip6 table.
    assertEquals(List.of("add rule ip6 nat postrouting oifname \"eth0\" masquerade"), lines(Family.IP6, Nat.masquerade("eth0")));
    assertEquals(List.of("add rule inet nat postrouting ip6 saddr fd00::/64 oifname \"wan*\" masquerade"),
        lines(Family.INET, Nat.masquerade("fd00::1/64", "wan*")));
  }

  @Test
  void portForwardIpv4AndIpv6() {
    assertEquals(List.of("add rule inet nat prerouting tcp dport 8080 dnat ip to 10.0.0.10:80"),
        lines(Family.INET, Nat.portForward(8080, "10.0.0.10", 80)));
    assertEquals("[" + match("{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}}", "8080")
        + ",{\"dnat\":{\"family\":\"ip\",\"addr\":\"10.0.0.10\",\"port\":80}}]", json(Family.INET, Nat.portForward(8080, "10.0.0.10", 80)));
    // ip tables take no family in the statement.
    assertEquals("[" + match("{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}}", "8080")
        + ",{\"dnat\":{\"addr\":\"10.0.0.10\",\"port\":80}}]", json(Family.IP, Nat.portForward(8080, "10.0.0.10", 80)));
    NatRules v6 = Nat.portForward(Transport.UDP, "eth0", 5353, "2001:DB8::10", 53);
    assertEquals(List.of("add rule inet nat prerouting iifname \"eth0\" udp dport 5353 dnat ip6 to [2001:db8::10]:53"),
        lines(Family.INET, v6));
    assertEquals("[" + match(IIF, "\"eth0\"") + "," + match("{\"payload\":{\"protocol\":\"udp\",\"field\":\"dport\"}}", "5353")
        + ",{\"dnat\":{\"family\":\"ip6\",\"addr\":\"2001:db8::10\",\"port\":53}}]", json(Family.INET, v6));
    assertEquals(List.of("add rule ip6 nat prerouting iifname \"eth0\" udp dport 5353 dnat to [2001:db8::10]:53"),
        lines(Family.IP6, v6));
  }

  @Test
  void staticNatGoesToBothChains() {
    NatRules s = Nat.staticNat("203.0.113.100", "192.168.1.100");
    assertEquals(List.of(NatRules.Hook.PREROUTING, NatRules.Hook.POSTROUTING), s.rules().stream().map(NatRules.Placed::hook).toList());
    assertEquals(List.of(
        "add rule inet nat prerouting ip daddr 203.0.113.100 dnat ip to 192.168.1.100",
        "add rule inet nat postrouting ip saddr 192.168.1.100 snat ip to 203.0.113.100"), lines(Family.INET, s));
    assertEquals(List.of(
        "add rule inet nat prerouting ip6 daddr 2001:db8::100 dnat ip6 to fd00::100",
        "add rule inet nat postrouting ip6 saddr fd00::100 snat ip6 to 2001:db8::100"),
        lines(Family.INET, Nat.staticNat("2001:db8::100", "fd00::100")));
    Batch b = Builder.create(Family.INET).table("nat").pipe(s).build();
    assertEquals("[" + match("{\"payload\":{\"protocol\":\"ip\",\"field\":\"daddr\"}}", "\"203.0.113.100\"")
        + ",{\"dnat\":{\"family\":\"ip\",\"addr\":\"192.168.1.100\"}}]",
        JsonCodec.encodeStatements(((Rule) b.commands().get(0).object()).statements()));
    assertEquals("[" + match("{\"payload\":{\"protocol\":\"ip\",\"field\":\"saddr\"}}", "\"192.168.1.100\"")
        + ",{\"snat\":{\"family\":\"ip\",\"addr\":\"203.0.113.100\"}}]",
        JsonCodec.encodeStatements(((Rule) b.commands().get(1).object()).statements()));
  }

  @Test
  void sourceAndDestinationNat() {
    assertEquals(List.of("add rule inet nat postrouting ip saddr 10.0.0.0/24 snat ip to 203.0.113.1"),
        lines(Family.INET, Nat.sourceNat("10.0.0.0/24", "203.0.113.1")));
    assertEquals("[" + match("{\"payload\":{\"protocol\":\"ip\",\"field\":\"saddr\"}}", "{\"prefix\":{\"addr\":\"10.0.0.0\",\"len\":24}}")
        + "," + match(OIF, "\"eth1\"") + ",{\"snat\":{\"family\":\"ip\",\"addr\":\"203.0.113.1\"}}]",
        json(Family.INET, Nat.sourceNat("10.0.0.0/24", "203.0.113.1", "eth1")));
    assertEquals(List.of("add rule inet nat postrouting ip6 saddr fd00::/64 oifname \"eth1\" snat ip6 to 2001:db8::1"),
        lines(Family.INET, Nat.sourceNat("fd00::/64", "2001:db8::1", "eth1")));
    assertEquals(List.of("add rule inet nat prerouting ip daddr 203.0.113.5 dnat ip to 10.0.0.5"),
        lines(Family.INET, Nat.destinationNat("203.0.113.5", "10.0.0.5")));
    assertEquals(List.of("add rule ip nat prerouting iifname \"eth0\" ip daddr 203.0.113.0/28 dnat to 10.0.0.5"),
        lines(Family.IP, Nat.destinationNat("203.0.113.0/28", "10.0.0.5", "eth0")));
    assertEquals("[" + match(IIF, "\"eth0\"") + "," + match("{\"payload\":{\"protocol\":\"ip6\",\"field\":\"daddr\"}}", "\"2001:db8::5\"")
        + ",{\"dnat\":{\"family\":\"ip6\",\"addr\":\"fd00::5\"}}]", json(Family.INET, Nat.destinationNat("2001:db8::5", "fd00::5", "eth0")));
  }

  @Test
  void redirectPort() {
    assertEquals(List.of("add rule inet nat prerouting tcp dport 80 redirect to :3128"), lines(Family.INET, Nat.redirectPort(80, 3128)));
    assertEquals("[" + match("{\"payload\":{\"protocol\":\"udp\",\"field\":\"dport\"}}", "53") + ",{\"redirect\":{\"port\":5353}}]",
        json(Family.IP6, Nat.redirectPort(Transport.UDP, 53, 5353)));
  }

  @Test
  void chainsCanBeRenamedAndRulesCombined() {
    NatRules all = Nat.masquerade("eth0").and(Nat.staticNat("198.51.100.1", "10.0.0.1")).chains("PRE", "POST");
    assertEquals(List.of(
        "add rule inet nat POST oifname \"eth0\" masquerade",
        "add rule inet nat PRE ip daddr 198.51.100.1 dnat ip to 10.0.0.1",
        "add rule inet nat POST ip saddr 10.0.0.1 snat ip to 198.51.100.1"), lines(Family.INET, all));
    assertEquals(List.of("add rule inet nat dnat_in tcp dport 1 dnat ip to 10.0.0.1:2"),
        lines(Family.INET, Nat.portForward(1, "10.0.0.1", 2).chain("dnat_in")));
    assertEquals("these NAT rules go to prerouting and postrouting: use chains(pre, post)",
        assertThrows(IllegalStateException.class, () -> Nat.staticNat("198.51.100.1", "10.0.0.1").chain("x")).getMessage());
    // Without a table in the builder: the seed's default table "nat".
    assertEquals("add rule ip nat postrouting oifname \"eth0\" masquerade",
        Builder.create(Family.IP).pipe(Nat.masquerade("eth0")).build().toString().strip());
    assertEquals("postrouting: oifname \"eth0\" masquerade", Nat.masquerade("eth0").toString());
  }

  private static void refused(String message, Executable e) {
    assertEquals(message, assertThrows(InvalidValueException.class, e).getMessage());
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsBuilt() {
    refused("invalid external port 0: outside 1..65535", () -> Nat.portForward(0, "10.0.0.1", 80));
    refused("invalid port 65536: outside 1..65535", () -> Nat.portForward(80, "10.0.0.1", 65536));
    refused("invalid redirect port -1: outside 1..65535", () -> Nat.redirectPort(80, -1));
    refused("invalid port 70000: outside 1..65535", () -> Nat.redirectPort(Transport.UDP, 70000, 53));
    assertTrue(assertThrows(InvalidValueException.class, () -> Nat.portForward(80, "10.0.0.256", 80)).getMessage()
        .startsWith("invalid IPv4 address \"10.0.0.256\""));
    refused("invalid port forward address \"10.0.0.0/24\": a single IPv4 or IPv6 address is expected, not a prefix or range",
        () -> Nat.portForward(80, "10.0.0.0/24", 80));
    refused("invalid source NAT address \"10.0.0.1-10.0.0.9\": a single IPv4 or IPv6 address is expected, not a prefix or range",
        () -> Nat.sourceNat("10.0.0.0/8", "10.0.0.1-10.0.0.9"));
    refused("invalid static NAT \"203.0.113.1 -> fd00::1\": IPv4 is mapped to IPv6; both addresses must be of one family",
        () -> Nat.staticNat("203.0.113.1", "fd00::1"));
    refused("invalid source NAT \"fd00:: -> 203.0.113.1\": IPv6 is mapped to IPv4; both addresses must be of one family",
        () -> Nat.sourceNat("fd00::/64", "203.0.113.1"));
    refused("invalid destination NAT \"203.0.113.1 -> fd00::1\": IPv4 is mapped to IPv6; both addresses must be of one family",
        () -> Nat.destinationNat("203.0.113.1", "fd00::1"));
    refused("invalid prefix \"10.0.0.0/33\": length 33 is longer than the 32 bits of the address",
        () -> Nat.sourceNat("10.0.0.0/33", "203.0.113.1"));
    refused("invalid interface name \"averyveryverylongname\": it is 21 bytes; the kernel allows 15 (IFNAMSIZ 16 with the NUL)",
        () -> Nat.masquerade("averyveryverylongname"));
    refused("invalid interface name \"\": it is empty", () -> Nat.portForward(Transport.TCP, "", 80, "10.0.0.1", 80));
    refused("invalid interface name \"eth 0\": character ' ' is not allowed", () -> Nat.sourceNat("10.0.0.0/8", "1.2.3.4", "eth 0"));
    refused("invalid interface name \"e*th\": '*' is a wildcard only at the end", () -> Nat.destinationNat("1.2.3.4", "10.0.0.1", "e*th"));
    refused("invalid chain name \"bad chain\": " + nameProblem("bad chain"), () -> Nat.masquerade("eth0").chain("bad chain"));
    assertTrue(assertThrows(InvalidValueException.class, () -> Nat.setup("1nat")).getMessage().startsWith("invalid table name \"1nat\""));
  }

  @Test
  void aFamilyMismatchWithTheTableIsRefusedAndTheBuilderIsUnchanged() {
    Builder ip = Builder.create(Family.IP).table("nat");
    refused("invalid NAT rule \"ip6 daddr 2001:db8::1 dnat ip6 to fd00::1\": its addresses are IPv6 but the table family is ip",
        () -> ip.pipe(Nat.destinationNat("2001:db8::1", "fd00::1")));
    refused("invalid NAT rule \"tcp dport 80 dnat ip to 10.0.0.1:8080\": its addresses are IPv4 but the table family is ip6",
        () -> Builder.create(Family.IP6).pipe(Nat.portForward(80, "10.0.0.1", 8080)));
    refused("invalid NAT rule \"oifname \"eth0\" masquerade\": NAT needs an inet, ip or ip6 table, not bridge",
        () -> Builder.create(Family.BRIDGE).table("b").pipe(Nat.masquerade("eth0")));
    assertEquals(0, ip.size());
  }

  private static String nameProblem(String name) {
    return io.jnftables.model.Names.problem(name);
  }
}
