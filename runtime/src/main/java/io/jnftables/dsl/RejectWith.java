package io.jnftables.dsl;

import io.jnftables.model.stmt.Reject;
import java.util.Set;

/**
 * How {@code reject} answers: {@code reject with tcp reset}, {@code reject with icmpx
 * admin-prohibited}, {@code reject with icmp host-unreachable}, {@code reject with icmpv6
 * no-route}.
 */
public final class RejectWith {
  private static final Set<String> ICMPX = Set.of("port-unreachable", "admin-prohibited", "no-route", "host-unreachable");
  private static final Set<String> ICMP =
      Set.of("net-unreachable", "host-unreachable", "prot-unreachable", "port-unreachable", "net-prohibited",
          "host-prohibited", "admin-prohibited", "frag-needed");
  private static final Set<String> ICMPV6 =
      Set.of("no-route", "admin-prohibited", "addr-unreachable", "port-unreachable", "policy-fail", "reject-route");

  /** {@code reject with tcp reset}: only for TCP packets (nft adds {@code meta l4proto tcp}). */
  public static final RejectWith TCP_RESET = new RejectWith(new Reject("tcp reset", null), "tcp reset");
  /** nft's default in inet/bridge/netdev tables ({@code reject} alone lists the same). */
  public static final RejectWith ICMPX_PORT_UNREACHABLE = icmpx("port-unreachable");
  public static final RejectWith ICMPX_ADMIN_PROHIBITED = icmpx("admin-prohibited");
  public static final RejectWith ICMPX_HOST_UNREACHABLE = icmpx("host-unreachable");
  public static final RejectWith ICMPX_NO_ROUTE = icmpx("no-route");

  private final Reject statement;
  private final String text;

  private RejectWith(Reject statement, String text) {
    this.statement = statement;
    this.text = text;
  }

  /** {@code reject with icmpx CODE}: a family-independent code, for inet tables. */
  public static RejectWith icmpx(String code) {
    return new RejectWith(new Reject("icmpx", check("icmpx", ICMPX, code)), "icmpx " + code);
  }

  /** {@code reject with icmp CODE}: IPv4 only. */
  public static RejectWith icmp(String code) {
    return new RejectWith(new Reject("icmp", check("icmp", ICMP, code)), "icmp " + code);
  }

  /** {@code reject with icmpv6 CODE}: IPv6 only. */
  public static RejectWith icmpv6(String code) {
    return new RejectWith(new Reject("icmpv6", check("icmpv6", ICMPV6, code)), "icmpv6 " + code);
  }

  private static String check(String kind, Set<String> codes, String code) {
    if (!codes.contains(code)) {
      throw new io.jnftables.validate.InvalidValueException(
          kind + " reject code", code, "one of " + String.join(", ", new java.util.TreeSet<>(codes)));
    }
    return code;
  }

  public Reject statement() {
    return statement;
  }

  @Override
  public String toString() {
    return "with " + text;
  }
}
