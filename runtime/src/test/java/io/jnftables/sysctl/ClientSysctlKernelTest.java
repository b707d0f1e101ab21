package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.HelperExecutor;
import io.jnftables.client.Nftables;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.sysctl.SysctlException.Reason;
import io.jnftables.testing.Sh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Nftables.sysctl()}: the sysctls of the client's own namespace, through its executor (in
 * process or the privileged helper). The machine's own values are checked unchanged after each.
 */
@Tag("kernel")
class ClientSysctlKernelTest {
  private Map<String, String> hostBefore;

  @BeforeEach
  void snapshotHost() {
    hostBefore = Host.snapshot();
  }

  @AfterEach
  void hostIsUnchanged() {
    assertEquals(hostBefore, Host.snapshot(), "the machine's own sysctls changed");
  }

  private static Nftables fresh(Nftables.Backend backend) {
    return Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false).open();
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void setsIpForwardOfTheClientsFreshNamespaceOnly(Nftables.Backend backend) throws Exception {
    String host = Host.read("net.ipv4.ip_forward");
    try (Nftables nft = fresh(backend)) {
      Sysctl sysctl = nft.sysctl();
      if (backend == Nftables.Backend.HELPER) {
        assertInstanceOf(HelperSysctlBackend.class, sysctl.backend());
        long pid = ((HelperExecutor) nft.executor()).pid();
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        assertTrue(status.contains("CapEff:\t0000000000001000"), "the helper writes with CAP_NET_ADMIN alone");
      }
      assertEquals("0", sysctl.get("net.ipv4.ip_forward"));
      sysctl.set("net.ipv4.ip_forward", true);
      assertEquals("1", sysctl.get("net.ipv4.ip_forward"));
      assertTrue(sysctl.getBoolean("net.ipv4.conf.all.forwarding"), "ip_forward sets all");
      String seen = Sh.ok("nsenter", "--net=" + nft.netnsPath().orElseThrow(), "cat", "/proc/sys/net/ipv4/ip_forward");
      assertEquals("1\n", seen);
      assertEquals(host, Host.read("net.ipv4.ip_forward"));
      // the helpers of NetworkSysctl work through it too
      sysctl.network().configureRouter(RouterConfig.builder().ipv6Forwarding(true).sendRedirects(false).build());
      assertEquals("1", sysctl.get("net.ipv6.conf.all.forwarding"));
      assertEquals("0", sysctl.get("net.ipv4.conf.lo.send_redirects"));
      assertEquals(java.util.List.of("lo"), sysctl.interfaces(IpVersion.IPV4));
      sysctl.close(); // borrowed: the client goes on
      assertEquals("1", nft.sysctl().get("net.ipv4.ip_forward"));
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aClientBoundToANamedNamespaceWritesThatNamespace(Nftables.Backend backend) {
    try (Sh.NamedNetns ns = new Sh.NamedNetns()) {
      try (Nftables nft = Nftables.builder().netns(NetnsTarget.named(ns.name())).backend(backend)
          .probeCapabilities(false).open()) {
        nft.sysctl().set("net.ipv4.tcp_syncookies", 2);
      }
      assertEquals("2\n", ns.exec("cat", "/proc/sys/net/ipv4/tcp_syncookies"));
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void refusedNamesAndValuesGetAClearErrorAndNothingIsWritten(Nftables.Backend backend) {
    try (Nftables nft = fresh(backend)) {
      Sysctl sysctl = nft.sysctl();
      SysctlException kernel = assertThrows(SysctlException.class, () -> sysctl.set("kernel.hostname", "x"));
      assertEquals(Reason.INVALID_NAME, kernel.reason());
      assertTrue(kernel.getMessage().contains("only network parameters (net.*)"), kernel.getMessage());
      SysctlException dots = assertThrows(SysctlException.class,
          () -> sysctl.set("net.ipv4.ip_forward/../../../kernel/hostname", "x"));
      assertEquals(Reason.INVALID_NAME, dots.reason());
      SysctlException other = assertThrows(SysctlException.class, () -> sysctl.set("net.core.somaxconn", 1));
      assertEquals(Reason.NOT_WHITELISTED, other.reason());
      SysctlException value = assertThrows(SysctlException.class, () -> sysctl.set("net.ipv4.ip_forward", "1\n0"));
      assertEquals(Reason.INVALID_VALUE, value.reason());
      assertTrue(value.getMessage().contains("nothing was written"), value.getMessage());
      assertEquals("0", sysctl.get("net.ipv4.ip_forward"));
      // what the kernel refuses comes back classified, through either executor
      SysctlException ro = assertThrows(SysctlException.class,
          () -> sysctl.set("net.netfilter.nf_conntrack_max", 1000));
      assertEquals(Reason.READ_ONLY, ro.reason(), ro.getMessage());
      SysctlException missing = assertThrows(SysctlException.class, () -> sysctl.get("net.ipv4.conf.nosuch0.rp_filter"));
      assertEquals(Reason.NOT_PRESENT, missing.reason(), missing.getMessage());
      SysctlException range = assertThrows(SysctlException.class,
          () -> sysctl.set("net.ipv4.ip_local_port_range", "100 200"));
      assertEquals(Reason.KERNEL_REFUSED, range.reason(), range.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aSysctlOfAClosedClientFailsClearly(Nftables.Backend backend) {
    Nftables nft = fresh(backend);
    Sysctl sysctl = nft.sysctl();
    nft.close();
    RuntimeException e = assertThrows(RuntimeException.class, () -> sysctl.get("net.ipv4.ip_forward"));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
