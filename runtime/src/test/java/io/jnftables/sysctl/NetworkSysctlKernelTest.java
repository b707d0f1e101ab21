package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import io.jnftables.sysctl.SysctlException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each helper's effect, read back from a fresh namespace that holds a veth pair ({@code va},
 * {@code vb}) besides {@code lo}, so that per-interface writes show. The machine's own values are
 * checked after every test.
 */
@Tag("kernel")
class NetworkSysctlKernelTest {
  private Map<String, String> hostBefore;
  private NetnsThread thread;
  private Sysctl sysctl;
  private NetworkSysctl net;

  @BeforeEach
  void freshNamespaceWithAVethPair() {
    hostBefore = Host.snapshot();
    thread = NetnsThread.start(NetnsTarget.fresh());
    // a child process inherits the namespace of the thread that starts it
    thread.run(() -> Host.run("ip", "link", "add", "va", "type", "veth", "peer", "name", "vb"));
    sysctl = Sysctl.using(ProcSysctlBackend.on(thread));
    net = sysctl.network();
    assertEquals(List.of("lo", "va", "vb"), sysctl.interfaces(IpVersion.IPV4));
    assertEquals(List.of("lo", "va", "vb"), sysctl.interfaces(IpVersion.IPV6));
  }

  @AfterEach
  void closeAndCheckHost() {
    sysctl.close();
    thread.close();
    assertEquals(hostBefore, Host.snapshot(), "the machine's own sysctls changed");
  }

  private String get(String name) {
    return sysctl.get(name);
  }

  @Test
  void ipv4Forwarding() {
    assertFalse(net.ipv4ForwardingEnabled());
    net.enableIpv4Forwarding();
    assertTrue(net.ipv4ForwardingEnabled());
    assertEquals("1", get("net.ipv4.conf.all.forwarding"));
    assertEquals("1", get("net.ipv4.conf.va.forwarding"));
    net.disableIpv4Forwarding();
    assertFalse(net.ipv4ForwardingEnabled());
    assertEquals("0", get("net.ipv4.conf.va.forwarding"));
  }

  @Test
  void ipv6Forwarding() {
    assertFalse(net.ipv6ForwardingEnabled());
    net.enableIpv6Forwarding();
    assertTrue(net.ipv6ForwardingEnabled());
    assertEquals("1", get("net.ipv6.conf.default.forwarding"));
    assertEquals("1", get("net.ipv6.conf.va.forwarding"));
    net.disableIpv6Forwarding();
    assertEquals("0", get("net.ipv6.conf.va.forwarding"));
  }

  @Test
  void syncookies() {
    net.disableSyncookies();
    assertEquals("0", get("net.ipv4.tcp_syncookies"));
    net.enableSyncookies();
    assertEquals("1", get("net.ipv4.tcp_syncookies"));
  }

  @Test
  void conntrackMaxIsTheMachinesAndCannotBeSetHere() {
    int host = Integer.parseInt(Host.read("net.netfilter.nf_conntrack_max"));
    assertEquals(host, net.getConntrackMax());
    SysctlException e = assertThrows(SysctlException.class, () -> net.setConntrackMax(131072));
    assertEquals(Reason.READ_ONLY, e.reason());
    assertTrue(e.getMessage().contains("writable only from the initial network namespace"), e.getMessage());
    assertEquals(host, net.getConntrackMax());
  }

  @Test
  void ping() {
    net.ignorePing();
    assertEquals("1", get("net.ipv4.icmp_echo_ignore_all"));
    assertEquals("1", get("net.ipv6.icmp.echo_ignore_all"));
    net.allowPing();
    assertEquals("0", get("net.ipv4.icmp_echo_ignore_all"));
    assertEquals("0", get("net.ipv6.icmp.echo_ignore_all"));
  }

