package io.jnftables.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * nft's data types, as far as reading and printing values needs them: how a value of the type is
 * written ({@link Base}), its width in bits (for range checks), its symbolic constants and whether
 * it is a bit mask whose constants combine ({@code ct state established,related}).
 *
 * <p>The constants are nft 1.0.6's own tables (src/datatype.c, proto.c, ct.c, meta.c, …), copied
 * so that reading never depends on the host's files.
 */
final class DataType {
  /** How values of a type are written. */
  enum Base {
    /** A number; decimal or hex in, decimal out. */
    INTEGER,
    /** A number printed as {@code 0x%08x} (marks). */
    MARK,
    /** A number printed in hex without padding ({@code ip6 dscp set 0x3f}). */
    HEX,
    /** A quoted string (interface names, helpers). */
    STRING,
    IPV4,
    IPV6,
    ETHER,
    /** A port: a number, or a service name nft resolves. */
    SERVICE,
    /** A relative time, {@code 1h30m}, in seconds (milliseconds for some keys). */
    TIME,
    /** An absolute time, {@code "2022-07-01 11:00:00"} or seconds since the epoch. */
    DATE,
    /** A time of day, {@code "17:00"}. */
    HOUR,
    /** {@code exists} / {@code missing}, JSON true / false. */
    BOOLEAN,
    /** A tc class id, {@code 8765:4321}, {@code none}, {@code root}. */
    CLASSID,
    /** A verdict ({@code accept}, {@code jump c}). */
    VERDICT,
    /** Whatever it is: numbers stay numbers, words stay words (raw payload, unknown keys). */
    ANY
  }

  final String name;
  final Base base;
  final int bits;
  final Map<String, Long> symbols;
  final boolean flags;

  /** The largest number the type accepts when smaller than its width allows (a day is 0..6), else -1. */
  final long maxValue;

  /** The longest string the type accepts, in bytes, or 0 for no limit. */
  final int maxBytes;

  private DataType(String name, Base base, int bits, Map<String, Long> symbols, boolean flags) {
    this(name, base, bits, symbols, flags, -1, 0);
  }

  private DataType(
      String name, Base base, int bits, Map<String, Long> symbols, boolean flags, long maxValue, int maxBytes) {
    this.name = name;
    this.base = base;
    this.bits = bits;
    this.symbols = symbols;
    this.flags = flags;
    this.maxValue = maxValue;
    this.maxBytes = maxBytes;
  }

  /** This type with a maximum value or string length. */
  DataType limited(long maxValue, int maxBytes) {
    return new DataType(name, base, bits, symbols, flags, maxValue, maxBytes);
  }

  static DataType integer(int bits) {
    return bits <= 64 && bits > 0 && INTEGERS[bits] != null ? INTEGERS[bits] : new DataType("integer", Base.INTEGER, bits, Map.of(), false);
  }

  private static final DataType[] INTEGERS = new DataType[65];

  /** The type of a raw payload of {@code bits}: an integer nft writes in hex. */
  static DataType raw(int bits) {
    return new DataType("integer", Base.HEX, bits, Map.of(), false);
  }

  static {
    for (int i = 1; i <= 64; i++) {
      INTEGERS[i] = new DataType("integer", Base.INTEGER, i, Map.of(), false);
    }
  }

  private static DataType of(String name, Base base, int bits) {
    return new DataType(name, base, bits, Map.of(), false);
  }

