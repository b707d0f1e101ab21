package io.jnftables.dsl;

import io.jnftables.annotations.Family;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Verdict;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the rule DSL (the seed's {@code NFTables.Expr}): every matcher, statement
 * and verdict of {@link RuleExpr} as a static method that starts a rule, plus the operands
 * ({@link #range}, {@link #oneOf}, {@link #ref}, {@link #lt}, …). Import it statically:
 *
 * <pre>{@code
 * import static io.jnftables.dsl.Expr.*;
 *
 * TerminalExpr ssh = tcp().dport(22).ctState(CtState.NEW).limit(10, Per.MINUTE).counter().accept();
 * TerminalExpr web = tcp().dport(oneOf(80, 443)).accept();
 * TerminalExpr block = expr().sourceIp("192.168.1.100").drop();          // the seed's style
 * Rule rule = ssh.toRule(Family.INET, "filter", "input");
 * }</pre>
 *
 * In Kotlin: {@code import io.jnftables.dsl.Expr.*} and the same chains.
 */
public final class Expr {
  private Expr() {}

  /** An empty rule expression (the seed's {@code expr()}), built for inet tables by default. */
  public static RuleExpr expr() {
    return RuleExpr.EMPTY;
  }

  /** An empty rule expression whose statements are built for {@code family} by default (seed {@code expr(family:)}). */
  public static RuleExpr expr(Family family) {
    return RuleExpr.EMPTY.family(family);
  }

  // ============================================================================ operands

  /** {@code == value} (the default for a plain value). */
  public static Operand eq(Object value) {
    return Operand.compare(Operator.EQ, value);
  }

  /** {@code != value}. */
  public static Operand ne(Object value) {
    return Operand.compare(Operator.NE, value);
  }

  public static Operand lt(Object value) {
    return Operand.compare(Operator.LT, value);
  }

  public static Operand gt(Object value) {
    return Operand.compare(Operator.GT, value);
  }

  public static Operand le(Object value) {
    return Operand.compare(Operator.LE, value);
  }

  public static Operand ge(Object value) {
    return Operand.compare(Operator.GE, value);
  }

  /** {@code low-high}: a range of numbers, ports or addresses. */
  public static Operand range(Object low, Object high) {
    return Operand.range(low, high);
  }

  /** {@code { a, b, c }}: an anonymous set; elements may be {@link #range} operands too. */
  public static Operand oneOf(Object... values) {
    return Operand.set(Arrays.asList(values));
  }

  public static Operand oneOf(Collection<?> values) {
    return Operand.set(values);
  }

  /** {@code != { a, b, c }}. */
  public static Operand noneOf(Object... values) {
    return Operand.set(Arrays.asList(values)).not();
  }

  /** {@code @name}: a named set. */
  public static Operand ref(String set) {
    return Operand.ref(set);
  }

  /** {@code != operand}. */
  public static Operand not(Operand operand) {
    return operand.not();
  }

  /** {@code a,b,c}: a list of flags (ct state, ct status, tcp flags), matched if any is set. */
  public static Operand flags(NftSymbol... flags) {
    return Operand.flags(Arrays.asList(flags));
  }

  /** One value of a concatenated key: {@code tuple("10.0.0.1", 22)} is {@code 10.0.0.1 . 22}. */
  public static Tuple tuple(Object... values) {
    return Tuple.of(values);
  }

  // ============================================================================ rule starters

  /** IPv4 header context; alone, {@code meta nfproto ipv4}. */
  public static RuleExpr ip() {
    return RuleExpr.EMPTY.ip();
  }

  /** IPv6 header context; alone, {@code meta nfproto ipv6}. */
  public static RuleExpr ip6() {
    return RuleExpr.EMPTY.ip6();
  }

  /** TCP header context; alone, {@code meta l4proto tcp} (IPv4 and IPv6 in inet tables). */
  public static RuleExpr tcp() {
    return RuleExpr.EMPTY.tcp();
  }

  public static RuleExpr udp() {
    return RuleExpr.EMPTY.udp();
  }

  public static RuleExpr udplite() {
    return RuleExpr.EMPTY.udplite();
  }

  public static RuleExpr sctp() {
    return RuleExpr.EMPTY.sctp();
  }

  public static RuleExpr dccp() {
    return RuleExpr.EMPTY.dccp();
  }

  public static RuleExpr icmp() {
    return RuleExpr.EMPTY.icmp();
  }

  /** ICMPv6 header context; alone, {@code meta l4proto ipv6-icmp}. */
  public static RuleExpr icmpv6() {
    return RuleExpr.EMPTY.icmpv6();
  }

  public static RuleExpr igmp() {
    return RuleExpr.EMPTY.igmp();
  }

  public static RuleExpr ah() {
    return RuleExpr.EMPTY.ah();
  }

  public static RuleExpr esp() {
    return RuleExpr.EMPTY.esp();
  }

  public static RuleExpr comp() {
    return RuleExpr.EMPTY.comp();
  }

  /**
   * GRE packets: {@code meta l4proto gre}. nft 1.0.6 has no GRE header fields, so field methods
   * after it ({@link RuleExpr#greVersion}, …) throw {@link UnsupportedFeatureException}.
   */
  public static RuleExpr gre() {
    return RuleExpr.EMPTY.gre();
  }

  /** Ethernet header context (bridge, netdev, and inet/ip input paths). */
  public static RuleExpr ether() {
    return RuleExpr.EMPTY.ether();
  }

  /** 802.1Q header context. */
  public static RuleExpr vlan() {
    return RuleExpr.EMPTY.vlan();
  }

  /** ARP header context (arp tables). */
  public static RuleExpr arp() {
    return RuleExpr.EMPTY.arp();
  }

  /** The transport header, whatever the protocol: {@code th dport 53} after {@code l4proto(oneOf("tcp","udp"))}. */
  public static RuleExpr th() {
    return RuleExpr.EMPTY.th();
  }

  /**
   * The seed's {@code protocol(:tcp)}: {@code meta l4proto NAME} (IPv4 and IPv6), and the header
   * context for the following fields if it is one nft knows.
   */
  public static RuleExpr protocol(String name) {
    return RuleExpr.EMPTY.protocol(name);
  }

  /** {@code KEY VALUE}: any key, any operand ({@code match(Key.fib(TYPE, DADDR), "local")}). */
  public static RuleExpr match(Key key, Object value) {
    return RuleExpr.EMPTY.match(key, value);
  }

  /** {@code KEY exists}: a TCP/IP option, an extension header, a fib result. */
  public static RuleExpr exists(Key key) {
    return RuleExpr.EMPTY.exists(key);
  }

  /** {@code KEY missing}. */
  public static RuleExpr missing(Key key) {
    return RuleExpr.EMPTY.missing(key);
  }

  /** The current header's field: {@code tcp().field("window", gt(1000))}. */
  public static RuleExpr field(String name, Object value) {
    return RuleExpr.EMPTY.field(name, value);
  }

  /** Any header field, whatever the context: {@code payload("udp", "length", 20)}. */
  public static RuleExpr payload(String protocol, String field, Object value) {
    return RuleExpr.EMPTY.payload(protocol, field, value);
  }

  /** {@code meta KEY VALUE}. */
  public static RuleExpr meta(String key, Object value) {
    return RuleExpr.EMPTY.meta(key, value);
  }

  /** {@code ct KEY VALUE}. */
  public static RuleExpr ct(String key, Object value) {
    return RuleExpr.EMPTY.ct(key, value);
  }

  /** {@code ct original|reply KEY VALUE}. */
  public static RuleExpr ct(CtDirection dir, String key, Object value) {
    return RuleExpr.EMPTY.ct(dir, key, value);
  }

  /** Source address of the current header (ip, ip6, ether, arp): {@code ip().saddr("10.0.0.0/8")}. */
  public static RuleExpr saddr(String address) {
    return RuleExpr.EMPTY.saddr(address);
  }

  public static RuleExpr saddr(Operand operand) {
    return RuleExpr.EMPTY.saddr(operand);
  }

  public static RuleExpr daddr(String address) {
    return RuleExpr.EMPTY.daddr(address);
  }

  public static RuleExpr daddr(Operand operand) {
    return RuleExpr.EMPTY.daddr(operand);
  }

  /**
   * The seed's {@code source_ip}: {@code ip saddr} or {@code ip6 saddr}, chosen by the address
   * text (an IPv6 address contains ':'); a prefix ({@code "10.0.0.0/8"}) or a range
   * ({@code "10.0.0.1-10.0.0.9"}) is allowed. Unlike the seed, text of 4 or 16 characters is
   * never read as raw bytes.
   */
  public static RuleExpr sourceIp(String address) {
    return RuleExpr.EMPTY.sourceIp(address);
  }

  public static RuleExpr destIp(String address) {
    return RuleExpr.EMPTY.destIp(address);
  }

  /** Alias of {@link RuleExpr#sourceIp(String)}. */
  public static RuleExpr source(String address) {
    return RuleExpr.EMPTY.source(address);
  }

  /** Alias of {@link RuleExpr#destIp(String)}. */
  public static RuleExpr dest(String address) {
    return RuleExpr.EMPTY.dest(address);
  }

  /** {@code ip ttl}. */
  public static RuleExpr ttl(int ttl) {
    return RuleExpr.EMPTY.ttl(ttl);
  }

  /** {@code ip ttl < 64} as {@code ttl(lt(64))}. */
  public static RuleExpr ttl(Operand operand) {
    return RuleExpr.EMPTY.ttl(operand);
  }

  /** {@code ip6 hoplimit}. */
  public static RuleExpr hoplimit(int hoplimit) {
    return RuleExpr.EMPTY.hoplimit(hoplimit);
  }

  public static RuleExpr hoplimit(Operand operand) {
    return RuleExpr.EMPTY.hoplimit(operand);
  }

  /** {@code ip dscp} (or {@code ip6 dscp} in an ip6 context): 0..63. */
  public static RuleExpr dscp(int dscp) {
    return RuleExpr.EMPTY.dscp(dscp);
  }

  public static RuleExpr dscp(Dscp dscp) {
    return RuleExpr.EMPTY.dscp(dscp);
  }

  public static RuleExpr dscp(Operand operand) {
    return RuleExpr.EMPTY.dscp(operand);
  }

  /** The seed's {@code fragmented(true)}: {@code ip frag-off & 0x1fff != 0}; false: {@code == 0}. */
  public static RuleExpr fragmented(boolean fragmented) {
    return RuleExpr.EMPTY.fragmented(fragmented);
  }

  /** {@code ip protocol}: the IPv4 header's protocol field (prefer {@link RuleExpr#protocol(String)}). */
  public static RuleExpr ipProtocol(Object value) {
    return RuleExpr.EMPTY.ipProtocol(value);
  }

  /** {@code ip6 nexthdr}. */
  public static RuleExpr nexthdr(Object value) {
    return RuleExpr.EMPTY.nexthdr(value);
  }

  /** {@code ip6 flowlabel}. */
  public static RuleExpr flowlabel(Object value) {
    return RuleExpr.EMPTY.flowlabel(value);
  }

  /** Destination port of the current transport header: {@code tcp().dport(22)}. */
  public static RuleExpr dport(int port) {
    return RuleExpr.EMPTY.dport(port);
  }

  /** {@code tcp().dport(range(8000, 9000))}, {@code dport(oneOf(80, 443))}, {@code dport(ref("web"))}. */
  public static RuleExpr dport(Operand operand) {
    return RuleExpr.EMPTY.dport(operand);
  }

  public static RuleExpr sport(int port) {
    return RuleExpr.EMPTY.sport(port);
  }

  public static RuleExpr sport(Operand operand) {
    return RuleExpr.EMPTY.sport(operand);
  }

  /** Alias of {@link RuleExpr#dport(int)} (seed). */
  public static RuleExpr dstPort(int port) {
    return RuleExpr.EMPTY.dstPort(port);
  }

  public static RuleExpr dstPort(Operand operand) {
    return RuleExpr.EMPTY.dstPort(operand);
  }

  /** Alias of {@link RuleExpr#sport(int)} (seed). */
  public static RuleExpr srcPort(int port) {
    return RuleExpr.EMPTY.srcPort(port);
  }

  public static RuleExpr srcPort(Operand operand) {
    return RuleExpr.EMPTY.srcPort(operand);
  }

  /** Alias of {@link RuleExpr#dport(int)} (seed). */
  public static RuleExpr port(int port) {
    return RuleExpr.EMPTY.port(port);
  }

  public static RuleExpr port(Operand operand) {
    return RuleExpr.EMPTY.port(operand);
  }

  /** {@code tcp flags syn}: any of these flags set (nft's implicit flag test). */
  public static RuleExpr tcpFlags(TcpFlag... flags) {
    return RuleExpr.EMPTY.tcpFlags(flags);
  }

  /** The seed's {@code tcp_flags(flags, mask)}: {@code tcp flags & (mask) == flags}, e.g. SYN without ACK. */
  public static RuleExpr tcpFlags(List<TcpFlag> flags, List<TcpFlag> mask) {
    return RuleExpr.EMPTY.tcpFlags(flags, mask);
  }

  /** {@code tcp flags & (mask) != flags}. */
  public static RuleExpr tcpFlagsNot(List<TcpFlag> flags, List<TcpFlag> mask) {
    return RuleExpr.EMPTY.tcpFlagsNot(flags, mask);
  }

  /** {@code icmp type echo-request} (seed {@code icmp_type}). */
  public static RuleExpr icmpType(IcmpType type) {
    return RuleExpr.EMPTY.icmpType(type);
  }

  public static RuleExpr icmpType(Operand operand) {
    return RuleExpr.EMPTY.icmpType(operand);
  }

  /** {@code icmp code N}. */
  public static RuleExpr icmpCode(int code) {
    return RuleExpr.EMPTY.icmpCode(code);
  }

  public static RuleExpr icmpv6Type(Icmpv6Type type) {
    return RuleExpr.EMPTY.icmpv6Type(type);
  }

  public static RuleExpr icmpv6Type(Operand operand) {
    return RuleExpr.EMPTY.icmpv6Type(operand);
  }

  public static RuleExpr icmpv6Code(int code) {
    return RuleExpr.EMPTY.icmpv6Code(code);
  }

  /** {@code type} of the current header (icmp, icmpv6, dccp, ether, vlan). */
  public static RuleExpr type(Object value) {
    return RuleExpr.EMPTY.type(value);
  }

  /** {@code code} of the current header (icmp, icmpv6). */
  public static RuleExpr code(Object value) {
    return RuleExpr.EMPTY.code(value);
  }

  /** {@code ah spi N}; the seed's {@code ah_spi(:any)} is {@code ahSpi(ge(0))}. */
  public static RuleExpr ahSpi(long spi) {
    return RuleExpr.EMPTY.ahSpi(spi);
  }

  public static RuleExpr ahSpi(Operand operand) {
    return RuleExpr.EMPTY.ahSpi(operand);
  }

  public static RuleExpr espSpi(long spi) {
    return RuleExpr.EMPTY.espSpi(spi);
  }

  public static RuleExpr espSpi(Operand operand) {
    return RuleExpr.EMPTY.espSpi(operand);
  }

  /** {@code sctp vtag}. */
  public static RuleExpr vtag(long vtag) {
    return RuleExpr.EMPTY.vtag(vtag);
  }

  /** Not supported by nft 1.0.6: always throws {@link UnsupportedFeatureException} saying why. */
  public static RuleExpr greVersion(int version) {
    return RuleExpr.EMPTY.greVersion(version);
  }

  /** Not supported by nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public static RuleExpr greKey(long key) {
    return RuleExpr.EMPTY.greKey(key);
  }

  /** Not supported by nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public static RuleExpr greFlags(int flags) {
    return RuleExpr.EMPTY.greFlags(flags);
  }

  /** {@code ether saddr}. */
  public static RuleExpr sourceMac(String mac) {
    return RuleExpr.EMPTY.sourceMac(mac);
  }

  public static RuleExpr destMac(String mac) {
    return RuleExpr.EMPTY.destMac(mac);
  }

  /** {@code vlan id} 0..4095. */
  public static RuleExpr vlanId(int id) {
    return RuleExpr.EMPTY.vlanId(id);
  }

  public static RuleExpr vlanId(Operand operand) {
    return RuleExpr.EMPTY.vlanId(operand);
  }

  /** {@code vlan pcp} 0..7. */
  public static RuleExpr vlanPcp(int pcp) {
    return RuleExpr.EMPTY.vlanPcp(pcp);
  }

  /** {@code ether type}. */
  public static RuleExpr etherType(String type) {
    return RuleExpr.EMPTY.etherType(type);
  }

  /** {@code arp operation request|reply|…} (arp tables). */
  public static RuleExpr arpOperation(ArpOperation operation) {
    return RuleExpr.EMPTY.arpOperation(operation);
  }

  public static RuleExpr arpOperation(int operation) {
    return RuleExpr.EMPTY.arpOperation(operation);
  }

  /** {@code iifname "eth0"}; a trailing {@code *} is a wildcard ({@code "eth*"}). */
  public static RuleExpr iifname(String name) {
    return RuleExpr.EMPTY.iifname(name);
  }

  public static RuleExpr iifname(Operand operand) {
    return RuleExpr.EMPTY.iifname(operand);
  }

  public static RuleExpr oifname(String name) {
    return RuleExpr.EMPTY.oifname(name);
  }

  public static RuleExpr oifname(Operand operand) {
    return RuleExpr.EMPTY.oifname(operand);
  }

  /**
   * {@code iif "lo"}: the input interface by index, resolved when the rule is loaded (the interface
   * must exist). The seed's {@code iif} matched by name: that is {@link RuleExpr#iifname(String)}.
   */
  public static RuleExpr iif(String name) {
    return RuleExpr.EMPTY.iif(name);
  }

  public static RuleExpr oif(String name) {
    return RuleExpr.EMPTY.oif(name);
  }

  /** {@code meta mark N}. */
  public static RuleExpr mark(long mark) {
    return RuleExpr.EMPTY.mark(mark);
  }

  public static RuleExpr mark(Operand operand) {
    return RuleExpr.EMPTY.mark(operand);
  }

  /** {@code meta mark & mask == value}. */
  public static RuleExpr mark(long mask, long value) {
    return RuleExpr.EMPTY.mark(mask, value);
  }

  /** {@code meta l4proto}: {@code l4proto(oneOf("tcp", "udp"))}. */
  public static RuleExpr l4proto(Object value) {
    return RuleExpr.EMPTY.l4proto(value);
  }

  /** {@code meta nfproto ipv4|ipv6}. */
  public static RuleExpr nfproto(String value) {
    return RuleExpr.EMPTY.nfproto(value);
  }

  /** {@code meta protocol} (the link layer protocol, e.g. {@code ip}, {@code arp}). */
  public static RuleExpr metaProtocol(String value) {
    return RuleExpr.EMPTY.metaProtocol(value);
  }

  public static RuleExpr pkttype(PktType type) {
    return RuleExpr.EMPTY.pkttype(type);
  }

  public static RuleExpr pkttype(Operand operand) {
    return RuleExpr.EMPTY.pkttype(operand);
  }

  /** {@code meta priority "1:2"} (a tc class id, major:minor). */
  public static RuleExpr priority(String classid) {
    return RuleExpr.EMPTY.priority(classid);
  }

  /** {@code meta length}: the packet length; {@code length(gt(1000))}. */
  public static RuleExpr length(long length) {
    return RuleExpr.EMPTY.length(length);
  }

  public static RuleExpr length(Operand operand) {
    return RuleExpr.EMPTY.length(operand);
  }

  /** {@code meta skuid}: the local socket's user (output path). */
  public static RuleExpr skuid(long uid) {
    return RuleExpr.EMPTY.skuid(uid);
  }

  public static RuleExpr skgid(long gid) {
    return RuleExpr.EMPTY.skgid(gid);
  }

  public static RuleExpr cgroup(long cgroup) {
    return RuleExpr.EMPTY.cgroup(cgroup);
  }

  /** {@code meta cpu}. */
  public static RuleExpr cpu(long cpu) {
    return RuleExpr.EMPTY.cpu(cpu);
  }

  /** {@code meta day "Monday"}. */
  public static RuleExpr day(String day) {
    return RuleExpr.EMPTY.day(day);
  }

  /** {@code meta hour "10:00"-"12:00"} as {@code hour(range("10:00", "12:00"))}. */
  public static RuleExpr hour(Operand operand) {
    return RuleExpr.EMPTY.hour(operand);
  }

  /** {@code ct state established,related}. */
  public static RuleExpr ctState(CtState... states) {
    return RuleExpr.EMPTY.ctState(states);
  }

  /** {@code ct state} with any operand: {@code ctState(oneOf(NEW, UNTRACKED))} is a set lookup. */
  public static RuleExpr ctState(Operand operand) {
    return RuleExpr.EMPTY.ctState(operand);
  }

  /** Alias of {@link RuleExpr#ctState(CtState...)} (seed). */
  public static RuleExpr state(CtState... states) {
    return RuleExpr.EMPTY.state(states);
  }

  public static RuleExpr ctStatus(CtStatus... status) {
    return RuleExpr.EMPTY.ctStatus(status);
  }

  public static RuleExpr ctDirection(CtDirection direction) {
    return RuleExpr.EMPTY.ctDirection(direction);
  }

  /** {@code ct mark N}. */
  public static RuleExpr ctMark(long mark) {
    return RuleExpr.EMPTY.ctMark(mark);
  }

  public static RuleExpr ctMark(Operand operand) {
    return RuleExpr.EMPTY.ctMark(operand);
  }

  /** Alias of {@link RuleExpr#ctMark(long)} (seed). */
  public static RuleExpr connmark(long mark) {
    return RuleExpr.EMPTY.connmark(mark);
  }

  /** {@code ct label N}: whether label bit N (0..127) is set. */
  public static RuleExpr ctLabel(int bit) {
    return RuleExpr.EMPTY.ctLabel(bit);
  }

  public static RuleExpr ctZone(int zone) {
    return RuleExpr.EMPTY.ctZone(zone);
  }

  /** {@code ct helper "ftp"}: connections a helper of this name is assigned to. */
  public static RuleExpr ctHelper(String helper) {
    return RuleExpr.EMPTY.ctHelper(helper);
  }

  /** {@code ct bytes > N} as {@code ctBytes(gt(n))}. */
  public static RuleExpr ctBytes(Operand operand) {
    return RuleExpr.EMPTY.ctBytes(operand);
  }

  public static RuleExpr ctPackets(Operand operand) {
    return RuleExpr.EMPTY.ctPackets(operand);
  }

  /** {@code ct expiration} in seconds. */
  public static RuleExpr ctExpiration(Operand operand) {
    return RuleExpr.EMPTY.ctExpiration(operand);
  }

  /** {@code ct original ip saddr} or {@code ip6 saddr}, chosen by the address. */
  public static RuleExpr ctOriginalSaddr(String address) {
    return RuleExpr.EMPTY.ctOriginalSaddr(address);
  }

  public static RuleExpr ctOriginalDaddr(String address) {
    return RuleExpr.EMPTY.ctOriginalDaddr(address);
  }

  public static RuleExpr ctReplySaddr(String address) {
    return RuleExpr.EMPTY.ctReplySaddr(address);
  }

  public static RuleExpr ctReplyDaddr(String address) {
    return RuleExpr.EMPTY.ctReplyDaddr(address);
  }

  /** {@code ct count N}: at most N connections (matches while the count is ≤ N). */
  public static RuleExpr ctCount(long connections) {
    return RuleExpr.EMPTY.ctCount(connections);
  }

  /** {@code ct count over N}: more than N connections. */
  public static RuleExpr ctCountOver(long connections) {
    return RuleExpr.EMPTY.ctCountOver(connections);
  }

  /**
   * The seed's {@code limit_connections(n)} ("at most n concurrent connections", followed by a
   * drop): {@code ct count over n}. The seed's JSON ({@code ct count == n}) is rejected by nft.
   */
  public static RuleExpr limitConnections(long connections) {
    return RuleExpr.EMPTY.limitConnections(connections);
  }

  /** {@code socket transparent 1}: a transparent socket exists for the packet. */
  public static RuleExpr socketTransparent() {
    return RuleExpr.EMPTY.socketTransparent();
  }

  /** {@code socket mark N}. */
  public static RuleExpr socketMark(long mark) {
    return RuleExpr.EMPTY.socketMark(mark);
  }

  /** {@code osf name "Linux"}; needs the pf.os database ({@code nfnl_osf -f /usr/share/pf.os}). */
  public static RuleExpr osfName(String name) {
    return RuleExpr.EMPTY.osfName(name);
  }

  /** {@code osf ttl loose|skip name "Linux"}; nft 1.0.6 has no {@code strict} (it is the default). */
  public static RuleExpr osfName(String name, OsfTtl ttl) {
    return RuleExpr.EMPTY.osfName(name, ttl);
  }

  public static RuleExpr osfVersion(String version) {
    return RuleExpr.EMPTY.osfVersion(version);
  }

  public static RuleExpr osfVersion(String version, OsfTtl ttl) {
    return RuleExpr.EMPTY.osfVersion(version, ttl);
  }

  /** {@code fib FLAGS RESULT VALUE}: {@code fib(FibResult.TYPE, "local", FibFlag.DADDR)}. */
  public static RuleExpr fib(FibResult result, Object value, FibFlag... flags) {
    return RuleExpr.EMPTY.fib(result, value, flags);
  }

  /** {@code rt mtu N}. */
  public static RuleExpr rtMtu(Operand operand) {
    return RuleExpr.EMPTY.rtMtu(operand);
  }

  /** {@code tcp option NAME exists}. */
  public static RuleExpr tcpOption(String name) {
    return RuleExpr.EMPTY.tcpOption(name);
  }

  /** {@code tcp option NAME FIELD VALUE}: {@code tcpOption("maxseg", "size", gt(1400))}. */
  public static RuleExpr tcpOption(String name, String field, Object value) {
    return RuleExpr.EMPTY.tcpOption(name, field, value);
  }

  /** {@code KEY @set}: the key is in the named set (the seed's {@code set/3}, {@code in_set}). */
  public static RuleExpr inSet(String set, Key key) {
    return RuleExpr.EMPTY.inSet(set, key);
  }

  /** {@code KEY != @set}. */
  public static RuleExpr notInSet(String set, Key key) {
    return RuleExpr.EMPTY.notInSet(set, key);
  }

  /**
   * The seed's {@code set(name, :saddr|:daddr|:sport|:dport)}: the address field of the current
   * (or the expression's family's) IP header, or the port of the current transport header.
   */
  public static RuleExpr inSet(String set, String field) {
    return RuleExpr.EMPTY.inSet(set, field);
  }

  /**
   * {@code @base,offset,length VALUE} (offset and length in bits). A String value is matched as its
   * bytes (ASCII), like the seed: {@code payloadRaw(IH, 0, 32, "GET ")}.
   */
  public static RuleExpr payloadRaw(PayloadBase base, int offset, int length, Object value) {
    return RuleExpr.EMPTY.payloadRaw(base, offset, length, value);
  }

  /** {@code @base,offset,length & mask == value}. */
  public static RuleExpr payloadRawMasked(PayloadBase base, int offset, int length, long mask, long value) {
    return RuleExpr.EMPTY.payloadRawMasked(base, offset, length, mask, value);
  }

  /** {@code counter}: an anonymous counter. */
  public static RuleExpr counter() {
    return RuleExpr.EMPTY.counter();
  }

  /** {@code counter name "http"}: a named counter of the table (the README's {@code counter_ref}). */
  public static RuleExpr counterRef(String name) {
    return RuleExpr.EMPTY.counterRef(name);
  }

  /** {@code quota name "monthly"}. */
  public static RuleExpr quotaRef(String name) {
    return RuleExpr.EMPTY.quotaRef(name);
  }

  /** {@code limit name "ssh"}. */
  public static RuleExpr limitRef(String name) {
    return RuleExpr.EMPTY.limitRef(name);
  }

  /** {@code log}. */
  public static RuleExpr log() {
    return RuleExpr.EMPTY.log();
  }

  /** {@code log prefix "..."} (at most 127 bytes). */
  public static RuleExpr log(String prefix) {
    return RuleExpr.EMPTY.log(prefix);
  }

  /** {@code log prefix "..." level info}. */
  public static RuleExpr log(String prefix, LogLevel level) {
    return RuleExpr.EMPTY.log(prefix, level);
  }

  /** {@code log prefix "..." level L flags F}; {@code prefix} may be null. */
  public static RuleExpr log(@Nullable String prefix, LogLevel level, LogFlag... flags) {
    return RuleExpr.EMPTY.log(prefix, level, flags);
  }

  /** {@code log group N prefix "..."}: to nflog group N (userspace, e.g. ulogd). */
  public static RuleExpr logGroup(int group, @Nullable String prefix) {
    return RuleExpr.EMPTY.logGroup(group, prefix);
  }

  /** {@code limit rate N/unit}: packets. */
  public static RuleExpr limit(long rate, Per per) {
    return RuleExpr.EMPTY.limit(rate, per);
  }

  /** {@code limit rate N/unit burst B packets}. */
  public static RuleExpr limit(long rate, Per per, long burst) {
    return RuleExpr.EMPTY.limit(rate, per, burst);
  }

  /** {@code limit rate over N/unit}: matches above the rate. */
  public static RuleExpr limitOver(long rate, Per per) {
    return RuleExpr.EMPTY.limitOver(rate, per);
  }

  public static RuleExpr limitOver(long rate, Per per, long burst) {
    return RuleExpr.EMPTY.limitOver(rate, per, burst);
  }

  /** {@code limit rate N mbytes/second}: bytes. */
  public static RuleExpr limitBytes(long rate, ByteUnit unit, Per per) {
    return RuleExpr.EMPTY.limitBytes(rate, unit, per);
  }

  /** {@code limit rate [over] N unit/per burst B bunit}. */
  public static RuleExpr limitBytes(boolean over, long rate, ByteUnit unit, Per per, long burst, ByteUnit burstUnit) {
    return RuleExpr.EMPTY.limitBytes(over, rate, unit, per, burst, burstUnit);
  }

  /** Alias of {@link RuleExpr#limit(long, Per)} (seed). */
  public static RuleExpr rateLimit(long rate, Per per) {
    return RuleExpr.EMPTY.rateLimit(rate, per);
  }

  public static RuleExpr rateLimit(long rate, Per per, long burst) {
    return RuleExpr.EMPTY.rateLimit(rate, per, burst);
  }

  /** {@code quota N unit}: matches until N bytes passed. */
  public static RuleExpr quota(long value, ByteUnit unit) {
    return RuleExpr.EMPTY.quota(value, unit);
  }

  /** {@code quota over N unit}: matches once N bytes passed. */
  public static RuleExpr quotaOver(long value, ByteUnit unit) {
    return RuleExpr.EMPTY.quotaOver(value, unit);
  }

  /** {@code KEY set VALUE}: any settable key ({@code set(Key.meta("priority"), "1:2")}). */
  public static RuleExpr set(Key key, Object value) {
    return RuleExpr.EMPTY.set(key, value);
  }

  /** {@code meta mark set N}. */
  public static RuleExpr setMark(long mark) {
    return RuleExpr.EMPTY.setMark(mark);
  }

  /** {@code meta mark set KEY}, e.g. {@code setMark(Key.ctMark())} or a numgen/hash/map. */
  public static RuleExpr setMark(Key value) {
    return RuleExpr.EMPTY.setMark(value);
  }

  /** {@code meta mark set ct mark}: restore the connection's mark onto the packet. */
  public static RuleExpr restoreMark() {
    return RuleExpr.EMPTY.restoreMark();
  }

  /** {@code ct mark set meta mark}: save the packet's mark on the connection. */
  public static RuleExpr saveMark() {
    return RuleExpr.EMPTY.saveMark();
  }

  /** {@code ct mark set N} (the seed's {@code set_connmark}, whose JSON nft rejected). */
  public static RuleExpr setCtMark(long mark) {
    return RuleExpr.EMPTY.setCtMark(mark);
  }

  public static RuleExpr setCtMark(Key value) {
    return RuleExpr.EMPTY.setCtMark(value);
  }

  /** Alias of {@link RuleExpr#setCtMark(long)} (seed). */
  public static RuleExpr setConnmark(long mark) {
    return RuleExpr.EMPTY.setConnmark(mark);
  }

  /** {@code ct label set N}: sets label bit N (0..127). */
  public static RuleExpr setCtLabel(int bit) {
    return RuleExpr.EMPTY.setCtLabel(bit);
  }

  /** {@code ct zone set N}. */
  public static RuleExpr setCtZone(int zone) {
    return RuleExpr.EMPTY.setCtZone(zone);
  }

  public static RuleExpr setCtZone(Key value) {
    return RuleExpr.EMPTY.setCtZone(value);
  }

  /** {@code ct event set new,related}. */
  public static RuleExpr setCtEvent(CtEvent... events) {
    return RuleExpr.EMPTY.setCtEvent(events);
  }

  /** {@code ct helper set "name"}: assigns the table's ct helper object {@code name}. */
  public static RuleExpr setCtHelper(String helper) {
    return RuleExpr.EMPTY.setCtHelper(helper);
  }

  /** {@code ct timeout set "name"}: assigns the table's ct timeout object. */
  public static RuleExpr setCtTimeout(String timeout) {
    return RuleExpr.EMPTY.setCtTimeout(timeout);
  }

  /** {@code ct expectation set "name"}: assigns the table's ct expectation object. */
  public static RuleExpr setCtExpectation(String expectation) {
    return RuleExpr.EMPTY.setCtExpectation(expectation);
  }

  /** {@code meta secmark set "name"}: the table's secmark object (needs SELinux). */
  public static RuleExpr setSecmark(String secmark) {
    return RuleExpr.EMPTY.setSecmark(secmark);
  }

  /** {@code meta priority set "1:2"}. */
  public static RuleExpr setPriority(String classid) {
    return RuleExpr.EMPTY.setPriority(classid);
  }

  /** {@code meta nftrace set 1}: trace the packet ({@code nft monitor trace}). */
  public static RuleExpr setNftrace(boolean on) {
    return RuleExpr.EMPTY.setNftrace(on);
  }

  /** {@code ip dscp set N} (or {@code ip6 dscp set} in an ip6 context). */
  public static RuleExpr setDscp(int dscp) {
    return RuleExpr.EMPTY.setDscp(dscp);
  }

  /** {@code ip dscp set ef}. */
  public static RuleExpr setDscp(Dscp dscp) {
    return RuleExpr.EMPTY.setDscp(dscp);
  }

  /** {@code ip ttl set N}. */
  public static RuleExpr setTtl(int ttl) {
    return RuleExpr.EMPTY.setTtl(ttl);
  }

  /** {@code ip6 hoplimit set N}. */
  public static RuleExpr setHoplimit(int hoplimit) {
    return RuleExpr.EMPTY.setHoplimit(hoplimit);
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException} saying why. */
  public static RuleExpr incrementTtl() {
    return RuleExpr.EMPTY.incrementTtl();
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public static RuleExpr decrementTtl() {
    return RuleExpr.EMPTY.decrementTtl();
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public static RuleExpr incrementHoplimit() {
    return RuleExpr.EMPTY.incrementHoplimit();
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public static RuleExpr decrementHoplimit() {
    return RuleExpr.EMPTY.decrementHoplimit();
  }

  /** {@code tcp option maxseg size set N} (clamp the MSS; usually after {@code tcpFlags(SYN)}). */
  public static RuleExpr setTcpMss(int mss) {
    return RuleExpr.EMPTY.setTcpMss(mss);
  }

  /** {@code tcp option maxseg size set rt mtu}: clamp the MSS to the route's path MTU (the seed's {@code set_tcp_mss(:pmtu)}). */
  public static RuleExpr setTcpMssToPmtu() {
    return RuleExpr.EMPTY.setTcpMssToPmtu();
  }

  /** {@code notrack}: no connection tracking for the packet (use in a prerouting/output chain of priority raw, -300). */
  public static RuleExpr notrack() {
    return RuleExpr.EMPTY.notrack();
  }

  /** {@code dup to ADDRESS}: a copy of the packet to this gateway (ip/ip6/inet tables). */
  public static RuleExpr dupTo(String address) {
    return RuleExpr.EMPTY.dupTo(address);
  }

  /** {@code dup to ADDRESS device "IF"}. */
  public static RuleExpr dupTo(String address, String device) {
    return RuleExpr.EMPTY.dupTo(address, device);
  }

  /**
   * {@code dup to "IF"}: a copy of the packet out of this interface (netdev tables). The seed's
   * {@code duplicate_to(iface)} sent {@code {"dup":{"device":…}}}, which nft rejects; nft 1.0.6
   * takes the device as {@code addr}.
   */
  public static RuleExpr dupToDevice(String device) {
    return RuleExpr.EMPTY.dupToDevice(device);
  }

  /** Alias of {@link RuleExpr#dupToDevice(String)} (seed). */
  public static RuleExpr duplicateTo(String device) {
    return RuleExpr.EMPTY.duplicateTo(device);
  }

  /** {@code synproxy}: answer SYNs with SYN cookies (after {@code ct state invalid,untracked}). */
  public static RuleExpr synproxy() {
    return RuleExpr.EMPTY.synproxy();
  }

  /** {@code synproxy mss M wscale W [timestamp] [sack-perm]}. */
  public static RuleExpr synproxy(int mss, int wscale, SynproxyFlag... flags) {
    return RuleExpr.EMPTY.synproxy(mss, wscale, flags);
  }

  /** {@code synproxy name "obj"}: a named synproxy object of the table. */
  public static RuleExpr synproxyRef(String name) {
    return RuleExpr.EMPTY.synproxyRef(name);
  }

  /** {@code flow add @ft}: offload the connection to the flowtable (the seed's {@code flow_offload(table:)}). */
  public static RuleExpr flowOffload(String flowtable) {
    return RuleExpr.EMPTY.flowOffload(flowtable);
  }

  /** {@code tproxy to :PORT}: to a local socket on this port (after a tcp/udp match). */
  public static RuleExpr tproxy(int port) {
    return RuleExpr.EMPTY.tproxy(port);
  }

  /** {@code tproxy ip|ip6 to ADDRESS:PORT}; in inet tables the family comes from the address. */
  public static RuleExpr tproxy(String address, int port) {
    return RuleExpr.EMPTY.tproxy(address, port);
  }

  /** {@code tproxy ip|ip6 to ADDRESS}. */
  public static RuleExpr tproxy(String address) {
    return RuleExpr.EMPTY.tproxy(address);
  }

  /**
   * {@code update @set { KEY [statements] }}: add or refresh the key in a dynamic set and run the
   * inner statements per key (a meter): {@code update("ssh", Key.ipSaddr(), expr().limit(3, MINUTE))}.
   * The set needs the {@code timeout} flag or a size (nft 1.0.6's JSON has no "dynamic" flag).
   */
  public static RuleExpr update(String set, Key key, RuleExpr statements) {
    return RuleExpr.EMPTY.update(set, key, statements);
  }

  /** {@code update @set { KEY }}. */
  public static RuleExpr update(String set, Key key) {
    return RuleExpr.EMPTY.update(set, key);
  }

  /** {@code add @set { KEY [timeout T] [statements] }}: add the key if it is absent. */
  public static RuleExpr addToSet(String set, Key key, @Nullable Duration timeout, RuleExpr statements) {
    return RuleExpr.EMPTY.addToSet(set, key, timeout, statements);
  }

  /** {@code add @set { KEY }}. */
  public static RuleExpr addToSet(String set, Key key) {
    return RuleExpr.EMPTY.addToSet(set, key);
  }

  /** The seed's {@code meter_update(key, set, rate, per, burst:)}: {@code update @set { KEY limit rate … }}. */
  public static RuleExpr meterUpdate(Key key, String set, long rate, Per per) {
    return RuleExpr.EMPTY.meterUpdate(key, set, rate, per);
  }

  public static RuleExpr meterUpdate(Key key, String set, long rate, Per per, long burst) {
    return RuleExpr.EMPTY.meterUpdate(key, set, rate, per, burst);
  }

  /** The seed's {@code meter_add}: {@code add @set { KEY limit rate … }}. */
  public static RuleExpr meterAdd(Key key, String set, long rate, Per per) {
    return RuleExpr.EMPTY.meterAdd(key, set, rate, per);
  }

  public static RuleExpr meterAdd(Key key, String set, long rate, Per per, long burst) {
    return RuleExpr.EMPTY.meterAdd(key, set, rate, per, burst);
  }

  /**
   * nft's own meter statement: {@code meter NAME [size N] { KEY STATEMENT }}, which creates the
   * dynamic set itself.
   */
  public static RuleExpr meter(String name, @Nullable Long size, Key key, RuleExpr statement) {
    return RuleExpr.EMPTY.meter(name, size, key, statement);
  }

  public static TerminalExpr accept() {
    return RuleExpr.EMPTY.accept();
  }

  public static TerminalExpr drop() {
    return RuleExpr.EMPTY.drop();
  }

  /** {@code continue} (Java keyword; jOOQ style trailing underscore). */
  public static TerminalExpr continue_() {
    return RuleExpr.EMPTY.continue_();
  }

  /** {@code return}: back to the calling chain (the seed's {@code return_from_chain}). */
  public static TerminalExpr return_() {
    return RuleExpr.EMPTY.return_();
  }

  /** Alias of {@link RuleExpr#return_()} (seed). */
  public static TerminalExpr returnFromChain() {
    return RuleExpr.EMPTY.returnFromChain();
  }

  /** {@code jump CHAIN}. */
  public static TerminalExpr jump(String chain) {
    return RuleExpr.EMPTY.jump(chain);
  }

  /** {@code goto CHAIN} (Java keyword; jOOQ style trailing underscore). */
  public static TerminalExpr goto_(String chain) {
    return RuleExpr.EMPTY.goto_(chain);
  }

  /** {@code reject}: nft's default answer for the family. */
  public static TerminalExpr reject() {
    return RuleExpr.EMPTY.reject();
  }

  /** {@code reject with …}: {@code reject(RejectWith.TCP_RESET)}. */
  public static TerminalExpr reject(RejectWith with) {
    return RuleExpr.EMPTY.reject(with);
  }

  /** {@code queue num N}: to a userspace program (nfnetlink_queue). */
  public static TerminalExpr queue(int num) {
    return RuleExpr.EMPTY.queue(num);
  }

  /** {@code queue flags F num N}. */
  public static TerminalExpr queue(int num, QueueFlag... flags) {
    return RuleExpr.EMPTY.queue(num, flags);
  }

  /** {@code queue flags F num FROM-TO} (fanout over a range of queues). */
  public static TerminalExpr queue(int from, int to, QueueFlag... flags) {
    return RuleExpr.EMPTY.queue(from, to, flags);
  }

  /** The seed's {@code queue_to_userspace(num, bypass:, fanout:)}. */
  public static TerminalExpr queueToUserspace(int num, boolean bypass, boolean fanout) {
    return RuleExpr.EMPTY.queueToUserspace(num, bypass, fanout);
  }

  /** {@code KEY vmap @map}: the verdict the named verdict map gives for the key. */
  public static TerminalExpr vmap(Key key, String map) {
    return RuleExpr.EMPTY.vmap(key, map);
  }

  /** {@code KEY vmap { k : verdict, … }}: an anonymous verdict map. */
  public static TerminalExpr vmap(Key key, Map<?, Verdict> entries) {
    return RuleExpr.EMPTY.vmap(key, entries);
  }

  /** The README's {@code dport_map("name")}: {@code tcp dport vmap @name} for the current transport header. */
  public static TerminalExpr dportVmap(String map) {
    return RuleExpr.EMPTY.dportVmap(map);
  }

  /** {@code snat to ADDRESS}; the address may be a prefix or a range {@code a-b}. */
  public static TerminalExpr snat(String address) {
    return RuleExpr.EMPTY.snat(address);
  }

  /** {@code snat to ADDRESS:PORT} (after a tcp/udp match). */
  public static TerminalExpr snat(String address, int port) {
    return RuleExpr.EMPTY.snat(address, port);
  }

  /** {@code snat to ADDRESS:FROM-TO [flags]}. */
  public static TerminalExpr snat(String address, int portFrom, int portTo, NatFlag... flags) {
    return RuleExpr.EMPTY.snat(address, portFrom, portTo, flags);
  }

  /** {@code snat to ADDRESS [flags]}. */
  public static TerminalExpr snat(String address, NatFlag... flags) {
    return RuleExpr.EMPTY.snat(address, flags);
  }

  /** {@code snat to KEY}: an address from a map or a hash ({@code Key.ipSaddr().map("nat")}). */
  public static TerminalExpr snat(Key address, Family addressFamily) {
    return RuleExpr.EMPTY.snat(address, addressFamily);
  }

  public static TerminalExpr dnat(String address) {
    return RuleExpr.EMPTY.dnat(address);
  }

  public static TerminalExpr dnat(String address, int port) {
    return RuleExpr.EMPTY.dnat(address, port);
  }

  public static TerminalExpr dnat(String address, int portFrom, int portTo, NatFlag... flags) {
    return RuleExpr.EMPTY.dnat(address, portFrom, portTo, flags);
  }

  public static TerminalExpr dnat(String address, NatFlag... flags) {
    return RuleExpr.EMPTY.dnat(address, flags);
  }

  /** {@code dnat to KEY}: e.g. {@code dnat(Key.numgen(INC, 2).map(Map.of(0, "10.0.0.1", 1, "10.0.0.2")), IP)}. */
  public static TerminalExpr dnat(Key address, Family addressFamily) {
    return RuleExpr.EMPTY.dnat(address, addressFamily);
  }

  /** Seed alias of {@link RuleExpr#snat(String)}. */
  public static TerminalExpr snatTo(String address) {
    return RuleExpr.EMPTY.snatTo(address);
  }

  /** Seed alias of {@link RuleExpr#snat(String, int)}. */
  public static TerminalExpr snatTo(String address, int port) {
    return RuleExpr.EMPTY.snatTo(address, port);
  }

  public static TerminalExpr dnatTo(String address) {
    return RuleExpr.EMPTY.dnatTo(address);
  }

  public static TerminalExpr dnatTo(String address, int port) {
    return RuleExpr.EMPTY.dnatTo(address, port);
  }

  /** {@code masquerade}. */
  public static TerminalExpr masquerade() {
    return RuleExpr.EMPTY.masquerade();
  }

  /** {@code masquerade random,persistent,…}. */
  public static TerminalExpr masquerade(NatFlag... flags) {
    return RuleExpr.EMPTY.masquerade(flags);
  }

  /** {@code masquerade to :FROM-TO [flags]} (after a tcp/udp match). */
  public static TerminalExpr masquerade(int portFrom, int portTo, NatFlag... flags) {
    return RuleExpr.EMPTY.masquerade(portFrom, portTo, flags);
  }

  /** {@code redirect}: to the local machine, same port. */
  public static TerminalExpr redirect() {
    return RuleExpr.EMPTY.redirect();
  }

  /** {@code redirect to :PORT} (after a tcp/udp match). */
  public static TerminalExpr redirect(int port) {
    return RuleExpr.EMPTY.redirect(port);
  }

  /** {@code redirect to :FROM-TO [flags]}. */
  public static TerminalExpr redirect(int portFrom, int portTo, NatFlag... flags) {
    return RuleExpr.EMPTY.redirect(portFrom, portTo, flags);
  }

  /** Seed alias of {@link RuleExpr#redirect(int)}. */
  public static TerminalExpr redirectTo(int port) {
    return RuleExpr.EMPTY.redirectTo(port);
  }

  /** {@code fwd to "IF"}: send the packet out of this interface (netdev ingress). */
  public static TerminalExpr fwd(String device) {
    return RuleExpr.EMPTY.fwd(device);
  }

  /** {@code fwd ip|ip6 to ADDRESS device "IF"}: forward to a neighbour (netdev ingress). */
  public static TerminalExpr fwd(String address, String device) {
    return RuleExpr.EMPTY.fwd(address, device);
  }
}
