package io.jnftables.samples;

import io.jnftables.sysctl.RouterConfig;
import io.jnftables.sysctl.Sysctl;
import io.jnftables.sysctl.SysctlException;

/**
 * Seed README, "NFTables.Sysctl - Network Parameter Management": whitelisted, typed access to
 * {@code /proc/sys/net} of one network namespace — a parameter read and written directly, then
 * the high-level helpers (forwarding, syncookies, ping, a router profile, hardening).
 *
 * <p>Not an nftables batch, so there is no {@code batch()}: {@link #configure(Sysctl)} is what a
 * firewall host would run next to its ruleset. The seed's {@code set_conntrack_max} is left out:
 * {@code nf_conntrack_max} is global, and read-only outside the machine's own namespace, which
 * this sample never touches.
 */
public final class SysctlSettings {
  private SysctlSettings() {}

  /** The seed's calls, in its order, on one namespace's parameters. */
  public static void configure(Sysctl sysctl) {
    sysctl.set("net.ipv4.ip_forward", "1");
    sysctl.network().enableIpv6Forwarding();
    sysctl.network().enableSyncookies();
    sysctl.network().ignorePing();
    sysctl.network().configureRouter(RouterConfig.builder()
        .ipv4Forwarding(true).ipv6Forwarding(true).syncookies(true).sendRedirects(false).build());
    sysctl.network().harden();
  }

  public static void main(String[] args) {
    try (Sysctl sysctl = Sysctl.open(SampleRunner.target(args))) {
      System.out.println("# " + sysctl + ": net.ipv4.ip_forward = " + sysctl.get("net.ipv4.ip_forward"));
      configure(sysctl);
      System.out.println("# after configure: ip_forward " + sysctl.network().ipv4ForwardingEnabled()
          + ", ipv6 forwarding " + sysctl.network().ipv6ForwardingEnabled()
          + ", tcp_syncookies " + sysctl.get("net.ipv4.tcp_syncookies")
          + ", icmp_echo_ignore_all " + sysctl.get("net.ipv4.icmp_echo_ignore_all")
          + ", send_redirects " + sysctl.get("net.ipv4.conf.all.send_redirects")
          + ", accept_source_route " + sysctl.get("net.ipv4.conf.all.accept_source_route"));
      try {
        sysctl.set("kernel.hostname", "nope");
      } catch (SysctlException e) {
        System.out.println("# outside the whitelist: " + e.getMessage());
      }
    }
  }
}
