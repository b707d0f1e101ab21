package io.jnftables.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Builder;
import io.jnftables.client.Nftables;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.policy.Nat;
import io.jnftables.proof.Lab.Attempt;
import io.jnftables.proof.Lab.Host;
import io.jnftables.proof.Lab.Result;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proofs with packets for the NAT helpers, IPv4 and IPv6: client — gateway — server, each a named
 * namespace; forwarding is enabled in the gateway's namespace only. The server answers each
 * connection with the source address it sees. NAT rules go on the gateway, and each test starts
 * from an empty ruleset there.
 */
@Tag("kernel")
class NatProofTest {
  static final String CLIENT = "10.231.1.2";
  static final String GW_CLIENT_SIDE = "10.231.1.1";
  static final String GW_SERVER_SIDE = "10.231.2.1";
  static final String SERVER = "10.231.2.2";
  static final String CLIENT6 = "fd31:1::2";
  static final String GW6_CLIENT_SIDE = "fd31:1::1";
  static final String GW6_SERVER_SIDE = "fd31:2::1";
  static final String SERVER6 = "fd31:2::2";
  static final int TIMEOUT = 700;

  private static Lab lab;
  private static Host client;
  private static Host gateway;
  private static Host server;

  @BeforeAll
  static void threeHosts() {
    lab = new Lab();
    client = lab.host("cli");
    gateway = lab.host("gw");
    server = lab.host("srv");
    lab.link(client, "eth0", List.of(CLIENT + "/24", CLIENT6 + "/64"), gateway, "gw-c", List.of(GW_CLIENT_SIDE + "/24", GW6_CLIENT_SIDE + "/64"));
    lab.link(gateway, "gw-s", List.of(GW_SERVER_SIDE + "/24", GW6_SERVER_SIDE + "/64"), server, "eth0", List.of(SERVER + "/24", SERVER6 + "/64"));
    client.ip("route", "add", "default", "via", GW_CLIENT_SIDE);
    client.ip("-6", "route", "add", "default", "via", GW6_CLIENT_SIDE);
    server.ip("route", "add", "default", "via", GW_SERVER_SIDE);
    server.ip("-6", "route", "add", "default", "via", GW6_SERVER_SIDE);
    gateway.enableForwarding();
    server.listen(80);
    gateway.listen(9);
    client.listen(9000);
    client.awaitReachable(GW_CLIENT_SIDE, 9);
    client.awaitReachable(GW6_CLIENT_SIDE, 9);
    client.awaitReachable(SERVER, 80);
    client.awaitReachable(SERVER6, 80);
  }

  @AfterAll
  static void deleteNamespaces() {
    if (lab != null) {
      lab.close();
    }
  }

  /** A client on the gateway's namespace, its ruleset emptied first. */
  private static Nftables gatewayNft() {
    Nftables nft = Nftables.open(NetnsTarget.named(gateway.netns));
    nft.submit(Builder.create().flushRuleset().build());
    return nft;
  }

  private static void assertConnected(String expectedSource, Attempt a, String what) {
    assertEquals(Result.CONNECTED, a.result(), what + ": " + a);
    assertEquals(expectedSource, a.reply(), what + ": the source address the server saw");
  }

  @Test
  void portForwardReachesTheServerThroughTheGatewaysPort() {
    try (Nftables nft = gatewayNft()) {
      // Control: nothing listens on the gateway's 8080.
      assertEquals(Result.REFUSED, client.connect(GW_CLIENT_SIDE, 8080, TIMEOUT).result(), "8080 before the forward");
      assertEquals(Result.REFUSED, client.connect(GW6_CLIENT_SIDE, 8080, TIMEOUT).result(), "8080 before the forward (IPv6)");

      nft.submit(Builder.create(Family.INET)
          .pipe(Nat.setup("nat"))
          .pipe(Nat.portForward(8080, SERVER, 80))
          .pipe(Nat.portForward(8080, SERVER6, 80))
          .build());

      // The server sees the client itself: only the destination was rewritten.
      assertConnected(CLIENT, client.connect(GW_CLIENT_SIDE, 8080, TIMEOUT), "gateway:8080 -> server:80");
      assertConnected(CLIENT6, client.connect(GW6_CLIENT_SIDE, 8080, TIMEOUT), "[gateway]:8080 -> [server]:80");
    }
  }

  @Test
  void masqueradeShowsTheGatewaysAddressToTheServer() {
    try (Nftables nft = gatewayNft()) {
      // Control: routed without NAT, the server sees the client's own address.
      assertConnected(CLIENT, client.connect(SERVER, 80, TIMEOUT), "routed");
      assertConnected(CLIENT6, client.connect(SERVER6, 80, TIMEOUT), "routed (IPv6)");

      nft.submit(Builder.create(Family.INET).pipe(Nat.setup("nat")).pipe(Nat.masquerade("gw-s")).build());

      assertConnected(GW_SERVER_SIDE, client.connect(SERVER, 80, TIMEOUT), "masqueraded");
      assertConnected(GW6_SERVER_SIDE, client.connect(SERVER6, 80, TIMEOUT), "masqueraded (IPv6)");
    }
  }

  @Test
  void staticNatMapsThePublicAddressBothWays() {
    String pub = "10.231.9.100"; // routed to the gateway, owned by no interface
    try (Nftables nft = gatewayNft()) {
      // The gateway has no route for it: ICMP network unreachable.
      assertEquals(Result.UNREACHABLE, client.connect(pub, 80, TIMEOUT).result(), "nobody has the public address yet");
      server.awaitReachable(CLIENT, 9000);
      assertConnected(SERVER, server.connect(CLIENT, 9000, TIMEOUT), "the server's own address before");

      nft.submit(Builder.create(Family.INET).pipe(Nat.setup("nat")).pipe(Nat.staticNat(pub, SERVER)).build());

      // Inbound: the public address reaches the server (prerouting dnat).
      assertConnected(CLIENT, client.connect(pub, 80, TIMEOUT), "public -> private");
      // Outbound: the server's connections leave with the public address (postrouting snat).
      assertConnected(pub, server.connect(CLIENT, 9000, TIMEOUT), "private -> public");
    }
  }

  @Test
  void redirectSendsAPortToTheGatewayItself() {
    try (Nftables nft = gatewayNft()) {
      assertEquals(Result.REFUSED, client.connect(SERVER, 8081, TIMEOUT).result(), "the server has no 8081");

      nft.submit(Builder.create(Family.INET).pipe(Nat.setup("nat")).pipe(Nat.redirectPort(8081, 9)).build());

      // The gateway's listener on 9 answers, with the client's own address: nothing else was rewritten.
      assertConnected(CLIENT, client.connect(SERVER, 8081, TIMEOUT), "redirected to the gateway");
      assertConnected(CLIENT6, client.connect(SERVER6, 8081, TIMEOUT), "redirected to the gateway (IPv6)");
      assertConnected(CLIENT, client.connect(SERVER, 80, TIMEOUT), "other ports still go to the server");
    }
  }
}
