package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.sysctl.SysctlException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exactly what each helper writes, in order, against a recording backend. */
class NetworkSysctlTest {
  private final FakeSysctlBackend backend =
      FakeSysctlBackend.freshNamespace(List.of("eth0", "lo"), List.of("eth0", "lo"));
  private final NetworkSysctl net = Sysctl.using(backend).network();

  @Test
  void forwarding() {
    net.enableIpv4Forwarding();
    assertTrue(net.ipv4ForwardingEnabled());
    net.disableIpv4Forwarding();
    assertFalse(net.ipv4ForwardingEnabled());
    net.enableIpv6Forwarding();
    assertTrue(net.ipv6ForwardingEnabled());
    net.disableIpv6Forwarding();
    assertFalse(net.ipv6ForwardingEnabled());
    assertEquals(
        List.of(
            "net.ipv4.ip_forward=1",
            "net.ipv4.ip_forward=0",
            "net.ipv6.conf.all.forwarding=1",
            "net.ipv6.conf.all.forwarding=0"),
        backend.writes);
  }

  @Test
  void syncookiesAndConntrack() {
    net.enableSyncookies();
    net.disableSyncookies();
    net.setConntrackMax(131072);
    assertEquals(131072, net.getConntrackMax());
    assertEquals(
        List.of(
            "net.ipv4.tcp_syncookies=1",
            "net.ipv4.tcp_syncookies=0",
            "net.netfilter.nf_conntrack_max=131072"),
        backend.writes);
  }

  @Test
  void conntrackMaxMustBePositive() {
    SysctlException e = assertThrows(SysctlException.class, () -> net.setConntrackMax(0));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertThrows(SysctlException.class, () -> net.setConntrackMax(-1));
    assertEquals(List.of(), backend.writes);
  }

  @Test
  void pingCoversBothFamilies() {
    net.ignorePing();
    net.allowPing();
    assertEquals(
        List.of(
            "net.ipv4.icmp_echo_ignore_all=1",
            "net.ipv6.icmp.echo_ignore_all=1",
            "net.ipv4.icmp_echo_ignore_all=0",
            "net.ipv6.icmp.echo_ignore_all=0"),
        backend.writes);
  }

  @Test
  void pingWithoutIpv6WritesIpv4Only() {
    backend.withoutIpv6();
    net.ignorePing();
    assertEquals(List.of("net.ipv4.icmp_echo_ignore_all=1"), backend.writes);
  }

  @Test
  void configureRouterWritesWhatIsSetFalseIncluded() {
    net.configureRouter(RouterConfig.builder()
        .ipv4Forwarding(true).ipv6Forwarding(true).syncookies(true).sendRedirects(false).build());
    assertEquals(
        List.of(
            "net.ipv4.ip_forward=1",
            "net.ipv6.conf.all.forwarding=1",
            "net.ipv4.tcp_syncookies=1",
            "net.ipv4.conf.all.send_redirects=0",
            "net.ipv4.conf.default.send_redirects=0",
            "net.ipv4.conf.eth0.send_redirects=0",
            "net.ipv4.conf.lo.send_redirects=0"),
        backend.writes);
    backend.writes.clear();

    net.configureRouter(RouterConfig.builder().ipv4Forwarding(false).syncookies(false).sendRedirects(true).build());
    assertEquals(
        List.of(
            "net.ipv4.ip_forward=0",
            "net.ipv4.tcp_syncookies=0",
            "net.ipv4.conf.all.send_redirects=1",
            "net.ipv4.conf.default.send_redirects=1"),
        backend.writes);
    backend.writes.clear();

    net.configureRouter(RouterConfig.builder().build());
    assertEquals(List.of(), backend.writes);
  }

  @Test
  void hardenIpv4() {
    net.hardenIpv4();
    assertEquals(
        List.of(
            "net.ipv4.conf.all.rp_filter=1",
            "net.ipv4.conf.default.rp_filter=1",
            "net.ipv4.conf.all.accept_source_route=0",
            "net.ipv4.conf.default.accept_source_route=0",
            "net.ipv4.conf.all.send_redirects=0",
            "net.ipv4.conf.default.send_redirects=0",
            "net.ipv4.conf.eth0.send_redirects=0",
            "net.ipv4.conf.lo.send_redirects=0",
            "net.ipv4.conf.all.accept_redirects=0",
            "net.ipv4.conf.default.accept_redirects=0",
            "net.ipv4.conf.eth0.accept_redirects=0",
            "net.ipv4.conf.lo.accept_redirects=0",
            "net.ipv4.conf.all.secure_redirects=0",
            "net.ipv4.conf.default.secure_redirects=0",
            "net.ipv4.conf.eth0.secure_redirects=0",
            "net.ipv4.conf.lo.secure_redirects=0",
            "net.ipv4.conf.all.log_martians=1",
            "net.ipv4.conf.default.log_martians=1",
            "net.ipv4.icmp_echo_ignore_broadcasts=1",
            "net.ipv4.icmp_ignore_bogus_error_responses=1",
            "net.ipv4.tcp_syncookies=1"),
        backend.writes);
  }

