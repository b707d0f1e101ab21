package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import io.jnftables.sysctl.SysctlException.Reason;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads and writes in fresh (or named) network namespaces; after every test the machine's own
 * values, read from the main thread, are what they were before.
 */
@Tag("kernel")
class SysctlKernelTest {
  private Map<String, String> hostBefore;

  @BeforeEach
  void snapshotHost() {
    hostBefore = Host.snapshot();
    assertTrue(hostBefore.containsKey("net.ipv4.ip_forward"));
  }

  @AfterEach
  void hostIsUnchanged() {
    assertEquals(hostBefore, Host.snapshot(), "the machine's own sysctls changed");
  }

  /**
   * The assumption everything rests on, checked without the library: a thread that entered a fresh
   * namespace sees that namespace's /proc/sys/net, the main thread still sees the machine's.
   */
  @Test
  void aThreadThatEnteredAFreshNamespaceSeesThatNamespacesProcSysNet() throws Exception {
    Path forward = Path.of("/proc/sys/net/ipv4/ip_forward");
    String host = Host.readOnce(forward);
    String hostNs = Host.netnsId();
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh())) {
      assertNotEquals(hostNs, t.netnsId());
      assertEquals("0\n", t.call(() -> Host.readOnce(forward)));
      t.call(() -> Files.writeString(forward, "1\n"));
      assertEquals("1\n", t.call(() -> Host.readOnce(forward)));
      assertEquals(host, Host.readOnce(forward), "main thread must still see the host's value");
      // a second fresh namespace has its own value too
      try (NetnsThread other = NetnsThread.start(NetnsTarget.fresh())) {
        assertEquals("0\n", other.call(() -> Host.readOnce(forward)));
      }
    }
    assertEquals(hostNs, Host.netnsId());
  }

  /** Why the backend reads a sysctl file in one call: the kernel answers a read past 0 with EOF. */
  @Test
  void aSysctlFileReadInSmallStepsEndsAfterTheFirstByte() throws Exception {
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh())) {
      Path max = Path.of("/proc/sys/net/netfilter/nf_conntrack_max");
      String once = t.call(() -> Host.readOnce(max));
      assertTrue(once.length() > 2, once);
      assertEquals(once.substring(0, 1), t.call(() -> Files.readString(max)));
    }
  }

  @Test
  void setAndGetIpForwardInAFreshNamespace() {
    String host = Host.read("net.ipv4.ip_forward");
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      assertEquals("0", sysctl.get("net.ipv4.ip_forward"));
      sysctl.set("net.ipv4.ip_forward", true);
      assertEquals("1", sysctl.get("net.ipv4.ip_forward"));
      assertTrue(sysctl.getBoolean("net.ipv4.ip_forward"));
      // the kernel's alias follows
      assertEquals("1", sysctl.get("net.ipv4.conf.all.forwarding"));
      assertEquals(host, Host.read("net.ipv4.ip_forward"));
      sysctl.set("net.ipv4.ip_forward", "0");
      assertEquals(0, sysctl.getInt("net.ipv4.ip_forward"));
    }
    assertEquals(host, Host.read("net.ipv4.ip_forward"));
  }

  @Test
  void everyWhitelistedParameterExistsAsItsScopeSays() throws Exception {
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh());
        Sysctl sysctl = Sysctl.using(ProcSysctlBackend.on(t))) {
      List<String> wrong = new ArrayList<>();
      for (SysctlParameter p : SysctlParameter.concrete()) {
        Path path = p.resolved().path();
        boolean present = sysctl.isPresent(p.name());
        switch (p.scope()) {
          case PER_NAMESPACE -> {
            if (!present || !t.call(() -> ownerMayWrite(path))) {
              wrong.add(p.name() + ": expected present and writable in a fresh namespace");
            }
          }
          case GLOBAL -> {
            if (!present || t.call(() -> ownerMayWrite(path)) || !ownerMayWrite(path)) {
              wrong.add(p.name() + ": expected read-only in a fresh namespace, writable in the initial one");
            }
          }
          case INITIAL_NAMESPACE_ONLY -> {
            if (present || Host.read(p.name()) == null) {
              wrong.add(p.name() + ": expected absent in a fresh namespace, present in the initial one");
            }
          }
        }
      }
      for (SysctlParameter tpl : SysctlParameter.templates()) {
        SysctlParameter.Resolved lo = tpl.forInterface("lo");
        if (!sysctl.isPresent(lo.name()) || !t.call(() -> ownerMayWrite(lo.path()))) {
          wrong.add(lo.name() + ": expected present and writable for lo");
        }
      }
      assertEquals(List.of(), wrong);
    }
  }

  /**
   * The proof that PER_NAMESPACE is right: each parameter is set to another valid value in a fresh
   * namespace and read back, and the host (checked after each test) keeps its own.
   */
  @Test
  void everyPerNamespaceParameterChangesInAFreshNamespaceOnly() {
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      List<SysctlParameter.Resolved> targets = new ArrayList<>();
      for (SysctlParameter p : SysctlParameter.all()) {
        if (p.scope() == SysctlParameter.Scope.PER_NAMESPACE) {
          targets.add(p.perInterface() ? p.forInterface("lo") : p.resolved());
        }
      }
      int changed = 0;
      for (SysctlParameter.Resolved r : targets) {
        String before = sysctl.get(r.name());
        String other = otherValue(r.parameter().type(), before);
        sysctl.set(r.name(), other);
        assertEquals(other, sysctl.get(r.name()), r.name());
        assertNotEquals(before, other, r.name());
        changed++;
      }
      assertEquals(SysctlParameter.all().size() - 2, changed);
    }
  }

  private static String otherValue(SysctlType type, String current) {
    if (type instanceof SysctlType.PortRange) {
      return current.equals("40000\t50000") ? "40001\t50000" : "40000\t50000";
    }
    long v = Long.parseLong(current.strip());
    if (type instanceof SysctlType.Bool) {
      return v == 0 ? "1" : "0";
    }
    if (type instanceof SysctlType.Choice c) {
      return Integer.toString(c.values().stream().filter(x -> x != v).findFirst().orElseThrow());
    }
    SysctlType.IntRange r = (SysctlType.IntRange) type;
    if (r.unit().equals("milliseconds")) {
      // the kernel rounds to its clock tick (4 ms at HZ=250): use whole seconds
      return v == 1000 ? "2000" : "1000";
    }
    if (v < r.min() || v >= r.max()) {
      return Long.toString(r.min() == v ? r.min() + 1 : r.min());
    }
    return Long.toString(v + 1);
  }

  @Test
  void perInterfaceParametersOnLoopback() {
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      assertEquals(List.of("lo"), sysctl.interfaces(IpVersion.IPV4));
      assertEquals(List.of("lo"), sysctl.interfaces(IpVersion.IPV6));
      sysctl.set("net.ipv4.conf.lo.rp_filter", 2);
      assertEquals("2", sysctl.get("net.ipv4.conf.lo.rp_filter"));
      assertEquals("0", sysctl.get("net.ipv4.conf.all.rp_filter"));
      sysctl.set("net.ipv6.conf.lo.forwarding", true);
      assertEquals("1", sysctl.get("net.ipv6.conf.lo.forwarding"));
      assertEquals("0", sysctl.get("net.ipv6.conf.all.forwarding"));

      SysctlException e = assertThrows(SysctlException.class, () -> sysctl.set("net.ipv4.conf.eth9.rp_filter", 1));
      assertEquals(Reason.NOT_PRESENT, e.reason());
      assertTrue(e.getMessage().contains("is there an interface named \"eth9\""), e.getMessage());
      assertFalse(sysctl.isPresent("net.ipv6.conf.eth9.forwarding"));
    }
  }

  @Test
  void conntrackMaxIsGlobalAndReadOnlyOutsideTheInitialNamespace() {
    String host = Host.read("net.netfilter.nf_conntrack_max");
    assertNotNull(host);
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      assertEquals(host, sysctl.get("net.netfilter.nf_conntrack_max"), "one value for the machine");
      SysctlException e = assertThrows(SysctlException.class,
          () -> sysctl.set("net.netfilter.nf_conntrack_max", 1000));
      assertEquals(Reason.READ_ONLY, e.reason());
      assertTrue(e.getMessage().startsWith("net.netfilter.nf_conntrack_max is read-only in network namespace net:["),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(
          ": it is one value for the whole machine, writable only from the initial network namespace"),
          e.getMessage());

      e = assertThrows(SysctlException.class, () -> sysctl.get("net.nf_conntrack_max"));
      assertEquals(Reason.NOT_PRESENT, e.reason());
      assertTrue(e.getMessage().endsWith("it exists only in the initial network namespace"), e.getMessage());
    }
    assertEquals(host, Host.read("net.netfilter.nf_conntrack_max"));
  }

  @Test
  void theKernelsOwnCrossChecksComeBackAsKernelRefused() {
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      String before = sysctl.get("net.ipv4.ip_local_port_range");
      // valid for the type, but below net.ipv4.ip_unprivileged_port_start (1024)
      SysctlException e = assertThrows(SysctlException.class,
          () -> sysctl.set("net.ipv4.ip_local_port_range", "100 200"));
      assertEquals(Reason.KERNEL_REFUSED, e.reason());
      assertTrue(e.getMessage().startsWith(
          "the kernel refused net.ipv4.ip_local_port_range = 100 200 (EINVAL)"), e.getMessage());
      assertTrue(e.getMessage().contains("net.ipv4.ip_unprivileged_port_start"), e.getMessage());
      assertEquals(before, sysctl.get("net.ipv4.ip_local_port_range"));
      sysctl.set("net.ipv4.ip_local_port_range", "2000 2000");
      assertEquals("2000\t2000", sysctl.get("net.ipv4.ip_local_port_range"));
    }
  }

  @Test
  void aClosedClientRefusesCalls() {
    Sysctl sysctl = Sysctl.open(NetnsTarget.fresh());
    sysctl.close();
    assertThrows(IllegalStateException.class, () -> sysctl.get("net.ipv4.ip_forward"));
    assertThrows(IllegalStateException.class, () -> sysctl.set("net.ipv4.ip_forward", true));
    sysctl.close(); // idempotent
  }

  @Test
  void getAllInAFreshNamespace() {
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      Map<String, String> all = sysctl.getAll();
      assertEquals(SysctlParameter.concrete().size() - 1, all.size());
      assertEquals("0", all.get("net.ipv4.ip_forward"));
      assertNull(all.get("net.nf_conntrack_max"));
      assertEquals(Host.read("net.netfilter.nf_conntrack_max"), all.get("net.netfilter.nf_conntrack_max"));
    }
  }

  @Test
  void aNamedNamespaceSeesWhatTheClientWrote() {
    String name = "jnft-sysctl-" + Host.unique();
    Host.run("ip", "netns", "add", name);
    try {
      try (Sysctl sysctl = Sysctl.open(NetnsTarget.named(name))) {
        sysctl.set("net.ipv4.ip_forward", true);
        assertEquals("1\n", Host.run("ip", "netns", "exec", name, "sysctl", "-n", "net.ipv4.ip_forward"));
        sysctl.set("net.ipv4.conf.lo.rp_filter", 2);
        assertEquals("2\n", Host.run("ip", "netns", "exec", name, "sysctl", "-n", "net.ipv4.conf.lo.rp_filter"));
        // and the other way round
        Host.run("ip", "netns", "exec", name, "sysctl", "-q", "-w", "net.ipv4.tcp_fin_timeout=33");
        assertEquals(33, sysctl.getInt("net.ipv4.tcp_fin_timeout"));
      }
      // the value lives in the namespace, not in the client
      assertEquals("1\n", Host.run("ip", "netns", "exec", name, "sysctl", "-n", "net.ipv4.ip_forward"));
    } finally {
      Host.run("ip", "netns", "del", name);
    }
  }

  @Test
  void aRefusedWriteChangesNothingInTheNamespace() {
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      Map<String, String> before = sysctl.getAll();
      for (String[] bad : new String[][] {
          {"net.ipv4.ip_forward", "2"}, {"net.ipv4.ip_forward/../x", "1"}, {"kernel.hostname", "x"},
          {"net.ipv4.conf.all.rp_filter", "3"}, {"net.ipv4.tcp_fin_timeout", "0"},
          {"net.ipv4.ip_local_port_range", "2000 1000"}, {"net.ipv4.nonexistent", "1"}}) {
        assertThrows(SysctlException.class, () -> sysctl.set(bad[0], bad[1]), bad[0]);
      }
      assertEquals(before, sysctl.getAll());
    }
  }

  private static boolean ownerMayWrite(Path path) throws java.io.IOException {
    return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
        .contains(PosixFilePermission.OWNER_WRITE);
  }
}