  @Test
  void configureRouterWritesFalseToo() {
    net.configureRouter(RouterConfig.builder()
        .ipv4Forwarding(true).ipv6Forwarding(true).syncookies(true).sendRedirects(false).build());
    assertEquals("1", get("net.ipv4.ip_forward"));
    assertEquals("1", get("net.ipv6.conf.all.forwarding"));
    assertEquals("1", get("net.ipv4.tcp_syncookies"));
    for (String where : List.of("all", "default", "lo", "va", "vb")) {
      assertEquals("0", get("net.ipv4.conf." + where + ".send_redirects"), where);
    }
    net.configureRouter(RouterConfig.builder().ipv4Forwarding(false).syncookies(false).build());
    assertEquals("0", get("net.ipv4.ip_forward"));
    assertEquals("1", get("net.ipv6.conf.all.forwarding"), "left alone");
    assertEquals("0", get("net.ipv4.tcp_syncookies"));
  }

  @Test
  void hardenReachesInterfacesThatSetTheirOwnValue() {
    // Interfaces with an explicit value ignore default, and the kernel ORs all with them:
    // the seed's all+default writes would leave these on.
    sysctl.set("net.ipv4.conf.va.send_redirects", true);
    sysctl.set("net.ipv4.conf.va.accept_redirects", true);
    sysctl.set("net.ipv4.conf.va.secure_redirects", true);
    sysctl.set("net.ipv4.conf.va.rp_filter", 2);
    sysctl.set("net.ipv6.conf.va.accept_redirects", true);
    sysctl.set("net.ipv6.conf.va.accept_ra", 1);
    sysctl.set("net.ipv4.tcp_syncookies", 0);

    net.harden();

    for (String where : List.of("all", "default")) {
      assertEquals("1", get("net.ipv4.conf." + where + ".rp_filter"), where);
      assertEquals("0", get("net.ipv4.conf." + where + ".accept_source_route"), where);
      assertEquals("1", get("net.ipv4.conf." + where + ".log_martians"), where);
      assertEquals("0", get("net.ipv6.conf." + where + ".accept_source_route"), where);
    }
    for (String where : List.of("all", "default", "lo", "va", "vb")) {
      assertEquals("0", get("net.ipv4.conf." + where + ".send_redirects"), where);
      assertEquals("0", get("net.ipv4.conf." + where + ".accept_redirects"), where);
      assertEquals("0", get("net.ipv4.conf." + where + ".secure_redirects"), where);
      assertEquals("0", get("net.ipv6.conf." + where + ".accept_redirects"), where);
    }
    assertEquals("2", get("net.ipv4.conf.va.rp_filter"), "loose stays loose (the kernel takes the max)");
    assertEquals("1", get("net.ipv6.conf.va.accept_ra"), "router advertisements are left alone");
    assertEquals("1", get("net.ipv4.icmp_echo_ignore_broadcasts"));
    assertEquals("1", get("net.ipv4.icmp_ignore_bogus_error_responses"));
    assertEquals("1", get("net.ipv4.tcp_syncookies"));
  }

  @Test
  void hardenIpv4AndIpv6Separately() {
    net.hardenIpv4();
    assertEquals("0", get("net.ipv4.conf.vb.send_redirects"));
    assertEquals("1", get("net.ipv6.conf.vb.accept_redirects"), "IPv6 untouched so far");
    net.hardenIpv6();
    assertEquals("0", get("net.ipv6.conf.vb.accept_redirects"));
  }

  @Test
  void rejectRouterAdvertisements() {
    assertEquals("1", get("net.ipv6.conf.va.accept_ra"));
    net.rejectRouterAdvertisements();
    for (String where : List.of("all", "default", "lo", "va", "vb")) {
      assertEquals("0", get("net.ipv6.conf." + where + ".accept_ra"), where);
      assertEquals("0", get("net.ipv6.conf." + where + ".accept_ra_defrtr"), where);
      assertEquals("0", get("net.ipv6.conf." + where + ".accept_ra_pinfo"), where);
    }
  }
}