  @Test
  void hardenIpv6LeavesRouterAdvertisementsAlone() {
    net.hardenIpv6();
    assertEquals(
        List.of(
            "net.ipv6.conf.all.accept_source_route=0",
            "net.ipv6.conf.default.accept_source_route=0",
            "net.ipv6.conf.all.accept_redirects=0",
            "net.ipv6.conf.default.accept_redirects=0",
            "net.ipv6.conf.eth0.accept_redirects=0",
            "net.ipv6.conf.lo.accept_redirects=0"),
        backend.writes);
  }

  @Test
  void hardenIsIpv4ThenIpv6() {
    net.harden();
    assertEquals(21 + 6, backend.writes.size());
    assertEquals("net.ipv4.tcp_syncookies=1", backend.writes.get(20));
    assertEquals("net.ipv6.conf.all.accept_source_route=0", backend.writes.get(21));
  }

  @Test
  void hardenWithoutIpv6HardensIpv4Only() {
    backend.withoutIpv6();
    net.harden();
    assertEquals(21, backend.writes.size());
    SysctlException e = assertThrows(SysctlException.class, net::hardenIpv6);
    assertEquals(Reason.NOT_PRESENT, e.reason());
  }

  @Test
  void rejectRouterAdvertisementsEverywhere() {
    net.rejectRouterAdvertisements();
    assertEquals(
        List.of(
            "net.ipv6.conf.all.accept_ra=0",
            "net.ipv6.conf.default.accept_ra=0",
            "net.ipv6.conf.eth0.accept_ra=0",
            "net.ipv6.conf.lo.accept_ra=0",
            "net.ipv6.conf.all.accept_ra_defrtr=0",
            "net.ipv6.conf.default.accept_ra_defrtr=0",
            "net.ipv6.conf.eth0.accept_ra_defrtr=0",
            "net.ipv6.conf.lo.accept_ra_defrtr=0",
            "net.ipv6.conf.all.accept_ra_pinfo=0",
            "net.ipv6.conf.default.accept_ra_pinfo=0",
            "net.ipv6.conf.eth0.accept_ra_pinfo=0",
            "net.ipv6.conf.lo.accept_ra_pinfo=0"),
        backend.writes);
  }

  @Test
  void aFailureStopsTheHelperAndSaysWhatWasWritten() {
    backend.failOnWrite.put("net.ipv4.conf.default.accept_source_route", Reason.READ_ONLY);
    SysctlException e = assertThrows(SysctlException.class, net::harden);
    assertEquals(Reason.READ_ONLY, e.reason());
    assertEquals("net.ipv4.conf.default.accept_source_route", e.parameter());
    assertEquals(
        "harden: net.ipv4.conf.default.accept_source_route fails (fake); already written:"
            + " net.ipv4.conf.all.rp_filter=1, net.ipv4.conf.default.rp_filter=1,"
            + " net.ipv4.conf.all.accept_source_route=0",
        e.getMessage());
    assertEquals(3, backend.writes.size());
  }

  @Test
  void aFailureOnTheFirstWriteSaysNothingWasWritten() {
    backend.failOnWrite.put("net.ipv4.ip_forward", Reason.PERMISSION_DENIED);
    SysctlException e = assertThrows(SysctlException.class,
        () -> net.configureRouter(RouterConfig.builder().ipv4Forwarding(true).build()));
    assertEquals("configureRouter: net.ipv4.ip_forward fails (fake); nothing had been written", e.getMessage());
  }

  @Test
  void interfacesWithNamesTheWhitelistRefusesCannotSlipThrough() {
    // A backend must filter names; if one did not, the write would still be refused by name.
    backend.interfaces.put(IpVersion.IPV4, List.of("../../x"));
    SysctlException e = assertThrows(SysctlException.class, net::hardenIpv4);
    assertEquals(Reason.INVALID_NAME, e.reason());
  }
}
