package io.jnftables.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Builder;
import io.jnftables.client.Listing;
import io.jnftables.client.Nftables;
import io.jnftables.dsl.Per;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Rule;
import io.jnftables.model.stmt.Limit;
import io.jnftables.validate.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every policy helper applied in a fresh namespace, and what the kernel lists back. */
@Tag("kernel")
@ExtendWith(NftablesExtension.class)
class PolicyKernelTest {
  /** The rule lines of a chain as nft lists them (no header, no braces). */
  static List<String> ruleLines(Nftables nft, Family family, String table, String chain) {
    return nft.listText(Listing.chain(family, table, chain)).lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("table ") && !l.startsWith("chain ") && !l.startsWith("type ")
            && !l.equals("}"))
        .toList();
  }

  @Test
  void basicFirewallDefaults(Nftables nft) {
    Policies.setupBasicFirewall(nft);
    Chain input = nft.listRuleset().chains().get(0);
    assertEquals("input", input.name());
    assertEquals(BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP), input.base());
    assertEquals(List.of(
        "iifname \"lo\" accept",
        "ct state established,related accept",
        "ct state invalid drop",
        "icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept",
        "tcp dport 22 ct state new limit rate 10/minute accept"),
        ruleLines(nft, Family.INET, "filter", "input"));
    // The rate limit is in the kernel (the seed lost it): read back typed.
    Rule ssh = nft.listRuleset().rules("filter", "input").get(4);
    Limit limit = ssh.statements().stream().filter(Limit.class::isInstance).map(Limit.class::cast).findFirst().orElseThrow();
    assertEquals(10L, limit.rate());
    assertEquals("minute", limit.per());
  }

  @Test
  void basicFirewallWithEveryServiceIsReplacedNotDuplicatedWhenAppliedAgain(Nftables nft) {
    BasicFirewall fw = Policies.basicFirewall().table("fw").chain("INPUT")
        .allow(Service.SSH, Service.HTTP, Service.HTTPS, Service.DNS).sshRateLimit(3, Per.SECOND, 8).log(true);
    Policies.setupBasicFirewall(nft, fw);
    Policies.setupBasicFirewall(nft, fw);
    assertEquals(List.of(
        "iifname \"lo\" accept",
        "ct state established,related accept",
        "ct state invalid drop",
        "icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept",
        "tcp dport 22 ct state new limit rate 3/second burst 8 packets log prefix \"SSH: \" accept",
        "tcp dport 80 log prefix \"HTTP: \" accept",
        "tcp dport 443 log prefix \"HTTPS: \" accept",
        "meta l4proto { tcp, udp } th dport 53 log prefix \"DNS: \" accept"),
        ruleLines(nft, Family.INET, "fw", "INPUT"));
  }

  @Test
  void basicFirewallInIpAndIp6Tables(Nftables nft) {
    nft.submit(Policies.basicFirewall().family(Family.IP).allow(Service.DNS).toBatch());
    nft.submit(Policies.basicFirewall().family(Family.IP6).noSshRateLimit().toBatch());
    assertEquals("meta l4proto { tcp, udp } th dport 53 accept", ruleLines(nft, Family.IP, "filter", "input").get(3));
    assertEquals(List.of("icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept", "tcp dport 22 accept"),
        ruleLines(nft, Family.IP6, "filter", "input").subList(3, 5));
    assertEquals(4, ruleLines(nft, Family.IP, "filter", "input").size(), "no neighbour discovery in an ip table");
  }

  @Test
  void everyHelperListsBackAsBuilt(Nftables nft) {
    Builder b = Builder.create(Family.INET).addTable("t")
        .addChain("in", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.ACCEPT))
        .addRule(Policies.acceptLoopback())
        .addRule(Policies.acceptEstablished())
        .addRule(Policies.dropInvalid())
        .addRule(Policies.stateful())
        .addRule(Policies.acceptNeighborDiscovery())
        .addRule(Policies.allowSsh())
        .addRule(Policies.allowSsh(10))
        .addRule(Policies.allowSsh(Allow.defaults().rateLimit(2, Per.SECOND, 3).counter().log("ssh ")))
        .addRule(Policies.allowHttp())
        .addRule(Policies.allowHttp(Allow.defaults().log()))
        .addRule(Policies.allowHttps())
        .addRule(Policies.allowHttps(Allow.defaults().rateLimit(100, Per.SECOND)))
        .addRule(Policies.allowDns())
        .addRule(Policies.allowDns(Allow.defaults().counter()))
        .addRule(Policies.allowAny(true))
        .addRule(Policies.denyAll(true))
        .addRule(Policies.allowAny())
        .addRule(Policies.denyAll());
    nft.submit(b.build());
    assertEquals(List.of(
        "iifname \"lo\" accept",
        "ct state established,related accept",
        "ct state invalid drop",
        // nft prints a verdict map sorted by value.
        "ct state vmap { invalid : drop, established : accept, related : accept }",
        "icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept",
        "tcp dport 22 accept",
        "tcp dport 22 ct state new limit rate 10/minute accept",
        "tcp dport 22 ct state new limit rate 2/second burst 3 packets counter packets 0 bytes 0 log prefix \"ssh \" accept",
        "tcp dport 80 accept",
        "tcp dport 80 log prefix \"HTTP: \" accept",
        "tcp dport 443 accept",
        // burst 5 is nft's default and is not printed.
        "tcp dport 443 ct state new limit rate 100/second accept",
        "meta l4proto { tcp, udp } th dport 53 accept",
        "meta l4proto { tcp, udp } th dport 53 counter packets 0 bytes 0 accept",
        "log prefix \"ALLOW ANY: \" accept",
        "log prefix \"DENY ALL: \" drop",
        "accept",
        "drop"),
        ruleLines(nft, Family.INET, "t", "in"));
  }

  @Test
  void badInputChangesNothing(Nftables nft) {
    Policies.setupBasicFirewall(nft);
    String before = nft.listRulesetText();
    assertThrows(InvalidValueException.class,
        () -> Policies.setupBasicFirewall(nft, Policies.basicFirewall().table("filter").sshRateLimit(-5)));
    assertThrows(InvalidValueException.class, () -> Policies.setupBasicFirewall(nft, Policies.basicFirewall().chain("in put")));
    assertEquals(before, nft.listRulesetText());
    assertTrue(before.contains("limit rate 10/minute"));
  }
}
