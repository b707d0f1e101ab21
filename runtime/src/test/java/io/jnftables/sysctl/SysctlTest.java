package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.sysctl.SysctlException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client over a spy backend: what reaches the backend, and what never does. */
class SysctlTest {
  private final FakeSysctlBackend backend = FakeSysctlBackend.freshNamespace(List.of("lo"), List.of("lo"));
  private final Sysctl sysctl = Sysctl.using(backend);

  @Test
  void setWritesTheCanonicalValue() {
    sysctl.set("net.ipv4.ip_forward", " 1\n");
    sysctl.set("net.ipv4.tcp_fin_timeout", 30);
    sysctl.set("net.ipv4.conf.lo.rp_filter", "02");
    sysctl.set("net.ipv6.conf.all.forwarding", true);
    sysctl.set("net.ipv4.ip_local_port_range", "40000   50000");
    assertEquals(
        List.of(
            "net.ipv4.ip_forward=1",
            "net.ipv4.tcp_fin_timeout=30",
            "net.ipv4.conf.lo.rp_filter=2",
            "net.ipv6.conf.all.forwarding=1",
            "net.ipv4.ip_local_port_range=40000\t50000"),
        backend.writes);
  }

  @Test
  void getReadsThroughTheBackend() {
    backend.values.put("net.ipv4.tcp_fin_timeout", "60");
    assertEquals("60", sysctl.get("net.ipv4.tcp_fin_timeout"));
    assertEquals(60, sysctl.getInt("net.ipv4.tcp_fin_timeout"));
    assertTrue(sysctl.getBoolean("net.ipv4.tcp_fin_timeout"));
    assertFalse(sysctl.getBoolean("net.ipv4.ip_forward"));
    SysctlException e = assertThrows(SysctlException.class, () -> sysctl.getInt("net.ipv4.ip_local_port_range"));
    assertEquals(Reason.FAILED, e.reason());
    assertEquals("net.ipv4.ip_local_port_range is \"32768\t60999\", not an integer", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "net.ipv4.ip_forward/../x", "..", "/", "kernel.hostname", "net.ipv4.ip_forward\0",
      "net.ipv4.nonexistent", "", "net.ipv4.conf.../..rp_filter", "net.ipv4.conf.<if>.rp_filter",
      "net.core.somaxconn"})
  void refusedNamesNeverReachTheBackend(String name) {
    assertThrows(SysctlException.class, () -> sysctl.set(name, "1"));
    assertThrows(SysctlException.class, () -> sysctl.set(name, true));
    assertThrows(SysctlException.class, () -> sysctl.set(name, 1));
    assertThrows(SysctlException.class, () -> sysctl.get(name));
    assertThrows(SysctlException.class, () -> sysctl.isPresent(name));
    assertEquals(0, backend.calls, "the backend was called");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "net.ipv4.ip_forward|2",
      "net.ipv4.ip_forward|-1",
      "net.ipv4.ip_forward|yes",
      "net.ipv4.ip_forward|''",
      "net.ipv4.ip_forward|1 0",
      "net.ipv4.conf.all.rp_filter|3",
      "net.ipv4.conf.lo.rp_filter|3",
      "net.ipv6.conf.all.accept_ra|-1",
      "net.ipv4.tcp_fin_timeout|0",
      "net.ipv4.tcp_fin_timeout|2147484",
      "net.ipv4.tcp_fin_timeout|sixty",
      "net.ipv4.tcp_keepalive_probes|256",
      "net.ipv4.ip_local_port_range|0 100",
      "net.ipv4.ip_local_port_range|2000 1000",
      "net.ipv4.ip_local_port_range|1024 65536",
      "net.ipv4.ip_local_port_range|1024",
      "net.netfilter.nf_conntrack_max|0",
      "net.netfilter.nf_conntrack_max|2147483648",
      "net.netfilter.nf_conntrack_log_invalid|256",
      "net.ipv4.icmp_ratelimit|-5",
  })
  void refusedValuesAreNeverWritten(String name, String value) {
    SysctlException e = assertThrows(SysctlException.class, () -> sysctl.set(name, value));
    assertEquals(Reason.INVALID_VALUE, e.reason(), e.getMessage());
    assertEquals(name, e.parameter());
    assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(nothing was written)"), e.getMessage());
    assertEquals(0, backend.calls, "the backend was called");
  }

  @Test
  void typedSettersGoThroughTheSameValidation() {
    assertThrows(SysctlException.class, () -> sysctl.set("net.ipv4.ip_forward", 2));
    assertThrows(SysctlException.class, () -> sysctl.set("net.ipv4.ip_local_port_range", 1024));
    assertThrows(SysctlException.class, () -> sysctl.set("net.ipv4.ip_local_port_range", true));
    assertThrows(SysctlException.class, () -> sysctl.set("net.ipv4.tcp_fin_timeout", false));
    assertEquals(0, backend.calls);
    sysctl.set("net.ipv4.conf.all.rp_filter", true);
    sysctl.set("net.ipv4.tcp_syncookies", false);
    assertEquals(List.of("net.ipv4.conf.all.rp_filter=1", "net.ipv4.tcp_syncookies=0"), backend.writes);
  }

  @Test
  void getAllListsWhatExistsInWhitelistOrder() {
    Map<String, String> all = sysctl.getAll();
    assertEquals(SysctlParameter.concrete().size() - 1, all.size());
    assertFalse(all.containsKey("net.nf_conntrack_max"));
    assertEquals(
        SysctlParameter.concrete().stream().map(SysctlParameter::name)
            .filter(n -> !n.equals("net.nf_conntrack_max")).toList(),
        List.copyOf(all.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> all.put("x", "y"));
  }

  @Test
  void getAllPassesOtherFailuresOn() {
    FakeSysctlBackend failing = new FakeSysctlBackend() {
      @Override
      public String read(SysctlParameter.Resolved p) {
        throw new SysctlException(Reason.FAILED, p.name(), "broken");
      }
    };
    assertThrows(SysctlException.class, () -> Sysctl.using(failing).getAll());
  }

  @Test
  void isPresentTellsAbsentFromFailing() {
    assertTrue(sysctl.isPresent("net.ipv4.ip_forward"));
    assertFalse(sysctl.isPresent("net.nf_conntrack_max"));
    assertFalse(sysctl.isPresent("net.ipv4.conf.eth9.rp_filter"));
  }

  @Test
  void closeClosesTheBackend() {
    sysctl.close();
    assertTrue(backend.closed);
  }
}
