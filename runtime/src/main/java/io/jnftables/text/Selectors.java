package io.jnftables.text;

import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ExthdrExpr;
import io.jnftables.model.expr.FibExpr;
import io.jnftables.model.expr.IpOptionExpr;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumgenExpr;
import io.jnftables.model.expr.OsfExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PayloadOffsetExpr;
import io.jnftables.model.expr.RtExpr;
import io.jnftables.model.expr.SctpChunkExpr;
import io.jnftables.model.expr.SocketExpr;
import io.jnftables.model.expr.SymhashExpr;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.model.expr.TcpOptionOffsetExpr;
import io.jnftables.model.expr.XfrmExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What nft can read from a packet and its metadata, with the {@link DataType} of each: header
 * fields by protocol, IPv6 extension headers, TCP and IP options, SCTP chunks, meta, ct, rt,
 * socket, osf, ipsec and fib keys. The parser uses it to know which words follow which (and to
 * suggest the right one), and to read and check the values compared with a selector; the printer
 * uses it to write values the way nft lists them.
 */
final class Selectors {
  private Selectors() {}

  /** Header fields by protocol, in nft's order. */
  static final Map<String, Map<String, DataType>> PAYLOAD = new LinkedHashMap<>();

  /** IPv6 extension header fields by header. */
  static final Map<String, Map<String, DataType>> EXTHDR = new LinkedHashMap<>();

  /** TCP option fields by option. */
  static final Map<String, Map<String, DataType>> TCP_OPTION = new LinkedHashMap<>();

  /** TCP option kinds by name ({@code tcp option 2} is {@code maxseg}). */
  static final Map<String, Integer> TCP_OPTION_KIND = new LinkedHashMap<>();

  /** IPv4 option fields by option. */
  static final Map<String, Map<String, DataType>> IP_OPTION = new LinkedHashMap<>();

  /** SCTP chunk fields by chunk. */
  static final Map<String, Map<String, DataType>> SCTP_CHUNK = new LinkedHashMap<>();

  static final Map<String, DataType> META = new LinkedHashMap<>();

  /** Meta keys that may be written without {@code meta}. */
  static final Set<String> META_UNQUALIFIED =
      Set.of("mark", "iif", "iifname", "iiftype", "oif", "oifname", "oiftype", "skuid", "skgid", "nftrace",
          "rtclassid", "ibriport", "obriport", "ibrname", "obrname", "pkttype", "cpu", "iifgroup", "oifgroup",
          "cgroup", "ipsec", "time", "day", "hour");

  /** ct keys; those in {@link #CT_DIRECTIONAL} may take {@code original}/{@code reply}. */
  static final Map<String, DataType> CT = new LinkedHashMap<>();

  /** ct keys that need a direction. */
  static final List<String> CT_NEEDS_DIRECTION = List.of("saddr", "daddr", "proto-src", "proto-dst");

  /** ct keys that may have a direction (and then need it spelled before the key). */
  static final List<String> CT_DIRECTIONAL =
      List.of("saddr", "daddr", "proto-src", "proto-dst", "l3proto", "protocol", "bytes", "packets", "avgpkt",
          "zone", "ip saddr", "ip daddr", "ip6 saddr", "ip6 daddr");

  static final Map<String, DataType> RT = new LinkedHashMap<>();
  static final Map<String, DataType> SOCKET = new LinkedHashMap<>();
  static final Map<String, DataType> IPSEC = new LinkedHashMap<>();
  static final Map<String, DataType> FIB_RESULT = new LinkedHashMap<>();
  static final List<String> FIB_FLAGS = List.of("saddr", "daddr", "mark", "iif", "oif");

  /** Protocols whose headers are layer 3 (network) or layer 4 (transport), for dependency checks. */
  static final List<String> NETWORK = List.of("ip", "ip6", "arp");

  static final List<String> TRANSPORT =
      List.of("tcp", "udp", "udplite", "sctp", "dccp", "icmp", "icmpv6", "igmp", "ah", "esp", "comp", "th");

