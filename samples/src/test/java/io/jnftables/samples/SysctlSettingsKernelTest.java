package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.sysctl.Sysctl;
import io.jnftables.sysctl.SysctlException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("kernel")
class SysctlSettingsKernelTest {
  @Test
  void theSeedsSettingsInAFreshNamespace() {
    try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
      assertFalse(sysctl.network().ipv4ForwardingEnabled());
      SysctlSettings.configure(sysctl);
      assertTrue(sysctl.network().ipv4ForwardingEnabled());
      assertTrue(sysctl.network().ipv6ForwardingEnabled());
      assertEquals(1, sysctl.getInt("net.ipv4.tcp_syncookies"));
      assertEquals(1, sysctl.getInt("net.ipv4.icmp_echo_ignore_all"));
      assertEquals(0, sysctl.getInt("net.ipv4.conf.all.send_redirects"));
      assertEquals(0, sysctl.getInt("net.ipv4.conf.all.accept_source_route"));
      assertThrows(SysctlException.class, () -> sysctl.set("kernel.hostname", "nope"));
    }
  }
}
