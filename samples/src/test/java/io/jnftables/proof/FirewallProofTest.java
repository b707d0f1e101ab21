package io.jnftables.proof;

import static io.jnftables.dsl.Expr.ip;
import static io.jnftables.dsl.Expr.ref;
import static io.jnftables.dsl.Expr.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Builder;
import io.jnftables.batch.SetSpec;
import io.jnftables.client.Nftables;
import io.jnftables.dsl.Per;
import io.jnftables.dsl.RejectWith;
import io.jnftables.model.Rule;
import io.jnftables.model.stmt.Counter;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.policy.Allow;
import io.jnftables.policy.BasicFirewall;
import io.jnftables.policy.Policies;
import io.jnftables.policy.Service;
import io.jnftables.proof.Lab.Attempt;
import io.jnftables.proof.Lab.Host;
import io.jnftables.proof.Lab.Result;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proofs with packets for the filter helpers: a server and a client namespace on one veth link
 * (10.231.0.0/24, fd31::/64); the firewall goes on the server. Each check has a control: what
 * happens without the rule, so a passing test means the rule did it.
 */
@Tag("kernel")
class FirewallProofTest {
  static final String SERVER = "10.231.0.1";
  static final String CLIENT = "10.231.0.2";
  static final String SERVER6 = "fd31::1";
  /** Long enough for a veth round trip, short enough to keep the suite fast. */
  static final int TIMEOUT = 700;

  private static Host[] serverAndClient(Lab lab) {
    Host server = lab.host("srv");
    Host client = lab.host("cli");
    lab.link(server, "veth0", List.of(SERVER + "/24", SERVER6 + "/64"), client, "veth0", List.of(CLIENT + "/24", "fd31::2/64"));
    return new Host[] {server, client};
  }

  private static void assertResult(Result expected, Attempt a, String what) {
    assertEquals(expected, a.result(), what + ": " + a);
  }

  @Test
  void basicFirewallLetsServicesLoopbackAndRepliesInAndKeepsTheRestOut() {
    try (Lab lab = new Lab()) {
      Host[] h = serverAndClient(lab);
      Host server = h[0];
      Host client = h[1];
      for (int port : new int[] {22, 80, 2323}) {
        server.listen(port);
      }
      client.listen(9000);
      // Control: without a firewall every port answers.
      assertResult(Result.CONNECTED, client.connect(SERVER, 2323, TIMEOUT), "2323 before the firewall");
      client.awaitReachable(SERVER6, 2323);

      try (Nftables nft = Nftables.open(NetnsTarget.named(server.netns))) {
        Policies.setupBasicFirewall(nft, Policies.basicFirewall().allow(Service.SSH, Service.HTTP));

        Attempt ssh = client.connect(SERVER, 22, TIMEOUT);
        assertResult(Result.CONNECTED, ssh, "ssh");
        assertEquals(CLIENT, ssh.reply(), "the server saw the client's address");
        assertResult(Result.CONNECTED, client.connect(SERVER, 80, TIMEOUT), "http");
        assertResult(Result.CONNECTED, client.connect(SERVER6, 22, TIMEOUT), "ssh over IPv6");
        assertResult(Result.TIMED_OUT, client.connect(SERVER, 2323, TIMEOUT), "2323 is dropped");
        assertResult(Result.TIMED_OUT, client.connect(SERVER6, 2323, TIMEOUT), "2323 over IPv6 is dropped");
        // Loopback: even the closed port answers on lo.
        assertResult(Result.CONNECTED, server.connect("127.0.0.1", 2323, TIMEOUT), "loopback");
        assertResult(Result.CONNECTED, server.connect("::1", 2323, TIMEOUT), "loopback IPv6");
        // Established: the reply to the server's own connection comes back through the drop policy.
        assertResult(Result.CONNECTED, server.connect(CLIENT, 9000, TIMEOUT), "server's outbound connection");

        // Control: the same chain without the loopback and established rules keeps both out.
        nft.submit(Builder.create(Family.INET).table("filter").flushChain("input").chain("input")
            .addRule(Policies.allowSsh()).build());
        assertResult(Result.TIMED_OUT, server.connect("127.0.0.1", 2323, TIMEOUT), "loopback without its rule");
        assertResult(Result.TIMED_OUT, server.connect(CLIENT, 9000, TIMEOUT), "outbound without the established rule");
      }
    }
  }

