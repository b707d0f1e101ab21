package io.jnftables.policy;

import static io.jnftables.policy.PolicyKernelTest.ruleLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Builder;
import io.jnftables.client.Nftables;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Rule;
import io.jnftables.model.stmt.Nat;
import io.jnftables.validate.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every NAT helper, IPv4 and IPv6, in inet, ip and ip6 tables of a fresh namespace, and what the kernel lists back. */
@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class NatKernelTest {
  private static NatRules everyHelper(boolean v6) {
    String ext = v6 ? "2001:db8::100" : "203.0.113.100";
    String in = v6 ? "fd00::10" : "10.0.0.10";
    String net = v6 ? "fd00::/64" : "10.0.0.0/24";
    String pub = v6 ? "2001:db8::1" : "203.0.113.1";
    return io.jnftables.policy.Nat.masquerade("eth0")
        .and(io.jnftables.policy.Nat.masquerade(net, "eth0"))
        .and(io.jnftables.policy.Nat.portForward(8080, in, 80))
        .and(io.jnftables.policy.Nat.portForward(Transport.UDP, "eth0", 5353, in, 53))
        .and(io.jnftables.policy.Nat.staticNat(ext, in))
        .and(io.jnftables.policy.Nat.sourceNat(net, pub))
        .and(io.jnftables.policy.Nat.sourceNat(net, pub, "eth1"))
        .and(io.jnftables.policy.Nat.destinationNat(pub, in))
        .and(io.jnftables.policy.Nat.destinationNat(pub, in, "eth0"))
        .and(io.jnftables.policy.Nat.redirectPort(80, 3128))
        .and(io.jnftables.policy.Nat.redirectPort(Transport.UDP, 53, 5353));
  }

  @Test
  void ipv4AndIpv6InOneInetTable(Nftables nft) {
    nft.submit(Builder.create(Family.INET)
        .pipe(io.jnftables.policy.Nat.setup("nat"))
        .pipe(everyHelper(false))
        .pipe(everyHelper(true))
        .build());
    List<Chain> chains = nft.listRuleset().chains();
    assertEquals(BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100, Policy.ACCEPT), chains.get(0).base());
    assertEquals(BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100, Policy.ACCEPT), chains.get(1).base());
    assertEquals(List.of(
        "tcp dport 8080 dnat ip to 10.0.0.10:80",
        "iifname \"eth0\" udp dport 5353 dnat ip to 10.0.0.10:53",
        "ip daddr 203.0.113.100 dnat ip to 10.0.0.10",
        "ip daddr 203.0.113.1 dnat ip to 10.0.0.10",
        "iifname \"eth0\" ip daddr 203.0.113.1 dnat ip to 10.0.0.10",
        "tcp dport 80 redirect to :3128",
        "udp dport 53 redirect to :5353",
        "tcp dport 8080 dnat ip6 to [fd00::10]:80",
        "iifname \"eth0\" udp dport 5353 dnat ip6 to [fd00::10]:53",
        "ip6 daddr 2001:db8::100 dnat ip6 to fd00::10",
        "ip6 daddr 2001:db8::1 dnat ip6 to fd00::10",
        "iifname \"eth0\" ip6 daddr 2001:db8::1 dnat ip6 to fd00::10",
        "tcp dport 80 redirect to :3128",
        "udp dport 53 redirect to :5353"),
        ruleLines(nft, Family.INET, "nat", "prerouting"));
    assertEquals(List.of(
        "oifname \"eth0\" masquerade",
        "ip saddr 10.0.0.0/24 oifname \"eth0\" masquerade",
        "ip saddr 10.0.0.10 snat ip to 203.0.113.100",
        "ip saddr 10.0.0.0/24 snat ip to 203.0.113.1",
        "ip saddr 10.0.0.0/24 oifname \"eth1\" snat ip to 203.0.113.1",
        "oifname \"eth0\" masquerade",
        "ip6 saddr fd00::/64 oifname \"eth0\" masquerade",
        "ip6 saddr fd00::10 snat ip6 to 2001:db8::100",
        "ip6 saddr fd00::/64 snat ip6 to 2001:db8::1",
        "ip6 saddr fd00::/64 oifname \"eth1\" snat ip6 to 2001:db8::1"),
        ruleLines(nft, Family.INET, "nat", "postrouting"));
    // Typed: the NAT statements carry the family inet needs.
    Rule fwd6 = nft.listRuleset().rules("nat", "prerouting").get(7);
    Nat dnat = (Nat) fwd6.statements().get(fwd6.statements().size() - 1);
    assertEquals("ip6", dnat.family());
  }

  @Test
  void ipAndIp6TablesTakeTheirOwnFamilyWithoutNamingIt(Nftables nft) {
    nft.submit(Builder.create(Family.IP).pipe(io.jnftables.policy.Nat.setup("nat")).pipe(everyHelper(false))
        .family(Family.IP6).pipe(io.jnftables.policy.Nat.setup("nat")).pipe(everyHelper(true)).build());
    assertEquals("tcp dport 8080 dnat to 10.0.0.10:80", ruleLines(nft, Family.IP, "nat", "prerouting").get(0));
    assertEquals("ip saddr 10.0.0.10 snat to 203.0.113.100", ruleLines(nft, Family.IP, "nat", "postrouting").get(2));
    assertEquals("tcp dport 8080 dnat to [fd00::10]:80", ruleLines(nft, Family.IP6, "nat", "prerouting").get(0));
    assertEquals("ip6 saddr fd00::/64 snat to 2001:db8::1", ruleLines(nft, Family.IP6, "nat", "postrouting").get(3));
    assertEquals(24, nft.listRuleset().rules().size()); // 12 rules in each table
  }

  @Test
  void aMismatchedFamilyChangesNothing(Nftables nft) {
    nft.submit(Builder.create(Family.IP).pipe(io.jnftables.policy.Nat.setup("nat")).build());
    String before = nft.listRulesetText();
    assertThrows(InvalidValueException.class, () -> nft.submit(Builder.create(Family.IP).table("nat")
        .pipe(io.jnftables.policy.Nat.masquerade("eth0"))
        .pipe(io.jnftables.policy.Nat.staticNat("2001:db8::1", "fd00::1")).build()));
    assertEquals(before, nft.listRulesetText());
  }
}
