package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.sysctl.SysctlException.Reason;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysctlParameterTest {
  /** The seed's whitelist (seed-inventory §5.1), in its order. */
  static final List<String> SEED = List.of(
      "net.ipv4.ip_forward",
      "net.ipv4.conf.all.forwarding",
      "net.ipv4.conf.default.forwarding",
      "net.ipv4.tcp_syncookies",
      "net.ipv4.tcp_timestamps",
      "net.ipv4.tcp_tw_reuse",
      "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_time",
      "net.ipv4.tcp_keepalive_probes",
      "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.ip_local_port_range",
      "net.ipv6.conf.all.forwarding",
      "net.ipv6.conf.default.forwarding",
      "net.netfilter.nf_conntrack_max",
      "net.netfilter.nf_conntrack_tcp_timeout_established",
      "net.netfilter.nf_conntrack_tcp_timeout_time_wait",
      "net.netfilter.nf_conntrack_tcp_timeout_close_wait",
      "net.netfilter.nf_conntrack_tcp_timeout_fin_wait",
      "net.nf_conntrack_max",
      "net.ipv4.icmp_echo_ignore_all",
      "net.ipv4.icmp_echo_ignore_broadcasts",
      "net.ipv4.icmp_ratelimit",
      "net.ipv4.conf.all.rp_filter",
      "net.ipv4.conf.default.rp_filter",
      "net.ipv4.conf.all.accept_source_route",
      "net.ipv4.conf.default.accept_source_route",
      "net.ipv4.conf.all.send_redirects",
      "net.ipv4.conf.default.send_redirects",
      "net.ipv4.conf.all.accept_redirects",
      "net.ipv4.conf.default.accept_redirects",
      "net.ipv6.conf.all.accept_redirects",
      "net.ipv6.conf.default.accept_redirects",
      "net.ipv6.conf.all.accept_source_route",
      "net.ipv6.conf.default.accept_source_route",
      "net.ipv6.conf.all.accept_ra",
      "net.ipv6.conf.default.accept_ra",
      "net.ipv6.conf.all.accept_ra_defrtr",
      "net.ipv6.conf.all.accept_ra_pinfo");

  @Test
  void theWhitelistHasTheSeeds38AndMoreThan44Concrete() {
    assertEquals(38, SEED.size());
    assertEquals(38, Set.copyOf(SEED).size());
    Set<String> concrete =
        SysctlParameter.concrete().stream().map(SysctlParameter::name).collect(Collectors.toSet());
    for (String s : SEED) {
      assertTrue(concrete.contains(s), s);
      assertTrue(SysctlParameter.byName(s).orElseThrow().inSeed(), s);
    }
    assertEquals(
        Set.copyOf(SEED),
        SysctlParameter.all().stream().filter(SysctlParameter::inSeed).map(SysctlParameter::name)
            .collect(Collectors.toSet()));
    assertTrue(concrete.size() >= 44, "only " + concrete.size());
    assertEquals(SysctlParameter.all().size(),
        SysctlParameter.concrete().size() + SysctlParameter.templates().size());
  }

  @Test
  void everyTemplateHasAllAndDefaultVariantsOfTheSameType() {
    assertFalse(SysctlParameter.templates().isEmpty());
    for (SysctlParameter t : SysctlParameter.templates()) {
      assertTrue(t.name().contains(".<if>."), t.name());
      for (String variant : List.of("all", "default")) {
        SysctlParameter.Resolved r = t.forInterface(variant);
        assertFalse(r.parameter().perInterface(), r.name());
        assertEquals(t.name().replace("<if>", variant), r.name());
        assertEquals(t.type(), r.parameter().type(), r.name());
        assertEquals(Optional.empty(), r.interfaceName());
      }
    }
  }

  @Test
  void everyParameterMapsToAFileBelowProcSysNet() {
    Set<String> paths = new HashSet<>();
    for (SysctlParameter p : SysctlParameter.concrete()) {
      Path path = p.resolved().path();
      assertTrue(path.startsWith(Path.of("/proc/sys/net")), path.toString());
      assertEquals(path, path.normalize());
      assertEquals("/proc/sys/" + p.name().replace('.', '/'), path.toString());
      assertEquals(p.name().substring(4).replace('.', '/'), p.resolved().relativePath());
      assertTrue(paths.add(path.toString()), "duplicate " + path);
      assertFalse(p.description().isBlank(), p.name());
      assertTrue(p.name().matches("net(\\.[a-z0-9_]+)+"), p.name());
    }
  }

  @Test
  void aPerInterfaceNameResolvesToThatInterfacesFile() {
    SysctlParameter.Resolved r = SysctlParameter.resolve("net.ipv4.conf.lo.rp_filter");
    assertEquals("net.ipv4.conf.<if>.rp_filter", r.parameter().name());
    assertEquals(Optional.of("lo"), r.interfaceName());
    assertEquals(Path.of("/proc/sys/net/ipv4/conf/lo/rp_filter"), r.path());

    // Interface names may contain dots (VLANs): the name is split on its fixed prefix and suffix.
    r = SysctlParameter.resolve("net.ipv6.conf.eth0.100.forwarding");
    assertEquals(Optional.of("eth0.100"), r.interfaceName());
    assertEquals(Path.of("/proc/sys/net/ipv6/conf/eth0.100/forwarding"), r.path());

    r = SysctlParameter.resolve("net.ipv6.conf.x.accept_ra_defrtr");
    assertEquals("net.ipv6.conf.<if>.accept_ra_defrtr", r.parameter().name());
    r = SysctlParameter.resolve("net.ipv6.conf.x.accept_ra");
    assertEquals("net.ipv6.conf.<if>.accept_ra", r.parameter().name());

    // 15 bytes is the longest interface name
    assertEquals(Optional.of("abcdefghijklmno"),
        SysctlParameter.resolve("net.ipv4.conf.abcdefghijklmno.forwarding").interfaceName());

    // all and default are the concrete parameters
    r = SysctlParameter.resolve("net.ipv4.conf.all.rp_filter");
    assertFalse(r.parameter().perInterface());
    assertTrue(r.parameter().inSeed());
  }

  @Test
  void atMostOneTemplateMatchesAnyName() {
    for (SysctlParameter a : SysctlParameter.templates()) {
      String name = a.forInterface("eth0").name();
      assertEquals(a, SysctlParameter.resolve(name).parameter(), name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "net.ipv4.ip_forward/../x",
      "..",
      "/",
      "kernel.hostname",
      "net.ipv4.ip_forward\0",
      "net.ipv4\0.ip_forward",
      "",
      " net.ipv4.ip_forward",
      "net.ipv4.ip_forward ",
      "net.ipv4.ip_forward\n",
      "net/ipv4/ip_forward",
      "/proc/sys/net/ipv4/ip_forward",
      "../../etc/passwd",
      "net.ipv4/../../etc/passwd",
      "vm.swappiness",
      "NET.IPV4.IP_FORWARD",
      "net.ipv4.conf...rp_filter",
      "net.ipv4.conf....rp_filter",
      "net.ipv4.conf.a:b.rp_filter",
      "net.ipv4.conf.a b.rp_filter",
      "net.ipv4.conf.abcdefghijklmnop.rp_filter",
      "net.ipv4.conf.é.rp_filter",
      "net.ipv4.conf.<if>.rp_filter",
  })
  void malformedNamesAreRefusedAsInvalid(String name) {
    SysctlException e = assertThrows(SysctlException.class, () -> SysctlParameter.resolve(name));
    assertEquals(Reason.INVALID_NAME, e.reason(), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid sysctl name \""), e.getMessage());
    assertFalse(e.getMessage().contains("\0"), "NUL must be escaped in the message");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "net.ipv4.nonexistent",
      "net.ipv4.ip_forward.",
      "net.ipv4..ip_forward",
      "net.",
      "net.ipv4",
      "net.ipv4.conf",
      "net.ipv4.conf.all",
      "net.core.somaxconn",
      "net.ipv4.tcp_mem",
      "net.ipv4.conf.lo.arp_ignore",
      "net.ipv4.neigh.default.gc_thresh1",
  })
  void wellFormedNamesOutsideTheWhitelistAreRefused(String name) {
    SysctlException e = assertThrows(SysctlException.class, () -> SysctlParameter.resolve(name));
    assertEquals(Reason.NOT_WHITELISTED, e.reason(), e.getMessage());
    assertEquals(name, e.parameter());
    assertTrue(e.getMessage().startsWith(name + " is not in the sysctl whitelist"), e.getMessage());
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertEquals(
        "net.ipv4.ip_foward is not in the sysctl whitelist; did you mean net.ipv4.ip_forward?"
            + " (the whitelisted parameters: SysctlParameter.all(), docs/sysctl.md)",
        assertThrows(SysctlException.class, () -> SysctlParameter.resolve("net.ipv4.ip_foward"))
            .getMessage());
    assertEquals(
        "invalid sysctl name \"kernel.hostname\": only network parameters (net.*) can be read or written",
        assertThrows(SysctlException.class, () -> SysctlParameter.resolve("kernel.hostname")).getMessage());
    assertEquals(
        "invalid sysctl name \"net.ipv4.ip_forward/../x\": it contains '/'; write names with dots,"
            + " e.g. net.ipv4.ip_forward",
        assertThrows(SysctlException.class, () -> SysctlParameter.resolve("net.ipv4.ip_forward/../x"))
            .getMessage());
    assertEquals(
        "invalid sysctl name \"net.ipv4.ip_forward\\u0000\": it contains a NUL character",
        assertThrows(SysctlException.class, () -> SysctlParameter.resolve("net.ipv4.ip_forward\0"))
            .getMessage());
    assertEquals(
        "invalid sysctl name \"net.ipv4.conf.a:b.rp_filter\": an interface name cannot contain ':'",
        assertThrows(SysctlException.class, () -> SysctlParameter.resolve("net.ipv4.conf.a:b.rp_filter"))
            .getMessage());
    assertEquals(
        "invalid sysctl name \"net.ipv4.conf.abcdefghijklmnop.rp_filter\": interface names have at most 15 bytes",
        assertThrows(SysctlException.class,
            () -> SysctlParameter.resolve("net.ipv4.conf.abcdefghijklmnop.rp_filter")).getMessage());
  }

  @Test
  void valuesAreCheckedAgainstTheParametersType() {
    SysctlParameter.Resolved fwd = SysctlParameter.resolve("net.ipv4.ip_forward");
    assertEquals("1", fwd.normalize("1\n"));
    SysctlException e = assertThrows(SysctlException.class, () -> fwd.normalize("2"));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertEquals("net.ipv4.ip_forward", e.parameter());
    assertEquals(
        "net.ipv4.ip_forward: \"2\" is not allowed; expected 0 or 1 (nothing was written)", e.getMessage());
    e = assertThrows(SysctlException.class, () -> fwd.normalize("1\0"));
    assertEquals("net.ipv4.ip_forward: the value contains a NUL character (nothing was written)", e.getMessage());
    e = assertThrows(SysctlException.class, () -> fwd.normalize("1".repeat(65)));
    assertEquals(Reason.INVALID_VALUE, e.reason());

    SysctlParameter.Resolved rp = SysctlParameter.resolve("net.ipv4.conf.eth0.rp_filter");
    e = assertThrows(SysctlException.class, () -> rp.normalize("3"));
    assertEquals(
        "net.ipv4.conf.eth0.rp_filter: \"3\" is not allowed; expected one of 0 (no source validation),"
            + " 1 (strict, RFC 3704), 2 (loose) (nothing was written)",
        e.getMessage());
    assertEquals("net.ipv4.conf.eth0.rp_filter", e.parameter());
  }

  @Test
  void byNameFindsExactEntriesOnly() {
    assertTrue(SysctlParameter.byName("net.ipv4.conf.<if>.rp_filter").orElseThrow().perInterface());
    assertTrue(SysctlParameter.byName("net.ipv4.conf.all.rp_filter").isPresent());
    assertTrue(SysctlParameter.byName("net.ipv4.conf.lo.rp_filter").isEmpty());
    assertTrue(SysctlParameter.byName("kernel.hostname").isEmpty());
    SysctlParameter t = SysctlParameter.byName("net.ipv4.conf.<if>.rp_filter").orElseThrow();
    assertThrows(IllegalStateException.class, t::resolved);
    assertThrows(IllegalStateException.class,
        () -> SysctlParameter.byName("net.ipv4.ip_forward").orElseThrow().forInterface("lo"));
  }

  @Test
  void scopesAreAsMeasured() {
    assertEquals(SysctlParameter.Scope.GLOBAL,
        SysctlParameter.byName("net.netfilter.nf_conntrack_max").orElseThrow().scope());
    assertEquals(SysctlParameter.Scope.INITIAL_NAMESPACE_ONLY,
        SysctlParameter.byName("net.nf_conntrack_max").orElseThrow().scope());
    long others = SysctlParameter.all().stream()
        .filter(p -> p.scope() != SysctlParameter.Scope.PER_NAMESPACE).count();
    assertEquals(2, others);
  }
}
