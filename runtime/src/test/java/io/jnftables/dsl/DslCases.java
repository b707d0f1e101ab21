package io.jnftables.dsl;

import static io.jnftables.dsl.Expr.*;

import io.jnftables.annotations.Family;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NftObject;
import io.jnftables.model.stmt.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every DSL function, applied to a table of each family and compared with what nft lists back.
 * Each case names the chain it goes into (statements like NAT need their hook), the DSL rule, the
 * text nft 1.0.6 lists for it (without the comment the harness adds), and the DSL functions it
 * exercises, so the kernel test can prove every public function was loaded at least once.
 */
final class DslCases {
  /** @param chain a chain of the family's test table (see {@link #setup}) */
  record Case(Family family, String chain, RuleBody rule, String listed, List<String> covers) {}

  private final List<Case> cases = new ArrayList<>();

  private void c(Family f, String chain, RuleBody rule, String listed, String... covers) {
    cases.add(new Case(f, chain, rule, listed, List.of(covers)));
  }

  private void inet(String chain, RuleBody rule, String listed, String... covers) {
    c(Family.INET, chain, rule, listed, covers);
  }

  private static <K, V> Map<K, V> map(Object... kv) {
    Map<K, V> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      K k = (K) kv[i];
      @SuppressWarnings("unchecked")
      V v = (V) kv[i + 1];
      m.put(k, v);
    }
    return m;
  }

  /** The table each family's cases go into: objects, sets and maps they refer to, and one chain per hook. */
  static String setup(Family f) {
    String fam = f.nftName();
    StringBuilder s = new StringBuilder("table " + fam + " t {\n");
    if (f == Family.INET || f == Family.IP || f == Family.IP6) {
      s.append(
          """
            counter cnt { }
            quota q { 100 mbytes }
            limit l { rate 10/minute }
            ct helper ftph { type "ftp" protocol tcp; l3proto %s; }
            ct timeout tmo { protocol tcp; l3proto %s; policy = { established: 100 }; }
            ct expectation exp { protocol tcp; dport 21; timeout 1m; size 10; l3proto %s; }
            synproxy sp { mss 1460; wscale 7; }
            set blocklist { type ipv4_addr; flags interval; }
            set blocklist6 { type ipv6_addr; }
            set ports { type inet_service; }
            set pair { type ipv4_addr . inet_service; }
            map vm { type inet_service : verdict; }
            map marks { type inet_service : mark; }
            map natmap { type ipv4_addr : ipv4_addr; }
            chain other { }
            chain c { }
            chain cin { type filter hook input priority 0; }
            chain cpre { type filter hook prerouting priority 0; }
            chain craw { type filter hook prerouting priority -300; }
            chain cout { type filter hook output priority 0; }
            chain cnatpre { type nat hook prerouting priority -100; }
            chain cnatpost { type nat hook postrouting priority 100; }
          """
              .formatted(
                  f == Family.IP6 ? "ip6" : f == Family.IP ? "ip" : "inet",
                  f == Family.IP6 ? "ip6" : "ip",
                  f == Family.IP6 ? "ip6" : "ip"));
    } else if (f == Family.BRIDGE) {
      s.append(
          """
            chain other { }
            chain c { }
            chain cin { type filter hook input priority 0; }
            chain cpre { type filter hook prerouting priority 0; }
          """);
    } else if (f == Family.ARP) {
      s.append(
          """
            chain c { }
            chain cin { type filter hook input priority 0; }
          """);
    } else {
      s.append(
          """
            chain c { }
            chain cing { type filter hook ingress device "lo" priority 0; }
          """);
    }
    return s.append("}\n").toString();
  }

  /**
   * Sets updated from rules with per-element statements (meters): nft 1.0.6 marks a set dynamic
   * only when it is created in the same batch as such a rule (its JSON has no "dynamic" flag), so
   * these go into the rules' batch.
   */
  static List<NftObject> prelude(Family f) {
    if (f != Family.INET && f != Family.IP && f != Family.IP6) {
      return List.of();
    }
    return List.of(
        NamedSet.set(f, "t", "dyn", List.of("ipv4_addr"), List.of("timeout")),
        NamedSet.set(f, "t", "dyn6", List.of("ipv6_addr"), List.of("timeout")),
        NamedSet.set(f, "t", "dynpair", List.of("ipv4_addr", "inet_service"), List.of("timeout")));
  }

  List<Case> all() {
    // ------------------------------------------------------------------ header selectors
    inet("c", ip(), "meta nfproto ipv4", "ip");
    inet("c", ip6(), "meta nfproto ipv6", "ip6");
    inet("c", tcp(), "meta l4proto tcp", "tcp");
    inet("c", udp().accept(), "meta l4proto udp accept", "udp", "accept");
    inet("c", udplite(), "meta l4proto udplite", "udplite");
    inet("c", sctp(), "meta l4proto sctp", "sctp");
    inet("c", dccp(), "meta l4proto dccp", "dccp");
    inet("c", icmp(), "meta l4proto icmp", "icmp");
    inet("c", icmpv6(), "meta l4proto ipv6-icmp", "icmpv6");
    inet("c", igmp(), "meta l4proto igmp", "igmp");
    inet("c", ah(), "meta l4proto ah", "ah");
    inet("c", esp(), "meta l4proto esp", "esp");
    inet("c", comp(), "meta l4proto ipcomp", "comp");
    inet("c", gre().accept(), "meta l4proto gre accept", "gre");
    inet("c", protocol("udp").dport(53), "udp dport 53", "protocol");
    inet("c", protocol("tcp"), "meta l4proto tcp");
    inet("c", l4proto(oneOf("tcp", "udp")).th().dport(53), "meta l4proto { tcp, udp } th dport 53", "l4proto", "th", "oneOf");
    inet("c", tcp().ctState(CtState.NEW).dport(22).accept(), "ct state new tcp dport 22 accept", "ctState");

    // ------------------------------------------------------------------ IP
    inet("c", ip().saddr("10.0.0.0/8"), "ip saddr 10.0.0.0/8", "saddr");
    inet("c", ip().saddr("10.1.2.3/8"), "ip saddr 10.0.0.0/8");
    inet("c", ip().daddr("10.0.0.1").drop(), "ip daddr 10.0.0.1 drop", "daddr", "drop");
    inet("c", ip6().saddr("2001:DB8::/32"), "ip6 saddr 2001:db8::/32");
    inet("c", ip6().daddr(ne("::1")), "ip6 daddr != ::1", "ne");
    inet("c", ip().daddr(not(oneOf("10.0.0.1", "10.0.0.2"))), "ip daddr != { 10.0.0.1, 10.0.0.2 }", "not");
    inet("c", ip().saddr(noneOf("10.0.0.0/8", "192.168.0.0/16")), "ip saddr != { 10.0.0.0/8, 192.168.0.0/16 }", "noneOf");
    inet("c", ip().saddr(range("10.0.0.1", "10.0.0.9")), "ip saddr 10.0.0.1-10.0.0.9", "range");
    inet("c", ip().saddr(ref("blocklist")).drop(), "ip saddr @blocklist drop", "ref");
    inet("c", expr().sourceIp("192.168.1.100").drop(), "ip saddr 192.168.1.100 drop", "expr", "sourceIp");
    inet("c", sourceIp("1::1"), "ip6 saddr 1::1");
    inet("c", destIp("192.168.100.0/24"), "ip daddr 192.168.100.0/24", "destIp");
    inet("c", source("2001:db8:85a3::1"), "ip6 saddr 2001:db8:85a3::1", "source");
    inet("c", dest("10.0.0.1-10.0.0.9"), "ip daddr 10.0.0.1-10.0.0.9", "dest");
    inet("c", ttl(64), "ip ttl 64", "ttl");
    inet("c", ttl(lt(64)), "ip ttl < 64", "lt");
    inet("c", ttl(le(1)), "ip ttl <= 1", "le");
    inet("c", ttl(ge(200)), "ip ttl >= 200", "ge");
    inet("c", hoplimit(gt(5)), "ip6 hoplimit > 5", "hoplimit", "gt");
    inet("c", hoplimit(255), "ip6 hoplimit 255");
    inet("c", dscp(46), "ip dscp ef", "dscp");
    inet("c", dscp(Dscp.CS1), "ip dscp cs1");
    inet("c", ip6().dscp(Dscp.AF41), "ip6 dscp af41");
    inet("c", dscp(oneOf(Dscp.EF, Dscp.AF41)), "ip dscp { af41, ef }");
    inet("c", fragmented(true).drop(), "ip frag-off & 8191 != 0 drop", "fragmented");
    inet("c", fragmented(false), "ip frag-off & 8191 == 0");
    inet("c", ipProtocol("tcp"), "ip protocol tcp", "ipProtocol");
    inet("c", nexthdr("udp"), "ip6 nexthdr udp", "nexthdr");
    inet("c", flowlabel(5), "ip6 flowlabel 5", "flowlabel");
    inet("c", ip().field("id", 5), "ip id 5", "field");
    inet("c", payload("udp", "length", 20), "udp length 20", "payload");

    // ------------------------------------------------------------------ ports
    inet("c", tcp().dport(22).accept(), "tcp dport 22 accept", "dport");
    inet("c", tcp().sport(1024), "tcp sport 1024", "sport");
    inet("c", tcp().dport(range(8000, 9000)), "tcp dport 8000-9000");
    inet("c", tcp().dport(oneOf(80, 443)), "tcp dport { 80, 443 }");
    inet("c", tcp().dport(oneOf(range(1, 1023), 8080)), "tcp dport { 1-1023, 8080 }");
    inet("c", tcp().dport(ref("ports")), "tcp dport @ports");
    inet("c", tcp().sport(ne(22)), "tcp sport != 22");
    inet("c", udp().dstPort(53), "udp dport 53", "dstPort");
    inet("c", udp().srcPort(53), "udp sport 53", "srcPort");
    inet("c", tcp().port(443), "tcp dport 443", "port");
    inet("c", udp().dstPort(range(1000, 2000)), "udp dport 1000-2000");
    inet("c", udp().srcPort(oneOf(67, 68)), "udp sport { 67, 68 }");
    inet("c", tcp().port(oneOf(80, 81)), "tcp dport { 80, 81 }");
    inet("c", sctp().dport(9899).accept(), "sctp dport 9899 accept");
    inet("c", dccp().sport(5000).dport(6000), "dccp sport 5000 dccp dport 6000");
    inet("c", udplite().dport(5), "udplite dport 5");
    inet("c", tcp().dport(22).sport(range(1024, 65535)), "tcp dport 22 tcp sport 1024-65535");
    inet("c", sctp().dport(range(9000, 9999)).counter(), "sctp dport 9000-9999 counter packets 0 bytes 0");

    // ------------------------------------------------------------------ TCP, ICMP, IPsec, SCTP
    inet("c", tcpFlags(TcpFlag.SYN), "tcp flags syn", "tcpFlags");
    inet("c", tcpFlags(TcpFlag.FIN, TcpFlag.RST), "tcp flags fin,rst");
    inet("c", tcpFlags(List.of(TcpFlag.SYN), List.of(TcpFlag.SYN, TcpFlag.ACK)), "tcp flags syn / syn,ack");
    inet("c", tcpFlags(List.of(TcpFlag.SYN, TcpFlag.ACK), List.of(TcpFlag.SYN, TcpFlag.ACK)), "tcp flags syn,ack / syn,ack");
    inet(
        "c", tcpFlagsNot(List.of(TcpFlag.SYN), List.of(TcpFlag.FIN, TcpFlag.SYN, TcpFlag.RST, TcpFlag.ACK)).drop(),
        "tcp flags != syn / fin,syn,rst,ack drop", "tcpFlagsNot");
    inet("c", tcp().field("window", gt(1000)), "tcp window > 1000");
    inet("c", icmpType(IcmpType.ECHO_REQUEST).accept(), "icmp type echo-request accept", "icmpType");
    inet("c", icmpType(oneOf(IcmpType.ECHO_REQUEST, IcmpType.ECHO_REPLY)), "icmp type { echo-reply, echo-request }");
    inet("c", icmpCode(3), "icmp code port-unreachable", "icmpCode");
    inet("c", icmp().type("destination-unreachable").code(1), "icmp type destination-unreachable icmp code host-unreachable", "type", "code");
    inet("c", icmpv6Type(Icmpv6Type.ND_NEIGHBOR_SOLICIT), "icmpv6 type nd-neighbor-solicit", "icmpv6Type");
    inet("c", icmpv6Type(oneOf(Icmpv6Type.ECHO_REQUEST, Icmpv6Type.ND_ROUTER_ADVERT)), "icmpv6 type { echo-request, nd-router-advert }");
    inet("c", icmpv6Code(4), "icmpv6 code port-unreachable", "icmpv6Code");
    inet("c", ahSpi(5), "ah spi 5", "ahSpi");
    inet("c", ahSpi(ge(0)), "ah spi >= 0");
    inet("c", espSpi(5), "esp spi 5", "espSpi");
    inet("c", espSpi(range(100, 200)), "esp spi 100-200");
    inet("c", vtag(5), "sctp vtag 5", "vtag");

    // ------------------------------------------------------------------ layer 2
    inet("c", sourceMac("00:11:22:AA:BB:CC"), "ether saddr 00:11:22:aa:bb:cc", "sourceMac");
    inet("c", destMac("00-11-22-33-44-55"), "ether daddr 00:11:22:33:44:55", "destMac");
    inet("c", ether().saddr("00:11:22:33:44:55"), "ether saddr 00:11:22:33:44:55", "ether");
    inet("c", vlanId(5), "vlan id 5", "vlanId");
    inet("c", vlan().field("id", range(1, 10)), "vlan id 1-10", "vlan");
    c(Family.BRIDGE, "c", vlanId(5).vlanPcp(3), "vlan id 5 vlan pcp 3", "vlanPcp");
    c(Family.BRIDGE, "c", etherType("vlan"), "ether type 8021q", "etherType");
    c(Family.BRIDGE, "c", sourceMac("00:11:22:33:44:55").drop(), "ether saddr 00:11:22:33:44:55 drop");
    c(Family.BRIDGE, "cin", ether().daddr("ff:ff:ff:ff:ff:ff").accept(), "ether daddr ff:ff:ff:ff:ff:ff accept");
    c(Family.BRIDGE, "c", tcp().dport(22).accept(), "tcp dport 22 accept");
    c(Family.BRIDGE, "c", ip().saddr("10.0.0.1"), "ip saddr 10.0.0.1");
    c(Family.BRIDGE, "c", ip(), "meta protocol ip");
    c(Family.ARP, "cin", arpOperation(ArpOperation.REQUEST).accept(), "arp operation request accept", "arpOperation");
    c(Family.ARP, "c", arpOperation(2), "arp operation reply");
    c(Family.ARP, "c", arp().saddr("1.2.3.4"), "arp saddr ip 1.2.3.4", "arp");
    c(Family.ARP, "c", arp().daddr("10.0.0.0/8"), "arp daddr ip 10.0.0.0/8");
    c(Family.ARP, "c", arp().field("htype", 1), "arp htype 1");

    // ------------------------------------------------------------------ meta
    inet("c", iifname("lo").accept(), "iifname \"lo\" accept", "iifname");
    inet("c", iifname("eth*"), "iifname \"eth*\"");
    inet("c", iifname(oneOf("lo", "eth0")), "iifname { \"lo\", \"eth0\" }");
    inet("c", oifname("eth0"), "oifname \"eth0\"", "oifname");
    inet("c", oifname(ne("eth0")), "oifname != \"eth0\"");
    inet("c", iif("lo"), "iif \"lo\"", "iif");
    inet("c", oif("lo"), "oif \"lo\"", "oif");
    inet("c", mark(100), "meta mark 0x00000064", "mark");
    inet("c", mark(oneOf(1, 2)), "meta mark { 0x00000001, 0x00000002 }");
    inet("c", mark(0xf0, 0x10), "meta mark & 0x000000f0 == 0x00000010");
    inet("c", nfproto("ipv6"), "meta nfproto ipv6", "nfproto");
    inet("c", metaProtocol("ip"), "meta protocol ip", "metaProtocol");
    inet("c", pkttype(PktType.BROADCAST).drop(), "meta pkttype broadcast drop", "pkttype");
    inet("c", pkttype(oneOf(PktType.BROADCAST, PktType.MULTICAST)), "meta pkttype { broadcast, multicast }");
    inet("c", priority("1:2"), "meta priority 1:2", "priority");
    inet("c", length(gt(1000)), "meta length > 1000", "length");
    inet("c", length(1500), "meta length 1500");
    inet("c", skuid(0), "meta skuid 0", "skuid");
    inet("c", skgid(0), "meta skgid 0", "skgid");
    inet("c", cgroup(1), "meta cgroup 1", "cgroup");
    inet("c", cpu(0), "meta cpu 0", "cpu");
    inet("c", day("Monday"), "meta day \"Monday\"", "day");
    inet("c", hour(range("10:00", "12:00")), "meta hour \"10:00\"-\"12:00\"", "hour");
    inet("c", meta("iiftype", 1), "meta iiftype ether", "meta");

    // ------------------------------------------------------------------ conntrack
    inet("c", ctState(CtState.ESTABLISHED, CtState.RELATED).accept(), "ct state established,related accept");
    inet("c", state(CtState.INVALID).drop(), "ct state invalid drop", "state");
    inet("c", ctState(oneOf(CtState.NEW, CtState.UNTRACKED)), "ct state { new, untracked }");
    inet("c", ctState(flags(CtState.NEW)), "ct state new", "flags");
    inet("c", ctStatus(CtStatus.DNAT, CtStatus.SNAT), "ct status snat,dnat", "ctStatus");
    inet("c", ctStatus(CtStatus.ASSURED), "ct status assured");
    inet("c", ctDirection(CtDirection.ORIGINAL), "ct direction original", "ctDirection");
    inet("c", ctMark(1), "ct mark 0x00000001", "ctMark");
    inet("c", ctMark(ne(0)), "ct mark != 0x00000000");
    inet("c", connmark(2), "ct mark 0x00000002", "connmark");
    inet("c", ctLabel(2), "ct label 2", "ctLabel");
    inet("c", ctZone(3), "ct zone 3", "ctZone");
    inet("c", ctHelper("ftp"), "ct helper \"ftp\"", "ctHelper");
    inet("c", ctBytes(gt(1_000_000)).log("LARGE_TRANSFER: ").accept(), "ct bytes > 1000000 log prefix \"LARGE_TRANSFER: \" accept", "ctBytes");
    inet("c", ctPackets(lt(10)), "ct packets < 10", "ctPackets");
    inet("c", ctExpiration(gt(5)), "ct expiration > 5s", "ctExpiration");
    inet("c", ctOriginalSaddr("1.2.3.4"), "ct original ip saddr 1.2.3.4", "ctOriginalSaddr");
    inet("c", ctOriginalDaddr("::1"), "ct original ip6 daddr ::1", "ctOriginalDaddr");
    inet("c", ctReplySaddr("10.0.0.0/8"), "ct reply ip saddr 10.0.0.0/8", "ctReplySaddr");
    inet("c", ctReplyDaddr("2001:db8::1"), "ct reply ip6 daddr 2001:db8::1", "ctReplyDaddr");
    inet("c", ct("l3proto", "ipv4"), "ct l3proto ipv4", "ct");
    inet("c", tcp().ct(CtDirection.REPLY, "proto-dst", 53), "meta l4proto tcp ct reply proto-dst 53");
    inet("c", ttl(eq(64)), "ip ttl 64", "eq");
    inet("c", ctCount(10), "ct count 10", "ctCount");
    inet("c", tcp().dport(80).ctState(CtState.NEW).ctCountOver(100).drop(), "tcp dport 80 ct state new ct count over 100 drop", "ctCountOver");
    inet("c", tcp().dport(80).ctState(CtState.NEW).limitConnections(100).drop(), "tcp dport 80 ct state new ct count over 100 drop", "limitConnections");

    // ------------------------------------------------------------------ socket, osf, fib, rt, options
    inet("c", socketTransparent().setMark(1).accept(), "socket transparent 1 meta mark set 0x00000001 accept", "socketTransparent");
    inet("c", socketMark(1), "socket mark 0x00000001", "socketMark");
    inet("c", tcp().dport(22).osfName("Linux").limit(10, Per.MINUTE).accept(), "tcp dport 22 osf name \"Linux\" limit rate 10/minute accept", "osfName");
    inet("c", osfName("Linux", OsfTtl.SKIP), "osf ttl skip name \"Linux\"");
    inet("c", osfVersion("Linux:3.0"), "osf version \"Linux:3.0\"", "osfVersion");
    inet("c", osfVersion("Linux:3.0", OsfTtl.LOOSE), "osf ttl loose version \"Linux:3.0\"");
    inet("cpre", fib(FibResult.TYPE, "local", FibFlag.DADDR), "fib daddr type local", "fib");
    inet("cpre", missing(Key.fib(FibResult.OIF, FibFlag.SADDR, FibFlag.IIF)).drop(), "fib saddr . iif oif missing drop", "missing");
    inet("cpre", exists(Key.fib(FibResult.OIF, FibFlag.DADDR)), "fib daddr oif exists", "exists");
    inet("cpre", fib(FibResult.TYPE, oneOf("broadcast", "multicast"), FibFlag.DADDR).drop(), "fib daddr type { broadcast, multicast } drop");
    inet("c", rtMtu(gt(1400)), "rt mtu > 1400", "rtMtu");
    inet("c", tcpOption("sack-perm"), "tcp option sack-perm exists", "tcpOption");
    inet("c", tcpOption("maxseg", "size", gt(1400)), "tcp option maxseg size > 1400");
    inet("c", exists(Key.ipOption("rr", null)), "ip option rr exists");
    inet("c", exists(Key.exthdr("frag", null)), "exthdr frag exists");
    inet("c", match(Key.tcpOption("timestamp", "tsval"), 5), "tcp option timestamp tsval 5", "match");

    // ------------------------------------------------------------------ sets, concatenations, raw payload
    inet("c", inSet("blocklist", Key.ipSaddr()).drop(), "ip saddr @blocklist drop", "inSet");
    inet("c", notInSet("blocklist", Key.ipDaddr()), "ip daddr != @blocklist", "notInSet");
    inet("c", inSet("blocklist", "saddr"), "ip saddr @blocklist");
    inet("c", ip6().inSet("blocklist6", "daddr"), "ip6 daddr @blocklist6");
    inet("c", tcp().inSet("ports", "dport").accept(), "tcp dport @ports accept");
    inet("c", inSet("pair", Key.concat(Key.ipSaddr(), Key.tcpDport())), "ip saddr . tcp dport @pair");
    inet("c", match(Key.concat(Key.ipSaddr(), Key.tcpDport()), oneOf(tuple("1.2.3.4", 22), tuple("10.0.0.0/8", 80))),
        "ip saddr . tcp dport { 1.2.3.4 . 22, 10.0.0.0/8 . 80 }", "tuple");
    inet("c", udp().payloadRaw(PayloadBase.TH, 16, 16, 53).log("DNS query blocked: ").drop(),
        "udp dport 53 log prefix \"DNS query blocked: \" drop", "payloadRaw");
    inet("c", tcp().dport(80).payloadRaw(PayloadBase.IH, 0, 32, "GET ").log("HTTP GET: ").accept(),
        "tcp dport 80 @ih,0,32 0x47455420 log prefix \"HTTP GET: \" accept");
    inet("c", payloadRawMasked(PayloadBase.NH, 96, 32, 0xffffff00L, 0xc0a80100L), "@nh,96,32 & 0xffffff00 == 0xc0a80100", "payloadRawMasked");
    inet("c", tcp().payloadRawMasked(PayloadBase.TH, 104, 8, 0x02, 0x02).counter(), "tcp flags & syn == syn counter packets 0 bytes 0");
    inet("c", payloadRaw(PayloadBase.LL, 0, 8, 1), "@ll,0,8 0x1");

    // ------------------------------------------------------------------ counters, logs, limits, quotas
    inet("c", counter(), "counter packets 0 bytes 0", "counter");
    inet("c", tcp().dport(80).counterRef("cnt").accept(), "tcp dport 80 counter name \"cnt\" accept", "counterRef");
    inet("c", quotaRef("q").accept(), "quota name \"q\" accept", "quotaRef");
    inet("c", tcp().dport(22).limitRef("l").accept(), "tcp dport 22 limit name \"l\" accept", "limitRef");
    inet("c", log(), "log", "log");
    inet("c", log("SSH: "), "log prefix \"SSH: \"");
    inet("c", log("SSH_ACCESS: ", LogLevel.INFO), "log prefix \"SSH_ACCESS: \" level info");
    inet("c", log(null, LogLevel.WARN, LogFlag.ALL), "log flags all");
    inet("c", log("x", LogLevel.DEBUG, LogFlag.TCP_SEQUENCE, LogFlag.TCP_OPTIONS), "log prefix \"x\" level debug flags tcp sequence,options");
    inet("c", logGroup(2, "grp"), "log prefix \"grp\" group 2", "logGroup");
    inet("c", logGroup(3, null), "log group 3");
    inet("c", limit(10, Per.MINUTE), "limit rate 10/minute", "limit");
    inet("c", limit(10, Per.MINUTE, 5), "limit rate 10/minute");
    inet("c", limit(10, Per.SECOND, 20), "limit rate 10/second burst 20 packets");
    inet("c", limitOver(10, Per.SECOND).drop(), "limit rate over 10/second drop", "limitOver");
    inet("c", limitOver(100, Per.HOUR, 3), "limit rate over 100/hour burst 3 packets");
    inet("c", limitBytes(1, ByteUnit.MBYTES, Per.SECOND), "limit rate 1 mbytes/second", "limitBytes");
    inet("c", limitBytes(true, 1, ByteUnit.MBYTES, Per.SECOND, 100, ByteUnit.KBYTES), "limit rate over 1 mbytes/second burst 100 kbytes");
    inet("c", rateLimit(5, Per.DAY), "limit rate 5/day", "rateLimit");
    inet("c", rateLimit(5, Per.WEEK, 10), "limit rate 5/week burst 10 packets");
    inet("c", quota(100, ByteUnit.MBYTES), "quota 100 mbytes", "quota");
    inet("c", quotaOver(1, ByteUnit.KBYTES).drop(), "quota over 1 kbytes drop", "quotaOver");

    // ------------------------------------------------------------------ marks, ct set, mangling
    inet("c", set(Key.meta("priority"), "1:2"), "meta priority set 1:2", "set");
    inet("c", set(Key.ct("mark"), Key.metaMark()), "ct mark set meta mark");
    inet("c", setMark(1), "meta mark set 0x00000001", "setMark");
    inet("c", setMark(Key.jhash(Key.ipSaddr(), 4)), "meta mark set jhash ip saddr mod 4");
    inet("c", setMark(Key.jhash(Key.concat(Key.ipSaddr(), Key.tcpDport()), 4, 0xdeadL, 100L)),
        "meta mark set jhash ip saddr . tcp dport mod 4 seed 0xdead offset 100");
    inet("c", setMark(Key.numgen(NumgenMode.INC, 2)), "meta mark set numgen inc mod 2");
    inet("c", setMark(Key.numgen(NumgenMode.RANDOM, 4, 10)), "meta mark set numgen random mod 4 offset 10");
    inet("c", setMark(Key.symhash(2, null)), "meta mark set symhash mod 2");
    inet("c", setMark(Key.tcpDport().map("marks")), "meta mark set tcp dport map @marks");
    inet("c", setMark(Key.tcpDport().map(map(22, 1, 80, 2))), "meta mark set tcp dport map { 22 : 0x00000001, 80 : 0x00000002 }");
    inet("c", setMark(Key.metaMark().or(0x10)), "meta mark set meta mark | 0x00000010");
    inet("c", setMark(Key.metaMark().and(0xff)), "meta mark set meta mark & 0x000000ff");
    inet("c", setMark(Key.metaMark().xor(0x1)), "meta mark set meta mark ^ 0x00000001");
    inet("c", restoreMark(), "meta mark set ct mark", "restoreMark");
    inet("c", saveMark(), "ct mark set meta mark", "saveMark");
    inet("c", setCtMark(1), "ct mark set 0x00000001", "setCtMark");
    inet("c", setCtMark(Key.numgen(NumgenMode.INC, 2, 5)), "ct mark set numgen inc mod 2 offset 5");
    inet("c", setConnmark(2), "ct mark set 0x00000002", "setConnmark");
    inet("c", setCtLabel(2), "ct label set 2", "setCtLabel");
    inet("c", setCtZone(3), "ct zone set 3", "setCtZone");
    inet("c", setCtZone(Key.metaMark().map(map(1, 2))), "ct zone set meta mark map { 0x00000001 : 2 }");
    inet("c", setCtEvent(CtEvent.NEW, CtEvent.RELATED), "ct event set new,related", "setCtEvent");
    inet("c", setCtHelper("ftph"), "ct helper set \"ftph\"", "setCtHelper");
    inet("c", setCtTimeout("tmo"), "ct timeout set \"tmo\"", "setCtTimeout");
    inet("c", setCtExpectation("exp"), "ct expectation set \"exp\"", "setCtExpectation");
    inet("c", setPriority("1:2"), "meta priority set 1:2", "setPriority");
    inet("c", setNftrace(true), "meta nftrace set 1", "setNftrace");
    inet("c", setDscp(46), "ip dscp set ef", "setDscp");
    inet("c", setDscp(Dscp.CS1), "ip dscp set cs1");
    inet("c", ip6().setDscp(Dscp.AF41), "ip6 dscp set af41");
    inet("c", setTtl(64), "ip ttl set 64", "setTtl");
    inet("c", setHoplimit(64), "ip6 hoplimit set 64", "setHoplimit");
    inet("c", setTcpMss(1400), "tcp option maxseg size set 1400", "setTcpMss");
    inet("c", tcpFlags(TcpFlag.SYN).setTcpMssToPmtu(), "tcp flags syn tcp option maxseg size set rt mtu", "setTcpMssToPmtu");

    // ------------------------------------------------------------------ other statements
    inet("craw", notrack(), "notrack", "notrack");
    inet("craw", udp().dport(53).notrack(), "udp dport 53 notrack");
    inet("cin", synproxy(), "synproxy", "synproxy");
    inet("cin", ctState(CtState.INVALID, CtState.UNTRACKED).synproxy(1460, 7, SynproxyFlag.TIMESTAMP, SynproxyFlag.SACK_PERM),
        "ct state invalid,untracked synproxy mss 1460 wscale 7 timestamp sack-perm");
    inet("cin", synproxyRef("sp"), "synproxy name \"sp\"", "synproxyRef");
    inet("cpre", tcp().tproxy(8080), "meta l4proto tcp tproxy to :8080", "tproxy");
    inet("cpre", tcp().dport(80).mark(0).tproxy("127.0.0.1", 8080).accept(), "tcp dport 80 meta mark 0x00000000 tproxy ip to 127.0.0.1:8080 accept");
    inet("cpre", udp().tproxy("::1", 53), "meta l4proto udp tproxy ip6 to [::1]:53");
    inet("cpre", tcp().tproxy("127.0.0.1"), "meta l4proto tcp tproxy ip to 127.0.0.1");
    inet("c", update("dyn", Key.ipSaddr(), expr().limit(3, Per.MINUTE)), "update @dyn { ip saddr limit rate 3/minute }", "update");
    inet("c", update("dyn", Key.ipSaddr()), "update @dyn { ip saddr }");
    inet("c", addToSet("dyn", Key.ipSaddr(), Duration.ofSeconds(10), expr()), "add @dyn { ip saddr timeout 10s }", "addToSet");
    inet("c", addToSet("dyn6", Key.ip6Saddr()), "add @dyn6 { ip6 saddr }");
    inet("c", meterUpdate(Key.ipSaddr(), "dyn", 3, Per.MINUTE).tcp().dport(22).accept(),
        "update @dyn { ip saddr limit rate 3/minute } tcp dport 22 accept", "meterUpdate");
    inet("c", meterUpdate(Key.ipSaddr(), "dyn", 3, Per.MINUTE, 10), "update @dyn { ip saddr limit rate 3/minute burst 10 packets }");
    inet("c", meterAdd(Key.concat(Key.ipSaddr(), Key.tcpDport()), "dynpair", 10, Per.SECOND, 20).accept(),
        "add @dynpair { ip saddr . tcp dport limit rate 10/second burst 20 packets } accept", "meterAdd");
    inet("c", meterAdd(Key.ipSaddr(), "dyn", 10, Per.SECOND), "add @dyn { ip saddr limit rate 10/second }");
    inet("c", meter("mt", null, Key.ipSaddr(), expr().limit(10, Per.SECOND)), "meter mt size 65535 { ip saddr limit rate 10/second }", "meter");
    inet("c", meter("mt2", 100L, Key.concat(Key.ipSaddr(), Key.tcpDport()), expr().counter()),
        "meter mt2 size 100 { ip saddr . tcp dport counter }");

    // ------------------------------------------------------------------ verdicts
    inet("c", continue_(), "continue", "continue_");
    inet("c", return_(), "return", "return_");
    inet("c", returnFromChain(), "return", "returnFromChain");
    inet("c", jump("other"), "jump other", "jump");
    inet("c", tcp().dport(22).goto_("other"), "tcp dport 22 goto other", "goto_");
    inet("cin", reject(), "reject", "reject");
    inet("cin", tcp().reject(RejectWith.TCP_RESET), "meta l4proto tcp reject with tcp reset");
    inet("cin", reject(RejectWith.ICMPX_ADMIN_PROHIBITED), "reject with icmpx admin-prohibited");
    inet("cin", reject(RejectWith.ICMPX_PORT_UNREACHABLE), "reject");
    inet("cin", reject(RejectWith.icmp("host-unreachable")), "reject with icmp host-unreachable");
    inet("cin", reject(RejectWith.icmpv6("no-route")), "reject with icmpv6 no-route");
    inet("c", vmap(Key.tcpDport(), "vm"), "tcp dport vmap @vm", "vmap");
    inet("c", vmap(Key.tcpDport(), map(22, Verdict.ACCEPT, 80, Verdict.DROP, 8080, Verdict.jump("other"))),
        "tcp dport vmap { 22 : accept, 80 : drop, 8080 : jump other }");
    inet("c", vmap(Key.iifname(), map("lo", Verdict.ACCEPT)), "iifname vmap { \"lo\" : accept }");
    inet("c", tcp().dportVmap("vm"), "tcp dport vmap @vm", "dportVmap");
    inet("c", expr().pipe(r -> r.ctState(CtState.ESTABLISHED, CtState.RELATED)).accept(), "ct state established,related accept", "pipe");
    inet("c", tcp().dport(22).append(expr().counter()).append(expr().accept()), "tcp dport 22 counter packets 0 bytes 0 accept", "append");
    inet("c", expr(Family.IP6).inSet("blocklist6", "saddr"), "ip6 saddr @blocklist6");

    // ------------------------------------------------------------------ NAT
    inet("cnatpost", ip().saddr("10.0.0.0/24").snat("1.2.3.4"), "ip saddr 10.0.0.0/24 snat ip to 1.2.3.4", "snat");
    inet("cnatpost", snat("2001:db8::1"), "snat ip6 to 2001:db8::1");
    inet("cnatpost", tcp().snat("1.2.3.4", 1000, 2000, NatFlag.PERSISTENT), "meta l4proto tcp snat ip to 1.2.3.4:1000-2000 persistent");
    inet("cnatpost", snat("10.0.0.1-10.0.0.10"), "snat ip to 10.0.0.1-10.0.0.10");
    inet("cnatpost", snat("10.0.0.0/24"), "snat ip to 10.0.0.0/24");
    inet("cnatpost", snat("1.2.3.4", NatFlag.RANDOM, NatFlag.FULLY_RANDOM), "snat ip to 1.2.3.4 random,fully-random");
    inet("cnatpost", udp().snat("1.2.3.4", 5353), "meta l4proto udp snat ip to 1.2.3.4:5353");
    inet("cnatpost", snatTo("1.2.3.5"), "snat ip to 1.2.3.5", "snatTo");
    inet("cnatpost", tcp().snatTo("1.2.3.5", 80), "meta l4proto tcp snat ip to 1.2.3.5:80");
    inet("cnatpost", snat(Key.ipSaddr().map("natmap"), Family.IP), "snat ip to ip saddr map @natmap");
    inet("cnatpost", oifname("eth0").masquerade(), "oifname \"eth0\" masquerade", "masquerade");
    inet("cnatpost", masquerade(NatFlag.RANDOM, NatFlag.PERSISTENT), "masquerade random,persistent");
    inet("cnatpost", tcp().masquerade(1024, 65535), "meta l4proto tcp masquerade to :1024-65535");
    inet("cnatpost", udp().masquerade(1024, 65535, NatFlag.FULLY_RANDOM), "meta l4proto udp masquerade to :1024-65535 fully-random");
    inet("cnatpre", tcp().dport(80).dnat("10.0.0.1", 8080), "tcp dport 80 dnat ip to 10.0.0.1:8080", "dnat");
    inet("cnatpre", dnat("2001:db8::1"), "dnat ip6 to 2001:db8::1");
    inet("cnatpre", tcp().dport(80).dnat("2001:db8::1", 8080), "tcp dport 80 dnat ip6 to [2001:db8::1]:8080");
    inet("cnatpre", tcp().dnat("10.0.0.1", 8000, 8010, NatFlag.RANDOM), "meta l4proto tcp dnat ip to 10.0.0.1:8000-8010 random");
    inet("cnatpre", dnat("10.0.0.1", NatFlag.PERSISTENT), "dnat ip to 10.0.0.1 persistent");
    inet("cnatpre", dnatTo("10.0.0.2"), "dnat ip to 10.0.0.2", "dnatTo");
    inet("cnatpre", tcp().dnatTo("10.0.0.2", 22), "meta l4proto tcp dnat ip to 10.0.0.2:22");
    inet("cnatpre", dnat(Key.numgen(NumgenMode.INC, 2).map(map(0, "10.0.0.1", 1, "10.0.0.2")), Family.IP),
        "dnat ip to numgen inc mod 2 map { 0 : 10.0.0.1, 1 : 10.0.0.2 }");
    inet("cnatpre", tcp().dport(80).redirect(3128), "tcp dport 80 redirect to :3128", "redirect");
    inet("cnatpre", redirect(), "redirect");
    inet("cnatpre", tcp().redirect(8000, 8080, NatFlag.RANDOM), "meta l4proto tcp redirect to :8000-8080 random");
    inet("cnatpre", udp().dport(53).redirectTo(5353), "udp dport 53 redirect to :5353", "redirectTo");

    // ------------------------------------------------------------------ ip, ip6 and netdev tables
    c(Family.IP, "cnatpost", snat("1.2.3.4"), "snat to 1.2.3.4");
    c(Family.IP, "cnatpost", ip().saddr("10.0.0.0/24").oifname("eth0").snat("203.0.113.1"), "ip saddr 10.0.0.0/24 oifname \"eth0\" snat to 203.0.113.1");
    c(Family.IP, "cnatpre", iifname("eth0").tcp().dport(8080).dnat("10.0.0.10", 80), "iifname \"eth0\" tcp dport 8080 dnat to 10.0.0.10:80");
    c(Family.IP, "cnatpre", dnat(Key.ipSaddr().map(map("1.2.3.4", "10.0.0.1")), Family.IP), "dnat to ip saddr map { 1.2.3.4 : 10.0.0.1 }");
    c(Family.IP6, "cnatpost", snat("2001:db8::1"), "snat to 2001:db8::1");
    c(Family.IP6, "cnatpre", tcp().dport(80).dnat("2001:db8::1", 8080), "tcp dport 80 dnat to [2001:db8::1]:8080");
    c(Family.IP, "cpre", tcp().dport(80).mark(0).tproxy(8080), "tcp dport 80 meta mark 0x00000000 tproxy to :8080");
    c(Family.IP, "cpre", tcp().tproxy("127.0.0.1", 8080), "meta l4proto tcp tproxy to 127.0.0.1:8080");
    c(Family.IP, "cpre", socketTransparent().setMark(1).accept(), "socket transparent 1 meta mark set 0x00000001 accept");
    c(Family.IP, "cpre", dupTo("1.2.3.4"), "dup to 1.2.3.4", "dupTo");
    c(Family.IP, "cpre", dupTo("1.2.3.4", "lo"), "dup to 1.2.3.4 device \"lo\"");
    c(Family.IP6, "cpre", dupTo("2001:db8::1", "lo"), "dup to 2001:db8::1 device \"lo\"");
    c(Family.IP, "cin", reject(RejectWith.icmp("port-unreachable")), "reject");
    c(Family.IP, "c", tcp().dport(22), "tcp dport 22");
    c(Family.IP, "c", ip().saddr("10.0.0.1"), "ip saddr 10.0.0.1");
    c(Family.IP6, "cin", reject(RejectWith.icmpv6("admin-prohibited")), "reject with icmpv6 admin-prohibited");
    c(Family.IP6, "c", expr().sourceIp("2001:db8::/32").drop(), "ip6 saddr 2001:db8::/32 drop");
    c(Family.NETDEV, "cing", dupToDevice("lo"), "dup to \"lo\"", "dupToDevice");
    c(Family.NETDEV, "cing", duplicateTo("lo"), "dup to \"lo\"", "duplicateTo");
    c(Family.NETDEV, "cing", fwd("lo"), "fwd to \"lo\"", "fwd");
    c(Family.NETDEV, "cing", fwd("1.2.3.4", "lo"), "fwd ip to 1.2.3.4 device \"lo\"");
    c(Family.NETDEV, "cing", ip().saddr("10.0.0.1").drop(), "ip saddr 10.0.0.1 drop");
    c(Family.NETDEV, "cing", ip6(), "meta protocol ip6");
    return cases;
  }
}
