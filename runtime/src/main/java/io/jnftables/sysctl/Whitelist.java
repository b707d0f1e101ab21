package io.jnftables.sysctl;

import static io.jnftables.sysctl.SysctlType.Option.of;

import io.jnftables.sysctl.SysctlParameter.Group;
import io.jnftables.sysctl.SysctlParameter.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whitelist's data. Ranges: see {@link SysctlType}. Durations in seconds go up to 2147483
 * (INT_MAX / 1000): the kernel stores them in jiffies and refuses more than INT_MAX / HZ, and HZ
 * is at most 1000.
 */
final class Whitelist {
  private Whitelist() {}

  private static final long MAX_SECONDS = 2_147_483L;
  private static final long INT_MAX = Integer.MAX_VALUE;

  static final List<SysctlParameter> ALL;
  static final List<SysctlParameter> CONCRETE_LIST;
  static final List<SysctlParameter> TEMPLATES;
  static final Map<String, SysctlParameter> CONCRETE;
  static final Map<String, SysctlParameter> TEMPLATES_BY_NAME;

  private static final class Builder {
    final List<SysctlParameter> list = new ArrayList<>();

    Builder add(Group g, String name, SysctlType t, boolean seed, String description) {
      return add(g, name, t, Scope.PER_NAMESPACE, seed, description);
    }

    Builder add(Group g, String name, SysctlType t, Scope scope, boolean seed, String description) {
      list.add(new SysctlParameter(name, t, description, scope, g, seed));
      return this;
    }

    /**
     * A per-interface family: {@code all}, {@code default}, and the {@code <if>} template.
     *
     * @param allNote how the kernel combines {@code all} with each interface's own value
     * @param defaultNote what writing {@code default} does
     */
    Builder conf(
        Group g, String family, String knob, SysctlType t, boolean seedAll, boolean seedDefault,
        String description, String allNote, String defaultNote) {
      String base = "net." + family + ".conf.";
      add(g, base + "all." + knob, t, seedAll, description + " All interfaces: " + allNote + ".");
      add(g, base + "default." + knob, t, seedDefault,
          description + " Default: " + defaultNote + ".");
      add(g, base + SysctlParameter.INTERFACE + "." + knob, t, false,
          description + " One interface.");
      return this;
    }
  }

