package io.jnftables.dsl;

import static io.jnftables.dsl.ValueType.integer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The header fields, meta keys and ct keys nft 1.0.6 knows, with their data types. The DSL checks
 * every field name against these tables, so a typo fails when the rule is built, not in the kernel.
 */
final class Headers {
  private Headers() {}

  /** Transport headers with ports. */
  static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "udplite", "sctp", "dccp", "th");

  /** Protocols whose selector is {@code meta l4proto X}; the value is X as nft names it. */
  static final Map<String, String> L4 =
      Map.ofEntries(
          Map.entry("tcp", "tcp"),
          Map.entry("udp", "udp"),
          Map.entry("udplite", "udplite"),
          Map.entry("sctp", "sctp"),
          Map.entry("dccp", "dccp"),
          Map.entry("icmp", "icmp"),
          Map.entry("icmpv6", "ipv6-icmp"),
          Map.entry("igmp", "igmp"),
          Map.entry("ah", "ah"),
          Map.entry("esp", "esp"),
          Map.entry("comp", "ipcomp"),
          Map.entry("gre", "gre"));

  static final Map<String, Map<String, ValueType>> PAYLOAD = new LinkedHashMap<>();
  static final Map<String, ValueType> META = new LinkedHashMap<>();
  static final Map<String, ValueType> CT = new LinkedHashMap<>();
  /** ct keys that take a direction ({@code ct original saddr}). */
  static final Map<String, ValueType> CT_DIR = new LinkedHashMap<>();

  private static Map<String, ValueType> header(String name) {
    return PAYLOAD.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  static {
    ValueType u4 = integer("4-bit number", 4);
    ValueType u1 = integer("bit", 1);
    ValueType u3 = integer("3-bit number", 3);
    ValueType u12 = integer("12-bit number", 12);
    ValueType u20 = integer("20-bit number", 20);
    ValueType u13 = integer("13-bit number", 13);

    Map<String, ValueType> ip = header("ip");
    ip.put("version", u4);
    ip.put("hdrlength", u4);
    ip.put("dscp", ValueType.DSCP);
    ip.put("ecn", ValueType.ECN);
    ip.put("length", ValueType.U16);
    ip.put("id", ValueType.U16);
    ip.put("frag-off", ValueType.U16);
    ip.put("ttl", ValueType.U8);
    ip.put("protocol", ValueType.INET_PROTO);
    ip.put("checksum", ValueType.U16);
    ip.put("saddr", ValueType.IPV4);
    ip.put("daddr", ValueType.IPV4);

    Map<String, ValueType> ip6 = header("ip6");
    ip6.put("version", u4);
    ip6.put("dscp", ValueType.DSCP);
    ip6.put("ecn", ValueType.ECN);
    ip6.put("flowlabel", u20);
    ip6.put("length", ValueType.U16);
    ip6.put("nexthdr", ValueType.INET_PROTO);
    ip6.put("hoplimit", ValueType.U8);
    ip6.put("saddr", ValueType.IPV6);
    ip6.put("daddr", ValueType.IPV6);

    Map<String, ValueType> tcp = header("tcp");
    tcp.put("sport", ValueType.PORT);
    tcp.put("dport", ValueType.PORT);
    tcp.put("sequence", ValueType.U32);
    tcp.put("ackseq", ValueType.U32);
    tcp.put("doff", u4);
    tcp.put("reserved", u4);
    tcp.put("flags", ValueType.TCP_FLAGS);
    tcp.put("window", ValueType.U16);
    tcp.put("checksum", ValueType.U16);
    tcp.put("urgptr", ValueType.U16);

    Map<String, ValueType> udp = header("udp");
    udp.put("sport", ValueType.PORT);
    udp.put("dport", ValueType.PORT);
    udp.put("length", ValueType.U16);
    udp.put("checksum", ValueType.U16);

    Map<String, ValueType> udplite = header("udplite");
    udplite.put("sport", ValueType.PORT);
    udplite.put("dport", ValueType.PORT);
    udplite.put("csumcov", ValueType.U16);
    udplite.put("checksum", ValueType.U16);

    Map<String, ValueType> sctp = header("sctp");
    sctp.put("sport", ValueType.PORT);
    sctp.put("dport", ValueType.PORT);
    sctp.put("vtag", ValueType.U32);
    sctp.put("checksum", ValueType.U32);

    Map<String, ValueType> dccp = header("dccp");
    dccp.put("sport", ValueType.PORT);
    dccp.put("dport", ValueType.PORT);
    dccp.put("type", ValueType.DCCP_TYPE);

    Map<String, ValueType> th = header("th");
    th.put("sport", ValueType.PORT);
    th.put("dport", ValueType.PORT);

    Map<String, ValueType> icmp = header("icmp");
    icmp.put("type", ValueType.ICMP_TYPE);
    icmp.put("code", ValueType.ICMP_CODE);
    icmp.put("checksum", ValueType.U16);
    icmp.put("id", ValueType.U16);
    icmp.put("sequence", ValueType.U16);
    icmp.put("gateway", ValueType.U32);
    icmp.put("mtu", ValueType.U16);

    Map<String, ValueType> icmpv6 = header("icmpv6");
    icmpv6.put("type", ValueType.ICMPV6_TYPE);
    icmpv6.put("code", ValueType.ICMPV6_CODE);
    icmpv6.put("checksum", ValueType.U16);
    icmpv6.put("parameter", ValueType.U32);
    icmpv6.put("mtu", ValueType.U32);
    icmpv6.put("id", ValueType.U16);
    icmpv6.put("sequence", ValueType.U16);
    icmpv6.put("max-delay", ValueType.U16);

    Map<String, ValueType> igmp = header("igmp");
    igmp.put("type", ValueType.symbolic("igmp type", 255, "membership-query", "membership-report-v1",
        "membership-report-v2", "membership-report-v3", "leave-group"));
    igmp.put("mrt", ValueType.U8);
    igmp.put("checksum", ValueType.U16);
    igmp.put("group", ValueType.U32);

    Map<String, ValueType> ah = header("ah");
    ah.put("nexthdr", ValueType.INET_PROTO);
    ah.put("hdrlength", ValueType.U8);
    ah.put("reserved", ValueType.U16);
    ah.put("spi", ValueType.U32);
    ah.put("sequence", ValueType.U32);

    Map<String, ValueType> esp = header("esp");
    esp.put("spi", ValueType.U32);
    esp.put("sequence", ValueType.U32);

    Map<String, ValueType> comp = header("comp");
    comp.put("nexthdr", ValueType.INET_PROTO);
    comp.put("flags", ValueType.U8);
    comp.put("cpi", ValueType.U16);

    Map<String, ValueType> ether = header("ether");
    ether.put("saddr", ValueType.MAC);
    ether.put("daddr", ValueType.MAC);
    ether.put("type", ValueType.ETHER_TYPE);

    Map<String, ValueType> vlan = header("vlan");
    vlan.put("id", u12);
    vlan.put("dei", u1);
    vlan.put("cfi", u1);
    vlan.put("pcp", u3);
    vlan.put("type", ValueType.ETHER_TYPE);

    Map<String, ValueType> arp = header("arp");
    arp.put("htype", ValueType.U16);
    arp.put("ptype", ValueType.ETHER_TYPE);
    arp.put("hlen", ValueType.U8);
    arp.put("plen", ValueType.U8);
    arp.put("operation", ValueType.ARP_OP);
    arp.put("saddr ip", ValueType.IPV4);
    arp.put("daddr ip", ValueType.IPV4);
    arp.put("saddr ether", ValueType.MAC);
    arp.put("daddr ether", ValueType.MAC);

    // GRE: nft 1.0.6 has no gre header (added in nft 1.0.7); kept out on purpose, see RuleExpr.gre*.
    assert u13 != null;

    META.put("length", ValueType.U32);
    META.put("protocol", ValueType.ETHER_TYPE);
    META.put("nfproto", ValueType.NFPROTO);
    META.put("l4proto", ValueType.INET_PROTO);
    META.put("priority", ValueType.STRING);
    META.put("mark", ValueType.MARK);
    META.put("iif", ValueType.STRING);
    META.put("iifname", ValueType.IFNAME);
    META.put("iiftype", ValueType.U16);
    META.put("oif", ValueType.STRING);
    META.put("oifname", ValueType.IFNAME);
    META.put("oiftype", ValueType.U16);
    META.put("skuid", ValueType.U32);
    META.put("skgid", ValueType.U32);
    META.put("nftrace", integer("nftrace", 1));
    META.put("rtclassid", ValueType.U32);
    META.put("ibrname", ValueType.IFNAME);
    META.put("obrname", ValueType.IFNAME);
    META.put("pkttype", ValueType.PKTTYPE);
    META.put("cpu", ValueType.U32);
    META.put("iifgroup", ValueType.U32);
    META.put("oifgroup", ValueType.U32);
    META.put("cgroup", ValueType.U32);
    META.put("random", ValueType.U32);
    META.put("ipsec", ValueType.BOOLEAN);
    META.put("day", ValueType.STRING);
    META.put("hour", ValueType.STRING);
    META.put("time", ValueType.STRING);
    META.put("secmark", ValueType.U32);
    META.put("iifkind", ValueType.STRING);
    META.put("oifkind", ValueType.STRING);
    META.put("sdif", ValueType.STRING);
    META.put("sdifname", ValueType.IFNAME);

    CT.put("state", ValueType.CT_STATE);
    CT.put("direction", ValueType.CT_DIRECTION);
    CT.put("status", ValueType.CT_STATUS);
    CT.put("mark", ValueType.MARK);
    CT.put("expiration", ValueType.U32);
    CT.put("helper", ValueType.STRING);
    CT.put("label", ValueType.bitNumber("ct label bit", 7));
    CT.put("l3proto", ValueType.NFPROTO);
    CT.put("protocol", ValueType.INET_PROTO);
    CT.put("bytes", ValueType.U64);
    CT.put("packets", ValueType.U64);
    CT.put("avgpkt", ValueType.U64);
    CT.put("zone", ValueType.U16);
    CT.put("event", ValueType.CT_EVENT);
    CT.put("id", ValueType.U32);
    CT.put("secmark", ValueType.U32);

    CT_DIR.put("ip saddr", ValueType.IPV4);
    CT_DIR.put("ip daddr", ValueType.IPV4);
    CT_DIR.put("ip6 saddr", ValueType.IPV6);
    CT_DIR.put("ip6 daddr", ValueType.IPV6);
    CT_DIR.put("proto-src", ValueType.PORT);
    CT_DIR.put("proto-dst", ValueType.PORT);
    CT_DIR.put("l3proto", ValueType.NFPROTO);
    CT_DIR.put("protocol", ValueType.INET_PROTO);
    CT_DIR.put("bytes", ValueType.U64);
    CT_DIR.put("packets", ValueType.U64);
    CT_DIR.put("avgpkt", ValueType.U64);
    CT_DIR.put("zone", ValueType.U16);
  }

  static ValueType field(String protocol, String field) {
    Map<String, ValueType> h = PAYLOAD.get(protocol);
    if (h == null) {
      if (protocol.equals("gre")) {
        throw new io.jnftables.validate.UnsupportedFeatureException(
            "gre " + field + ": nft 1.0.6 has no GRE header fields (\"Unknown payload protocol 'gre'\"; added in nft"
                + " 1.0.7). Match GRE itself with gre() (meta l4proto gre), or a raw payload:"
                + " payloadRaw(PayloadBase.TH, offset, length, value)");
      }
      throw new IllegalArgumentException(
          "unknown header \"" + protocol + "\"; known: " + String.join(", ", PAYLOAD.keySet()));
    }
    ValueType t = h.get(field);
    if (t == null) {
      throw new IllegalArgumentException(
          protocol + " has no field \"" + field + "\"; its fields: " + String.join(", ", h.keySet()));
    }
    return t;
  }

  static ValueType meta(String key) {
    ValueType t = META.get(key);
    if (t == null) {
      throw new IllegalArgumentException("unknown meta key \"" + key + "\"; known: " + String.join(", ", META.keySet()));
    }
    return t;
  }

  static ValueType ct(String key) {
    ValueType t = CT.get(key);
    if (t == null) {
      throw new IllegalArgumentException("unknown ct key \"" + key + "\"; known: " + String.join(", ", CT.keySet()));
    }
    return t;
  }

  static ValueType ctDir(String key) {
    ValueType t = CT_DIR.get(key);
    if (t == null) {
      throw new IllegalArgumentException(
          "unknown ct original/reply key \"" + key + "\"; known: " + String.join(", ", CT_DIR.keySet()));
    }
    return t;
  }
}