  @Test
  void aBlocklistedSourceIsDroppedRightAfterItsElementIsAddedAndPassesAfterDelete() {
    try (Lab lab = new Lab()) {
      Host[] h = serverAndClient(lab);
      Host server = h[0];
      Host client = h[1];
      server.listen(80);
      try (Nftables nft = Nftables.open(NetnsTarget.named(server.netns))) {
        nft.submit(Policies.basicFirewall().allow(Service.HTTP).toBuilder()
            .addSet("blocklist", SetSpec.of("ipv4_addr").flags("interval"))
            .chain("input").insertRule(ip().saddr(ref("blocklist")).drop())
            .build());
        assertResult(Result.CONNECTED, client.connect(SERVER, 80, TIMEOUT), "before the element");

        nft.submit(Builder.create(Family.INET).table("filter").set("blocklist").addElements(CLIENT).build());
        assertResult(Result.TIMED_OUT, client.connect(SERVER, 80, TIMEOUT), "blocklisted");

        nft.submit(Builder.create(Family.INET).table("filter").set("blocklist").deleteElements(CLIENT).build());
        assertResult(Result.CONNECTED, client.connect(SERVER, 80, TIMEOUT), "after delete");
      }
    }
  }

  @Test
  void aRejectedPortAnswersAtOnceADroppedOneTimesOut() {
    try (Lab lab = new Lab()) {
      Host[] h = serverAndClient(lab);
      Host server = h[0];
      Host client = h[1];
      for (int port : new int[] {7001, 7002, 7003}) {
        server.listen(port);
        assertResult(Result.CONNECTED, client.connect(SERVER, port, TIMEOUT), port + " before the firewall");
      }
      try (Nftables nft = Nftables.open(NetnsTarget.named(server.netns))) {
        nft.submit(Policies.basicFirewall().toBuilder()
            .addRule(tcp().dport(7001).reject(RejectWith.TCP_RESET))
            .addRule(tcp().dport(7003).reject())
            .build());
      }
      Attempt reset = client.connect(SERVER, 7001, TIMEOUT);
      assertResult(Result.REFUSED, reset, "tcp reset");
      assertTrue(reset.millis() < 300, "refused at once, took " + reset.millis() + " ms");
      Attempt icmp = client.connect(SERVER, 7003, TIMEOUT);
      assertResult(Result.REFUSED, icmp, "icmp port unreachable");
      assertTrue(icmp.millis() < 300, "refused at once, took " + icmp.millis() + " ms");
      Attempt dropped = client.connect(SERVER, 7002, TIMEOUT);
      assertResult(Result.TIMED_OUT, dropped, "dropped by the policy");
      assertTrue(dropped.millis() >= TIMEOUT - 50, "waited the whole timeout, " + dropped.millis() + " ms");
    }
  }

  /**
   * {@code limit rate N/second burst B}: of connection attempts spread over about a second, about
   * B + N get through (the bucket's burst, then N refills per second) and the rest are dropped;
   * the rule counters say the same. The expectation is computed from the time the attempts really
   * took, so a slow machine does not change what is asserted.
   */
  @Test
  void aRateLimitLetsAboutRatePlusBurstThrough() {
    int rate = 5;
    int burst = 5;
    int attempts = 30;
    int spacing = 1000 / attempts;
    try (Lab lab = new Lab()) {
      Host[] h = serverAndClient(lab);
      Host server = h[0];
      Host client = h[1];
      server.listen(22);
      // Control: without a limit every attempt connects.
      assertEquals(attempts, client.connectSpread(SERVER, 22, attempts, spacing, TIMEOUT).connected(),
          "the attempts without a firewall");
      try (Nftables nft = Nftables.open(NetnsTarget.named(server.netns))) {
        BasicFirewall fw = Policies.basicFirewall().noSshRateLimit().allow();
        nft.submit(fw.toBuilder()
            .addRule(Policies.allowSsh(Allow.defaults().rateLimit(rate, Per.SECOND, burst).counter()))
            .addRule(tcp().dport(22).counter().drop())
            .build());
        Host.Spread spread = client.connectSpread(SERVER, 22, attempts, spacing, TIMEOUT);
        int passed = spread.connected();
        double expected = burst + rate * spread.spanMillis() / 1000.0;
        System.out.println("rate limit " + rate + "/second burst " + burst + ": " + passed + " of " + attempts
            + " connected over " + spread.spanMillis() + " ms (about " + Math.round(expected) + " expected)");

        List<Rule> rules = nft.listRuleset().rules("filter", "input");
        long accepted = packets(rules.get(rules.size() - 2));
        long dropped = packets(rules.get(rules.size() - 1));
        assertEquals(passed, accepted, "every connection that passed is one SYN counted by the accept rule");
        assertEquals(attempts - passed, dropped, "every other SYN is counted by the drop rule");
        assertTrue(Math.abs(passed - expected) <= 2,
            "about burst + rate × seconds get through: " + passed + " of " + attempts + ", expected about " + expected);
      }
    }
  }

  private static long packets(Rule r) {
    Counter c = r.statements().stream().filter(Counter.class::isInstance).map(Counter.class::cast).findFirst().orElseThrow();
    return c.packets() == null ? 0 : c.packets();
  }
}