  static {
    SysctlType bool = SysctlType.bool();
    SysctlType seconds = SysctlType.intRange(1, MAX_SECONDS, "seconds");
    String v4Default =
        "for interfaces created later; writing it also sets existing interfaces whose own value was never written";
    String v6Default = "for interfaces created later; existing interfaces keep their value";
    String v6PerInterface =
        "the kernel reads only each interface's own value, so writing all changes no existing interface";

    Builder b = new Builder();

    // IPv4 ------------------------------------------------------------------------------------
    b.add(Group.IPV4, "net.ipv4.ip_forward", bool, true,
        "Forward IPv4 packets between interfaces (router). The same switch as"
            + " net.ipv4.conf.all.forwarding: writing it sets all, default and every interface.");
    b.add(Group.IPV4, "net.ipv4.ip_nonlocal_bind", bool, false,
        "Let processes bind to IPv4 addresses that are not (yet) on this host (floating addresses).");
    b.add(Group.IPV4, "net.ipv4.ip_local_port_range", SysctlType.portRange(), true,
        "Ephemeral ports for outgoing connections. The kernel also requires LOW >="
            + " net.ipv4.ip_unprivileged_port_start (1024 by default).");

    // IPv4 per interface -----------------------------------------------------------------------
    b.conf(Group.IPV4_INTERFACE, "ipv4", "forwarding", bool, true, true,
        "Forward IPv4 packets received on the interface.",
        "writing all sets default, every interface and net.ipv4.ip_forward", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "rp_filter",
        SysctlType.choice(of(0, "no source validation"), of(1, "strict, RFC 3704"), of(2, "loose")),
        true, true,
        "Reverse-path filter: drop packets whose source address is not routed back through the"
            + " interface (strict) or through any interface (loose).",
        "the kernel uses the larger of all and the interface's value", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "accept_source_route", bool, true, true,
        "Accept IPv4 packets carrying the source-route option.",
        "the kernel uses all AND the interface's value", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "send_redirects", bool, true, true,
        "Send ICMP redirects (a router telling hosts of a better next hop).",
        "the kernel uses all OR the interface's value, so turning it off takes all, default and"
            + " every interface", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "accept_redirects", bool, true, true,
        "Accept ICMP redirects (route changes sent by a router).",
        "the kernel uses all OR the interface's value (all AND the interface's value on a"
            + " forwarding interface), so turning it off takes all, default and every interface",
        v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "secure_redirects", bool, false, false,
        "Accept ICMP redirects only from gateways listed as default gateways.",
        "the kernel uses all OR the interface's value", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "log_martians", bool, false, false,
        "Log packets with impossible source addresses (martians) to the kernel log.",
        "the kernel uses all OR the interface's value", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "proxy_arp", bool, false, false,
        "Answer ARP requests for addresses reached through another interface.",
        "the kernel uses all OR the interface's value", v4Default);
    b.conf(Group.IPV4_INTERFACE, "ipv4", "route_localnet", bool, false, false,
        "Route 127.0.0.0/8 addresses on the interface, e.g. to DNAT to 127.0.0.1.",
        "the kernel uses all OR the interface's value", v4Default);

    // IPv6 ------------------------------------------------------------------------------------
    b.add(Group.IPV6, "net.ipv6.ip_nonlocal_bind", bool, false,
        "Let processes bind to IPv6 addresses that are not (yet) on this host (floating addresses).");

    // IPv6 per interface -----------------------------------------------------------------------
    b.conf(Group.IPV6_INTERFACE, "ipv6", "forwarding", bool, true, true,
        "Forward IPv6 packets (a forwarding interface ignores router advertisements unless"
            + " accept_ra is 2).",
        "writing all sets default and every interface", v6Default);
    b.conf(Group.IPV6_INTERFACE, "ipv6", "accept_redirects", bool, true, true,
        "Accept ICMPv6 redirects.", v6PerInterface, v6Default);
    b.conf(Group.IPV6_INTERFACE, "ipv6", "accept_source_route",
        SysctlType.choice(
            of(-1, "refuse every routing header"),
            of(0, "accept only type 2, Mobile IPv6"),
            of(1, "same as 0")),
        true, true,
        "Accept IPv6 routing headers.", "the kernel uses the smaller of all and the interface's value",
        v6Default);
    b.conf(Group.IPV6_INTERFACE, "ipv6", "accept_ra",
        SysctlType.choice(
            of(0, "ignore"), of(1, "accept unless forwarding"), of(2, "accept even when forwarding")),
        true, true,
        "Accept router advertisements (SLAAC addresses, default route).", v6PerInterface, v6Default);
    b.conf(Group.IPV6_INTERFACE, "ipv6", "accept_ra_defrtr", bool, true, false,
        "Learn the default router from router advertisements.", v6PerInterface, v6Default);
    b.conf(Group.IPV6_INTERFACE, "ipv6", "accept_ra_pinfo", bool, true, false,
        "Configure addresses from the prefixes in router advertisements (SLAAC).", v6PerInterface,
        v6Default);
    b.conf(Group.IPV6_INTERFACE, "ipv6", "disable_ipv6", bool, false, false,
        "Turn IPv6 off (its addresses are removed).",
        "writing all sets default and every interface", v6Default);

    // TCP -------------------------------------------------------------------------------------
    b.add(Group.TCP, "net.ipv4.tcp_syncookies",
        SysctlType.choice(of(0, "off"), of(1, "when the SYN queue overflows"), of(2, "always")),
        true, "Answer SYN floods with SYN cookies instead of queue entries (IPv4 and IPv6).");
    b.add(Group.TCP, "net.ipv4.tcp_timestamps",
        SysctlType.choice(
            of(0, "off"), of(1, "on, random offset per connection"), of(2, "on, no random offset")),
        true, "TCP timestamps (RFC 7323), IPv4 and IPv6.");
    b.add(Group.TCP, "net.ipv4.tcp_tw_reuse",
        SysctlType.choice(of(0, "off"), of(1, "on"), of(2, "loopback only")),
        true, "Reuse TIME-WAIT sockets for new outgoing connections when safe.");
    b.add(Group.TCP, "net.ipv4.tcp_fin_timeout", seconds, true,
        "How long an orphaned connection stays in FIN-WAIT-2.");
    b.add(Group.TCP, "net.ipv4.tcp_keepalive_time", seconds, true,
        "Idle time before the first keepalive probe.");
    b.add(Group.TCP, "net.ipv4.tcp_keepalive_probes", SysctlType.intRange(1, 255, "probes"), true,
        "Unanswered keepalive probes before the connection is dropped.");
    b.add(Group.TCP, "net.ipv4.tcp_keepalive_intvl", seconds, true,
        "Interval between keepalive probes.");
    b.add(Group.TCP, "net.ipv4.tcp_rfc1337", bool, false,
        "Drop RST segments for sockets in TIME-WAIT (RFC 1337, TIME-WAIT assassination).");
    b.add(Group.TCP, "net.ipv4.tcp_max_syn_backlog", SysctlType.intRange(1, INT_MAX, "connections"),
        false, "Half-open connections remembered per listener before SYN cookies or drops start.");
    b.add(Group.TCP, "net.ipv4.tcp_synack_retries", SysctlType.intRange(0, 255, "retransmissions"),
        false, "SYN-ACK retransmissions for an incoming connection; fewer sheds SYN floods sooner.");
    b.add(Group.TCP, "net.ipv4.tcp_syn_retries", SysctlType.intRange(1, 127, "retransmissions"),
        false, "SYN retransmissions for an outgoing connection.");

    // ICMP ------------------------------------------------------------------------------------
    SysctlType millis = SysctlType.intRange(0, 3_600_000, "milliseconds");
    b.add(Group.ICMP, "net.ipv4.icmp_echo_ignore_all", bool, true,
        "Ignore every IPv4 echo request (no ping replies).");
    b.add(Group.ICMP, "net.ipv4.icmp_echo_ignore_broadcasts", bool, true,
        "Ignore IPv4 echo requests sent to broadcast and multicast addresses (smurf attacks).");
    b.add(Group.ICMP, "net.ipv4.icmp_ratelimit", millis, true,
        "Minimum gap between ICMP messages of the types in net.ipv4.icmp_ratemask to one"
            + " destination; 0 turns the limit off. The kernel rounds it to its clock tick.");
    b.add(Group.ICMP, "net.ipv4.icmp_ignore_bogus_error_responses", bool, false,
        "Do not log bogus ICMP error responses to broadcast frames.");
    b.add(Group.ICMP, "net.ipv6.icmp.echo_ignore_all", bool, false,
        "Ignore every ICMPv6 echo request (no ping replies).");
    b.add(Group.ICMP, "net.ipv6.icmp.echo_ignore_multicast", bool, false,
        "Ignore ICMPv6 echo requests sent to multicast addresses.");
    b.add(Group.ICMP, "net.ipv6.icmp.ratelimit", millis, false,
        "Minimum gap between ICMPv6 messages of the types in net.ipv6.icmp.ratemask to one"
            + " destination; 0 turns the limit off. The kernel rounds it to its clock tick.");

    // Connection tracking --------------------------------------------------------------------
    SysctlType entries = SysctlType.intRange(1, INT_MAX, "entries");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_max", entries, Scope.GLOBAL, true,
        "Size of the connection tracking table. One value for the machine: read-only outside the"
            + " initial network namespace.");
    b.add(Group.CONNTRACK, "net.nf_conntrack_max", entries, Scope.INITIAL_NAMESPACE_ONLY, true,
        "Old name of net.netfilter.nf_conntrack_max; exists only in the initial network namespace.");
    String[][] tcpTimeouts = {
      {"established", "true", "an established TCP connection"},
      {"time_wait", "true", "a TCP connection in TIME-WAIT"},
      {"close_wait", "true", "a TCP connection in CLOSE-WAIT"},
      {"fin_wait", "true", "a TCP connection in FIN-WAIT"},
      {"syn_sent", "false", "a TCP connection in SYN-SENT"},
      {"syn_recv", "false", "a TCP connection in SYN-RECV"},
      {"last_ack", "false", "a TCP connection in LAST-ACK"},
      {"close", "false", "a closed TCP connection"},
      {"max_retrans", "false", "a TCP connection that reached the retransmission limit"},
      {"unacknowledged", "false", "a TCP connection with unacknowledged data"},
    };
    for (String[] t : tcpTimeouts) {
      b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_tcp_timeout_" + t[0], seconds,
          Boolean.parseBoolean(t[1]), "Conntrack timeout of " + t[2] + ".");
    }
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_udp_timeout", seconds, false,
        "Conntrack timeout of a UDP flow seen in one direction only.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_udp_timeout_stream", seconds, false,
        "Conntrack timeout of a UDP flow seen in both directions.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_icmp_timeout", seconds, false,
        "Conntrack timeout of an ICMP flow.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_icmpv6_timeout", seconds, false,
        "Conntrack timeout of an ICMPv6 flow.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_generic_timeout", seconds, false,
        "Conntrack timeout of a flow of any other protocol.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_tcp_loose", bool, false,
        "Pick up TCP connections already established before tracking started (mid-stream).");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_tcp_be_liberal", bool, false,
        "Mark only out-of-window RST segments INVALID, not every out-of-window segment.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_acct", bool, false,
        "Count packets and bytes per connection (ct bytes, ct packets).");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_checksum", bool, false,
        "Verify checksums of incoming packets; packets with bad checksums are INVALID.");
    b.add(Group.CONNTRACK, "net.netfilter.nf_conntrack_log_invalid",
        SysctlType.intRange(0, 255, "IP protocol number, 255 = all"), false,
        "Log packets that conntrack marks INVALID, for one IP protocol (0 = none).");

    List<SysctlParameter> all = new ArrayList<>(b.list);
    all.sort(java.util.Comparator.comparing(SysctlParameter::group)); // stable: keeps order within a group
    ALL = List.copyOf(all);
    CONCRETE_LIST = ALL.stream().filter(p -> !p.perInterface()).toList();
    TEMPLATES = ALL.stream().filter(SysctlParameter::perInterface).toList();
    CONCRETE = Map.copyOf(SysctlParameter.index(CONCRETE_LIST));
    TEMPLATES_BY_NAME = Map.copyOf(SysctlParameter.index(TEMPLATES));
  }
}