  private static void fields(Map<String, Map<String, DataType>> table, String name, Object... pairs) {
    Map<String, DataType> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object t = pairs[i + 1];
      m.put((String) pairs[i], t instanceof Integer bits ? DataType.integer(bits) : (DataType) t);
    }
    table.put(name, Collections.unmodifiableMap(m));
  }

  static {
    DataType svc = DataType.SERVICE;
    fields(PAYLOAD, "ether", "daddr", DataType.ETHER, "saddr", DataType.ETHER, "type", DataType.ETHERTYPE);
    fields(PAYLOAD, "vlan", "id", 12, "dei", 1, "cfi", 1, "pcp", 3, "type", DataType.ETHERTYPE);
    fields(PAYLOAD, "arp", "htype", 16, "ptype", DataType.ETHERTYPE, "hlen", 8, "plen", 8,
        "operation", DataType.ARP_OP, "saddr ether", DataType.ETHER, "saddr ip", DataType.IPV4,
        "daddr ether", DataType.ETHER, "daddr ip", DataType.IPV4);
    fields(PAYLOAD, "ip", "version", 4, "hdrlength", 4, "dscp", DataType.DSCP, "ecn", DataType.ECN, "length", 16,
        "id", 16, "frag-off", 16, "ttl", 8, "protocol", DataType.INET_PROTO, "checksum", 16,
        "saddr", DataType.IPV4, "daddr", DataType.IPV4);
    fields(PAYLOAD, "icmp", "type", DataType.ICMP_TYPE, "code", DataType.ICMP_CODE, "checksum", 16, "id", 16,
        "sequence", 16, "gateway", 32, "mtu", 16);
    fields(PAYLOAD, "igmp", "type", DataType.IGMP_TYPE, "mrt", 8, "checksum", 16, "group", 32);
    fields(PAYLOAD, "ip6", "version", 4, "dscp", DataType.DSCP, "ecn", DataType.ECN, "flowlabel", 20,
        "length", 16, "nexthdr", DataType.INET_PROTO, "hoplimit", 8, "saddr", DataType.IPV6,
        "daddr", DataType.IPV6);
    fields(PAYLOAD, "icmpv6", "type", DataType.ICMPV6_TYPE, "code", DataType.ICMPV6_CODE, "checksum", 16,
        "parameter-problem", 32, "mtu", 32, "id", 16, "sequence", 16, "max-delay", 16);
    fields(PAYLOAD, "tcp", "sport", svc, "dport", svc, "sequence", 32, "ackseq", 32, "doff", 4, "reserved", 4,
        "flags", DataType.TCP_FLAG, "window", 16, "checksum", 16, "urgptr", 16);
    fields(PAYLOAD, "udp", "sport", svc, "dport", svc, "length", 16, "checksum", 16);
    fields(PAYLOAD, "udplite", "sport", svc, "dport", svc, "csumcov", 16, "checksum", 16);
    fields(PAYLOAD, "sctp", "sport", svc, "dport", svc, "vtag", 32, "checksum", 32);
    fields(PAYLOAD, "dccp", "sport", svc, "dport", svc, "type", DataType.DCCP_PKTTYPE);
    fields(PAYLOAD, "ah", "nexthdr", DataType.INET_PROTO, "hdrlength", 8, "reserved", 16, "spi", 32,
        "sequence", 32);
    fields(PAYLOAD, "esp", "spi", 32, "sequence", 32);
    fields(PAYLOAD, "comp", "nexthdr", DataType.INET_PROTO, "flags", DataType.HEX8, "cpi", 16);
    fields(PAYLOAD, "th", "sport", svc, "dport", svc);

    fields(EXTHDR, "hbh", "nexthdr", DataType.INET_PROTO, "hdrlength", 8);
    fields(EXTHDR, "rt", "nexthdr", DataType.INET_PROTO, "hdrlength", 8, "type", 8, "seg-left", 8);
    fields(EXTHDR, "rt0", "addr", DataType.IPV6);
    fields(EXTHDR, "rt2", "addr", DataType.IPV6);
    fields(EXTHDR, "srh", "nexthdr", DataType.INET_PROTO, "hdrlength", 8, "type", 8, "seg-left", 8,
        "last-entry", 8, "flags", 8, "tag", 16, "sid", DataType.IPV6);
    fields(EXTHDR, "frag", "nexthdr", DataType.INET_PROTO, "reserved", 8, "frag-off", 13, "reserved2", 2,
        "more-fragments", 1, "id", 32);
    fields(EXTHDR, "dst", "nexthdr", DataType.INET_PROTO, "hdrlength", 8);
    fields(EXTHDR, "mh", "nexthdr", DataType.INET_PROTO, "hdrlength", 8, "type", DataType.MH_TYPE, "reserved", 8,
        "checksum", 16);

    fields(TCP_OPTION, "eol", "kind", 8);
    fields(TCP_OPTION, "nop", "kind", 8);
    fields(TCP_OPTION, "maxseg", "kind", 8, "length", 8, "size", 16);
    fields(TCP_OPTION, "window", "kind", 8, "length", 8, "count", 8);
    fields(TCP_OPTION, "sack-perm", "kind", 8, "length", 8);
    fields(TCP_OPTION, "sack", "kind", 8, "length", 8, "left", 32, "right", 32);
    fields(TCP_OPTION, "sack0", "kind", 8, "length", 8, "left", 32, "right", 32);
    fields(TCP_OPTION, "sack1", "kind", 8, "length", 8, "left", 32, "right", 32);
    fields(TCP_OPTION, "sack2", "kind", 8, "length", 8, "left", 32, "right", 32);
    fields(TCP_OPTION, "sack3", "kind", 8, "length", 8, "left", 32, "right", 32);
    fields(TCP_OPTION, "timestamp", "kind", 8, "length", 8, "tsval", 32, "tsecr", 32);
    fields(TCP_OPTION, "md5sig", "kind", 8, "length", 8);
    fields(TCP_OPTION, "fastopen", "kind", 8, "length", 8);
    fields(TCP_OPTION, "mptcp", "kind", 8, "length", 8, "subtype", 4);
    TCP_OPTION_KIND.put("eol", 0);
    TCP_OPTION_KIND.put("nop", 1);
    TCP_OPTION_KIND.put("maxseg", 2);
    TCP_OPTION_KIND.put("window", 3);
    TCP_OPTION_KIND.put("sack-perm", 4);
    TCP_OPTION_KIND.put("sack", 5);
    TCP_OPTION_KIND.put("timestamp", 8);
    TCP_OPTION_KIND.put("md5sig", 19);
    TCP_OPTION_KIND.put("mptcp", 30);
    TCP_OPTION_KIND.put("fastopen", 34);

    fields(IP_OPTION, "lsrr", "type", 8, "length", 8, "ptr", 8, "addr", DataType.IPV4);
    fields(IP_OPTION, "rr", "type", 8, "length", 8, "ptr", 8, "addr", DataType.IPV4);
    fields(IP_OPTION, "ssrr", "type", 8, "length", 8, "ptr", 8, "addr", DataType.IPV4);
    fields(IP_OPTION, "ra", "type", 8, "length", 8, "value", 16);

    Object[] common = {"type", 8, "flags", 8, "length", 16};
    fields(SCTP_CHUNK, "data", concat(common, "tsn", 32, "stream", 16, "ssn", 16, "ppid", 32));
    fields(SCTP_CHUNK, "init", concat(common, "init-tag", 32, "a-rwnd", 32, "num-outbound-streams", 16,
        "num-inbound-streams", 16, "initial-tsn", 32));
    fields(SCTP_CHUNK, "init-ack", concat(common, "init-tag", 32, "a-rwnd", 32, "num-outbound-streams", 16,
        "num-inbound-streams", 16, "initial-tsn", 32));
    fields(SCTP_CHUNK, "sack", concat(common, "cum-tsn-ack", 32, "a-rwnd", 32, "num-gap-ack-blocks", 16,
        "num-dup-tsns", 16));
    fields(SCTP_CHUNK, "heartbeat", common);
    fields(SCTP_CHUNK, "heartbeat-ack", common);
    fields(SCTP_CHUNK, "abort", common);
    fields(SCTP_CHUNK, "shutdown", concat(common, "cum-tsn-ack", 32));
    fields(SCTP_CHUNK, "shutdown-ack", common);
    fields(SCTP_CHUNK, "error", common);
    fields(SCTP_CHUNK, "cookie-echo", common);
    fields(SCTP_CHUNK, "cookie-ack", common);
    fields(SCTP_CHUNK, "ecne", concat(common, "lowest-tsn", 32));
    fields(SCTP_CHUNK, "cwr", concat(common, "lowest-tsn", 32));
    fields(SCTP_CHUNK, "shutdown-complete", common);
    fields(SCTP_CHUNK, "asconf-ack", concat(common, "seqno", 32));
    fields(SCTP_CHUNK, "forward-tsn", concat(common, "new-cum-tsn", 32));
    fields(SCTP_CHUNK, "asconf", concat(common, "seqno", 32));

    META.put("length", DataType.integer(32));
    META.put("protocol", DataType.ETHERTYPE);
    META.put("priority", DataType.CLASSID);
    META.put("mark", DataType.MARK);
    META.put("iif", DataType.IFACE_INDEX);
    META.put("iifname", DataType.IFNAME);
    META.put("iiftype", DataType.IFACE_TYPE);
    META.put("oif", DataType.IFACE_INDEX);
    META.put("oifname", DataType.IFNAME);
    META.put("oiftype", DataType.IFACE_TYPE);
    META.put("skuid", DataType.UID);
    META.put("skgid", DataType.GID);
    META.put("nftrace", DataType.integer(1));
    META.put("rtclassid", DataType.REALM);
    META.put("ibriport", DataType.IFNAME);
    META.put("obriport", DataType.IFNAME);
    META.put("ibrname", DataType.IFNAME);
    META.put("obrname", DataType.IFNAME);
    META.put("pkttype", DataType.PKTTYPE);
    META.put("cpu", DataType.integer(32));
    META.put("iifgroup", DataType.DEVGROUP);
    META.put("oifgroup", DataType.DEVGROUP);
    META.put("cgroup", DataType.integer(32));
    META.put("random", DataType.integer(32));
    META.put("ipsec", DataType.BOOLEAN);
    META.put("secpath", DataType.BOOLEAN);
    META.put("nfproto", DataType.NFPROTO);
    META.put("l4proto", DataType.INET_PROTO);
    META.put("ibrvproto", DataType.ETHERTYPE);
    META.put("ibrpvid", DataType.integer(16));
    META.put("time", DataType.DATE);
    META.put("day", DataType.DAY);
    META.put("hour", DataType.HOUR);
    META.put("secmark", DataType.integer(32));
    META.put("sdif", DataType.IFACE_INDEX);
    META.put("sdifname", DataType.IFNAME);
    META.put("broute", DataType.integer(1));

    CT.put("state", DataType.CT_STATE);
    CT.put("direction", DataType.CT_DIR);
    CT.put("status", DataType.CT_STATUS);
    CT.put("mark", DataType.MARK);
    CT.put("expiration", DataType.TIME);
    CT.put("helper", DataType.CT_HELPER_NAME);
    CT.put("l3proto", DataType.NFPROTO);
    CT.put("protocol", DataType.INET_PROTO);
    CT.put("saddr", DataType.ANY);
    CT.put("daddr", DataType.ANY);
    CT.put("proto-src", DataType.SERVICE);
    CT.put("proto-dst", DataType.SERVICE);
    CT.put("label", DataType.CT_LABEL);
    CT.put("bytes", DataType.integer(64));
    CT.put("packets", DataType.integer(64));
    CT.put("avgpkt", DataType.integer(64));
    CT.put("zone", DataType.integer(16));
    CT.put("event", DataType.CT_EVENT);
    CT.put("id", DataType.integer(32));
    CT.put("secmark", DataType.integer(32));
    CT.put("ip saddr", DataType.IPV4);
    CT.put("ip daddr", DataType.IPV4);
    CT.put("ip6 saddr", DataType.IPV6);
    CT.put("ip6 daddr", DataType.IPV6);

    RT.put("classid", DataType.REALM);
    RT.put("nexthop", DataType.ANY);
    RT.put("mtu", DataType.integer(16));
    RT.put("ipsec", DataType.BOOLEAN);

    SOCKET.put("transparent", DataType.integer(1));
    SOCKET.put("mark", DataType.MARK);
    SOCKET.put("wildcard", DataType.integer(1));
    SOCKET.put("cgroupv2", DataType.STRING);

    IPSEC.put("reqid", DataType.integer(32));
    IPSEC.put("spi", DataType.integer(32));
    IPSEC.put("saddr", DataType.ANY);
    IPSEC.put("daddr", DataType.ANY);

    FIB_RESULT.put("oif", DataType.IFACE_INDEX);
    FIB_RESULT.put("oifname", DataType.IFNAME);
    FIB_RESULT.put("type", DataType.FIB_ADDRTYPE);
  }

  private static Object[] concat(Object[] a, Object... b) {
    Object[] out = new Object[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * The data type of the values an expression yields, or {@link DataType#ANY} when unknown.
   * {@code family} resolves keys whose type depends on it ({@code ct saddr} in an ip table).
   */
  static DataType typeOf(Expression e) {
    if (e instanceof PayloadExpr p) {
      Map<String, DataType> f = PAYLOAD.get(p.protocol());
      DataType t = f == null ? null : f.get(p.field());
      return t == null ? DataType.ANY : t;
    }
    if (e instanceof MetaExpr m) {
      return META.getOrDefault(m.key(), DataType.ANY);
    }
    if (e instanceof CtExpr c) {
      DataType t = CT.getOrDefault(c.key(), DataType.ANY);
      if (t == DataType.ANY && c.family() != null) {
        return c.family().equals("ip6") ? DataType.IPV6 : DataType.IPV4;
      }
      return t;
    }
    if (e instanceof PayloadOffsetExpr p) {
      return DataType.raw(p.length());
    }
    if (e instanceof ExthdrExpr x) {
      if (x.field() == null) {
        return DataType.BOOLEAN;
      }
      Map<String, DataType> f = EXTHDR.get(x.name());
      DataType t = f == null ? null : f.get(x.field());
      return t == null ? DataType.ANY : t;
    }
    if (e instanceof TcpOptionExpr t) {
      if (t.field() == null) {
        return DataType.BOOLEAN;
      }
      Map<String, DataType> f = TCP_OPTION.get(t.name());
      DataType d = f == null ? null : f.get(t.field());
      return d == null ? DataType.ANY : d;
    }
    if (e instanceof TcpOptionOffsetExpr t) {
      return t.offset() == 0 && t.length() == 8 ? DataType.BOOLEAN : DataType.integer(t.length());
    }
    if (e instanceof IpOptionExpr o) {
      if (o.field() == null) {
        return DataType.BOOLEAN;
      }
      Map<String, DataType> f = IP_OPTION.get(o.name());
      DataType d = f == null ? null : f.get(o.field());
      return d == null ? DataType.ANY : d;
    }
    if (e instanceof SctpChunkExpr c) {
      if (c.field() == null) {
        return DataType.BOOLEAN;
      }
      Map<String, DataType> f = SCTP_CHUNK.get(c.name());
      DataType d = f == null ? null : f.get(c.field());
      return d == null ? DataType.ANY : d;
    }
    if (e instanceof RtExpr r) {
      if (r.key().equals("nexthop") && r.family() != null) {
        return r.family().equals("ip6") ? DataType.IPV6 : DataType.IPV4;
      }
      return RT.getOrDefault(r.key(), DataType.ANY);
    }
    if (e instanceof SocketExpr s) {
      return SOCKET.getOrDefault(s.key(), DataType.ANY);
    }
    if (e instanceof OsfExpr o) {
      return DataType.OSF_NAME;
    }
    if (e instanceof XfrmExpr x) {
      DataType t = IPSEC.getOrDefault(x.key(), DataType.ANY);
      if (t == DataType.ANY && x.family() != null) {
        return x.family().equals("ip6") ? DataType.IPV6 : DataType.IPV4;
      }
      return t;
    }
    if (e instanceof FibExpr f) {
      return FIB_RESULT.getOrDefault(f.result(), DataType.ANY);
    }
    if (e instanceof NumgenExpr || e instanceof JhashExpr || e instanceof SymhashExpr) {
      return DataType.integer(32);
    }
    if (e instanceof BinaryExpr b) {
      return typeOf(b.left());
    }
    if (e instanceof MapExpr) {
      return DataType.ANY;
    }
    return DataType.ANY;
  }

  /** The types of the parts of a concatenation; a one-element list for anything else. */
  static List<DataType> typesOf(Expression e) {
    if (e instanceof ConcatExpr c) {
      List<DataType> out = new ArrayList<>(c.elements().size());
      for (Expression x : c.elements()) {
        out.add(typeOf(x));
      }
      return out;
    }
    return List.of(typeOf(e));
  }

  /** The header protocol an expression reads, or {@code null} for metadata. */
  static @Nullable String protocolOf(Expression e) {
    if (e instanceof PayloadExpr p) {
      return p.protocol();
    }
    return null;
  }
}