  private static DataType symbolic(String name, int bits, boolean flags, Object... pairs) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return new DataType(name, Base.INTEGER, bits, Collections.unmodifiableMap(m), flags);
  }

  /** The symbol for {@code value}: the first name listed with it (nft's canonical one). */
  @Nullable String symbolOf(long value) {
    for (Map.Entry<String, Long> e : symbols.entrySet()) {
      if (e.getValue() == value) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The largest value the type holds, or -1 when it is 64 bits or wider. */
  long max() {
    return bits <= 0 || bits >= 64 ? -1 : (1L << bits) - 1;
  }

  boolean isAddress() {
    return base == Base.IPV4 || base == Base.IPV6 || base == Base.ETHER;
  }

  @Override
  public String toString() {
    return name;
  }

  // ------------------------------------------------------------------ the types

  static final DataType ANY = of("any", Base.ANY, 0);
  static final DataType VERDICT = of("verdict", Base.VERDICT, 32);
  static final DataType MARK = of("mark", Base.MARK, 32);
  static final DataType IFNAME = of("ifname", Base.STRING, 16 * 8);
  static final DataType STRING = of("string", Base.STRING, 0);
  static final DataType IPV4 = of("ipv4_addr", Base.IPV4, 32);
  static final DataType IPV6 = of("ipv6_addr", Base.IPV6, 128);
  static final DataType ETHER = of("ether_addr", Base.ETHER, 48);
  static final DataType SERVICE = of("inet_service", Base.SERVICE, 16);
  static final DataType TIME = of("time", Base.TIME, 64);
  static final DataType DATE = of("time", Base.DATE, 64);
  static final DataType HOUR = of("hour", Base.HOUR, 32);
  static final DataType BOOLEAN = new DataType("boolean", Base.BOOLEAN, 1,
      Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("exists", 1L, "missing", 0L))), false);
  static final DataType CLASSID = of("classid", Base.CLASSID, 32);
  static final DataType UID = of("uid", Base.INTEGER, 32);
  static final DataType GID = of("gid", Base.INTEGER, 32);
  static final DataType REALM = symbolic("realm", 32, false, "default", 0);
  static final DataType DEVGROUP = symbolic("devgroup", 32, false, "default", 0);
  static final DataType IFACE_INDEX = of("iface_index", Base.STRING, 32);
  /** A conntrack label: a bit number 0..127 (or a name from connlabel.conf). */
  static final DataType CT_LABEL = of("ct_label", Base.INTEGER, 128).limited(127, 0);
  static final DataType CT_HELPER_NAME = of("string", Base.STRING, 0).limited(-1, Limits.CT_HELPER_BYTES);
  static final DataType OSF_NAME = of("string", Base.STRING, 0).limited(-1, Limits.OSF_NAME_BYTES);
  static final DataType HEX8 = of("integer", Base.HEX, 8);

  static final DataType INET_PROTO =
      symbolic("inet_proto", 8, false,
          "ip", 0, "hopopt", 0, "icmp", 1, "igmp", 2, "ggp", 3, "ipencap", 4, "st", 5, "tcp", 6, "egp", 8,
          "igp", 9, "pup", 12, "udp", 17, "hmp", 20, "xns-idp", 22, "rdp", 27, "iso-tp4", 29, "dccp", 33,
          "xtp", 36, "ddp", 37, "idpr-cmtp", 38, "ipv6", 41, "ipv6-route", 43, "ipv6-frag", 44,
          "idrp", 45, "rsvp", 46, "gre", 47, "esp", 50, "ah", 51, "skip", 57, "ipv6-icmp", 58,
          "icmpv6", 58, "ipv6-nonxt", 59, "ipv6-opts", 60, "rspf", 73, "vmtp", 81, "eigrp", 88,
          "ospf", 89, "ax.25", 93, "ipip", 94, "etherip", 97, "encap", 98, "pim", 103, "ipcomp", 108,
          "comp", 108, "vrrp", 112, "l2tp", 115, "isis", 124, "sctp", 132, "fc", 133,
          "mobility-header", 135, "udplite", 136, "mpls-in-ip", 137, "manet", 138, "hip", 139,
          "shim6", 140, "wesp", 141, "rohc", 142, "ethernet", 143);

  static final DataType ETHERTYPE =
      symbolic("ether_type", 16, false,
          "ip", 0x0800, "arp", 0x0806, "ip6", 0x86dd, "8021q", 0x8100, "vlan", 0x8100, "8021ad", 0x88a8);

  static final DataType NFPROTO =
      symbolic("nf_proto", 8, false, "ipv4", 2, "ipv6", 10, "inet", 1, "arp", 3, "netdev", 5, "bridge", 7);

  static final DataType CT_STATE =
      symbolic("ct_state", 32, true,
          "invalid", 1, "established", 2, "related", 4, "new", 8, "untracked", 64);

  static final DataType CT_DIR = symbolic("ct_dir", 8, false, "original", 0, "reply", 1);

  static final DataType CT_STATUS =
      symbolic("ct_status", 32, true,
          "expected", 1, "seen-reply", 2, "assured", 4, "confirmed", 8, "snat", 16, "dnat", 32,
          "dying", 512);

  static final DataType CT_EVENT =
      symbolic("ct_event", 32, true,
          "new", 1, "related", 2, "destroy", 4, "reply", 8, "assured", 16, "protoinfo", 32, "helper", 64,
          "mark", 128, "seqadj", 256, "secmark", 512, "label", 1024);

  static final DataType TCP_FLAG =
      symbolic("tcp_flag", 8, true,
          "fin", 0x01, "syn", 0x02, "rst", 0x04, "psh", 0x08, "ack", 0x10, "urg", 0x20, "ecn", 0x40,
          "cwr", 0x80);

  static final DataType ICMP_TYPE =
      symbolic("icmp_type", 8, false,
          "echo-reply", 0, "destination-unreachable", 3, "source-quench", 4, "redirect", 5,
          "echo-request", 8, "router-advertisement", 9, "router-solicitation", 10, "time-exceeded", 11,
          "parameter-problem", 12, "timestamp-request", 13, "timestamp-reply", 14, "info-request", 15,
          "info-reply", 16, "address-mask-request", 17, "address-mask-reply", 18);

  static final DataType ICMP_CODE =
      symbolic("icmp_code", 8, false,
          "net-unreachable", 0, "host-unreachable", 1, "prot-unreachable", 2, "port-unreachable", 3,
          "frag-needed", 4, "net-prohibited", 9, "host-prohibited", 10, "admin-prohibited", 13);

  static final DataType ICMPV6_TYPE =
      symbolic("icmpv6_type", 8, false,
          "destination-unreachable", 1, "packet-too-big", 2, "time-exceeded", 3, "parameter-problem", 4,
          "echo-request", 128, "echo-reply", 129, "mld-listener-query", 130, "mld-listener-report", 131,
          "mld-listener-done", 132, "mld-listener-reduction", 132, "nd-router-solicit", 133,
          "nd-router-advert", 134, "nd-neighbor-solicit", 135, "nd-neighbor-advert", 136, "nd-redirect", 137,
          "router-renumbering", 138, "ind-neighbor-solicit", 141, "ind-neighbor-advert", 142,
          "mld2-listener-report", 143);

  static final DataType ICMPV6_CODE =
      symbolic("icmpv6_code", 8, false,
          "no-route", 0, "admin-prohibited", 1, "addr-unreachable", 3, "port-unreachable", 4,
          "policy-fail", 5, "reject-route", 6);

  static final DataType ICMPX_CODE =
      symbolic("icmpx_code", 8, false,
          "no-route", 0, "port-unreachable", 1, "host-unreachable", 2, "admin-prohibited", 3);

  static final DataType IGMP_TYPE =
      symbolic("igmp_type", 8, false,
          "membership-query", 0x11, "membership-report-v1", 0x12, "membership-report-v2", 0x16,
          "membership-report-v3", 0x22, "leave-group", 0x17);

  static final DataType PKTTYPE =
      symbolic("pkt_type", 8, false, "host", 0, "unicast", 0, "broadcast", 1, "multicast", 2, "other", 3);

  static final DataType ARP_OP =
      symbolic("arp_op", 16, false,
          "request", 1, "reply", 2, "rrequest", 3, "rreply", 4, "inrequest", 8, "inreply", 9, "nak", 10);

  static final DataType DCCP_PKTTYPE =
      symbolic("dccp_pkttype", 4, false,
          "request", 0, "response", 1, "data", 2, "ack", 3, "dataack", 4, "closereq", 5, "close", 6,
          "reset", 7, "sync", 8, "syncack", 9);

  static final DataType MH_TYPE =
      symbolic("mh_type", 8, false,
          "binding-refresh-request", 0, "home-test-init", 1, "careof-test-init", 2, "home-test", 3,
          "careof-test", 4, "binding-update", 5, "binding-acknowledgement", 6, "binding-error", 7,
          "fast-binding-update", 8, "fast-binding-acknowledgement", 9, "fast-binding-advertisement", 10,
          "experimental-mobility-header", 11, "home-agent-switch-message", 12);

  static final DataType DSCP =
      symbolic("dscp", 6, false,
          "cs0", 0x00, "cs1", 0x08, "cs2", 0x10, "cs3", 0x18, "cs4", 0x20, "cs5", 0x28, "cs6", 0x30,
          "cs7", 0x38, "df", 0x00, "be", 0x00, "lephb", 0x01, "af11", 0x0a, "af12", 0x0c, "af13", 0x0e,
          "af21", 0x12, "af22", 0x14, "af23", 0x16, "af31", 0x1a, "af32", 0x1c, "af33", 0x1e,
          "af41", 0x22, "af42", 0x24, "af43", 0x26, "va", 0x2c, "ef", 0x2e);

  static final DataType ECN = symbolic("ecn", 2, false, "not-ect", 0, "ect1", 1, "ect0", 2, "ce", 3);

  static final DataType FIB_ADDRTYPE =
      symbolic("fib_addrtype", 32, false,
          "unspec", 0, "unicast", 1, "local", 2, "broadcast", 3, "anycast", 4, "multicast", 5,
          "blackhole", 6, "unreachable", 7, "prohibit", 8, "throw", 9, "nat", 10, "xresolve", 11);

  static final DataType IFACE_TYPE =
      symbolic("iface_type", 16, false,
          "ether", 1, "ppp", 512, "ipip", 768, "ipip6", 769, "loopback", 772, "sit", 776, "ipgre", 778);

  static final DataType DAY =
      symbolic("day", 8, false,
          "Sunday", 0, "Monday", 1, "Tuesday", 2, "Wednesday", 3, "Thursday", 4, "Friday", 5, "Saturday", 6)
          .limited(6, 0);

  /** Types a named set or map may be declared with ({@code type ipv4_addr . inet_service}). */
  static final Map<String, DataType> BY_NAME = byName();

  private static Map<String, DataType> byName() {
    Map<String, DataType> m = new LinkedHashMap<>();
    for (DataType t : List.of(VERDICT, MARK, IFNAME, STRING, IPV4, IPV6, ETHER, SERVICE, INET_PROTO, ETHERTYPE,
        NFPROTO, CT_STATE, CT_DIR, CT_STATUS, CT_EVENT, TCP_FLAG, ICMP_TYPE, ICMP_CODE, ICMPV6_TYPE, ICMPV6_CODE,
        ICMPX_CODE, IGMP_TYPE, PKTTYPE, ARP_OP, DCCP_PKTTYPE, MH_TYPE, DSCP, ECN, FIB_ADDRTYPE, IFACE_TYPE, DAY,
        HOUR, BOOLEAN, CLASSID, UID, GID, REALM, DEVGROUP, IFACE_INDEX, CT_LABEL)) {
      m.putIfAbsent(t.name, t);
    }
    m.put("time", TIME);
    m.put("integer", integer(32));
    m.put("counter", of("counter", Base.STRING, 0));
    m.put("quota", of("quota", Base.STRING, 0));
    m.put("limit", of("limit", Base.STRING, 0));
    m.put("ct_helper", of("ct_helper", Base.STRING, 0));
    m.put("ct_timeout", of("ct_timeout", Base.STRING, 0));
    m.put("ct_expectation", of("ct_expectation", Base.STRING, 0));
    m.put("synproxy", of("synproxy", Base.STRING, 0));
    m.put("secmark", of("secmark", Base.STRING, 0));
    m.put("cgroupsv2", of("cgroupsv2", Base.STRING, 64));
    return Collections.unmodifiableMap(m);
  }
}
