package io.jnftables.policy;

import static io.jnftables.dsl.Expr.destIp;
import static io.jnftables.dsl.Expr.iifname;
import static io.jnftables.dsl.Expr.oifname;
import static io.jnftables.dsl.Expr.sourceIp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.RuleExpr;
import io.jnftables.dsl.TerminalExpr;
import io.jnftables.model.BaseChain;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;
import io.jnftables.validate.IpPrefix;
import io.jnftables.validate.Validate;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code NFTables.NAT}: masquerade, port forwarding, source, destination and static 1:1
 * NAT, port redirection — for IPv4 and IPv6 (the seed's were IPv4 only). Each helper checks its
 * addresses, ports and interface names at once and returns {@link NatRules}, which a builder takes
 * with {@code pipe}:
 *
 * <pre>{@code
 * Batch batch = Builder.create(Family.INET)
 *     .pipe(Nat.setup("nat"))                                  // table, prerouting and postrouting chains
 *     .pipe(Nat.masquerade("eth0"))
 *     .pipe(Nat.portForward(8080, "10.0.0.10", 80))
 *     .pipe(Nat.staticNat("203.0.113.100", "192.168.1.100"))
 *     .build();
 * }</pre>
 *
 * In an inet table the NAT statement names its address family ({@code dnat ip6 to …}), taken from
 * the address; nft 1.0.6 refuses it without one. A port needs the transport protocol, which the
 * helpers match ({@code tcp dport 8080 dnat ip to 10.0.0.10:80}).
 */
public final class Nat {
  /** The seed's default table for NAT rules. */
  public static final String DEFAULT_TABLE = "nat";
  public static final String PREROUTING = "prerouting";
  public static final String POSTROUTING = "postrouting";

  private Nat() {}

  /**
   * {@code add table NAME} with the two base chains the helpers use: {@code prerouting} (type nat
   * hook prerouting priority dstnat (-100)) and {@code postrouting} (type nat hook postrouting
   * priority srcnat (100)), both policy accept. The seed left this to the caller.
   */
  public static UnaryOperator<Builder> setup(String table) {
    String t = Validate.name("table", table);
    return b -> b.addTable(t)
        .addChain(PREROUTING, BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100, Policy.ACCEPT))
        .addChain(POSTROUTING, BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100, Policy.ACCEPT));
  }

  /** {@code oifname "IF" masquerade} in postrouting: IPv4 and IPv6 leaving by {@code oifname} get its address. */
  public static NatRules masquerade(String oifname) {
    return post(oifname(ifname(oifname)).masquerade(), null);
  }

  /**
   * {@code ip saddr SOURCE oifname "IF" masquerade} in postrouting: only traffic from {@code
   * source} (an address or prefix).
   */
  public static NatRules masquerade(String source, String oifname) {
    IpPrefix src = Validate.prefix(source);
    return post(sourceIp(source).oifname(ifname(oifname)).masquerade(), family(src.address()));
  }

  /** {@code tcp dport EXT dnat ip to ADDRESS:PORT} in prerouting (IPv6: {@code dnat ip6 to [ADDRESS]:PORT}). */
  public static NatRules portForward(int externalPort, String address, int port) {
    return portForward(Transport.TCP, externalPort, address, port);
  }

  /** {@code tcp|udp dport EXT dnat ip to ADDRESS:PORT} in prerouting. */
  public static NatRules portForward(Transport transport, int externalPort, String address, int port) {
    return forward(transport, null, externalPort, address, port);
  }

  /** {@code iifname "IF" tcp|udp dport EXT dnat ip to ADDRESS:PORT}: only what arrives on {@code iifname}. */
  public static NatRules portForward(Transport transport, String iifname, int externalPort, String address, int port) {
    return forward(transport, ifname(iifname), externalPort, address, port);
  }

  private static NatRules forward(Transport transport, @Nullable String iif, int externalPort, String address, int port) {
    Objects.requireNonNull(transport, "transport");
    int ext = port("external port", externalPort);
    int to = port("port", port);
    IpAddress a = host("port forward address", address);
    RuleExpr r = iif == null ? transport.select() : iifname(iif).append(transport.select());
    return pre(r.dport(ext).dnat(a.toString(), to), family(a));
  }

  /**
   * Static 1:1 NAT between a public and a private address: prerouting {@code ip daddr PUBLIC dnat
   * ip to PRIVATE}, postrouting {@code ip saddr PRIVATE snat ip to PUBLIC}. Both addresses of one
   * family.
   */
  public static NatRules staticNat(String publicAddress, String privateAddress) {
    IpAddress pub = host("public address", publicAddress);
    IpAddress priv = host("private address", privateAddress);
    sameFamily("static NAT", pub, priv);
    Family f = family(pub);
    return new NatRules(List.of(
        new NatRules.Placed(NatRules.Hook.PREROUTING, PREROUTING, destIp(pub.toString()).dnat(priv.toString()), f),
        new NatRules.Placed(NatRules.Hook.POSTROUTING, POSTROUTING, sourceIp(priv.toString()).snat(pub.toString()), f)));
  }

  /** {@code ip saddr SOURCE snat ip to ADDRESS} in postrouting; {@code source} may be a prefix. */
  public static NatRules sourceNat(String source, String natAddress) {
    return snat(source, natAddress, null);
  }

  /** {@code ip saddr SOURCE oifname "IF" snat ip to ADDRESS}: only what leaves by {@code oifname}. */
  public static NatRules sourceNat(String source, String natAddress, String oifname) {
    return snat(source, natAddress, ifname(oifname));
  }

  private static NatRules snat(String source, String natAddress, @Nullable String oif) {
    IpPrefix src = Validate.prefix(source);
    IpAddress to = host("source NAT address", natAddress);
    sameFamily("source NAT", src.address(), to);
    RuleExpr r = sourceIp(source);
    if (oif != null) {
      r = r.oifname(oif);
    }
    return post(r.snat(to.toString()), family(to));
  }

  /** {@code ip daddr DESTINATION dnat ip to ADDRESS} in prerouting; {@code destination} may be a prefix. */
  public static NatRules destinationNat(String destination, String natAddress) {
    return dnat(destination, natAddress, null);
  }

  /** {@code iifname "IF" ip daddr DESTINATION dnat ip to ADDRESS}: only what arrives on {@code iifname}. */
  public static NatRules destinationNat(String destination, String natAddress, String iifname) {
    return dnat(destination, natAddress, ifname(iifname));
  }

  private static NatRules dnat(String destination, String natAddress, @Nullable String iif) {
    IpPrefix dst = Validate.prefix(destination);
    IpAddress to = host("destination NAT address", natAddress);
    sameFamily("destination NAT", dst.address(), to);
    RuleExpr r = iif == null ? destIp(destination) : iifname(iif).destIp(destination);
    return pre(r.dnat(to.toString()), family(to));
  }

  /** {@code tcp dport FROM redirect to :TO} in prerouting: to a local port, IPv4 and IPv6. */
  public static NatRules redirectPort(int fromPort, int toPort) {
    return redirectPort(Transport.TCP, fromPort, toPort);
  }

  /** {@code tcp|udp dport FROM redirect to :TO} in prerouting. */
  public static NatRules redirectPort(Transport transport, int fromPort, int toPort) {
    Objects.requireNonNull(transport, "transport");
    int from = port("port", fromPort);
    int to = port("redirect port", toPort);
    return pre(transport.select().dport(from).redirect(to), null);
  }

  // ------------------------------------------------------------------------------ checks

  private static NatRules pre(TerminalExpr rule, @Nullable Family addresses) {
    return new NatRules(List.of(new NatRules.Placed(NatRules.Hook.PREROUTING, PREROUTING, rule, addresses)));
  }

  private static NatRules post(TerminalExpr rule, @Nullable Family addresses) {
    return new NatRules(List.of(new NatRules.Placed(NatRules.Hook.POSTROUTING, POSTROUTING, rule, addresses)));
  }

  /** A port a connection can use: 1..65535 (0 is no port to forward to or from). */
  private static int port(String what, int port) {
    return (int) Validate.range(what, port, 1, 65535);
  }

  private static String ifname(String name) {
    return Validate.ifnamePattern(Objects.requireNonNull(name, "interface name"));
  }

  /** One address, not a prefix or range: NAT maps to a single host here. */
  private static IpAddress host(String what, String text) {
    Objects.requireNonNull(text, what);
    if (text.indexOf('/') >= 0 || text.indexOf('-') >= 0) {
      throw new InvalidValueException(what, text, "a single IPv4 or IPv6 address is expected, not a prefix or range");
    }
    return IpAddress.parse(text);
  }

  private static void sameFamily(String what, IpAddress a, IpAddress b) {
    if (a.isIpv6() != b.isIpv6()) {
      throw new InvalidValueException(what, a + " -> " + b, (a.isIpv6() ? "IPv6" : "IPv4") + " is mapped to "
          + (b.isIpv6() ? "IPv6" : "IPv4") + "; both addresses must be of one family");
    }
  }

  private static Family family(IpAddress a) {
    return a.isIpv6() ? Family.IP6 : Family.IP;
  }
}
