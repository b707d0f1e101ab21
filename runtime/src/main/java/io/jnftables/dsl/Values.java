package io.jnftables.dsl;

import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * Java values as set and map elements of an nft data type ({@code ipv4_addr}, {@code
 * inet_service}, …), checked like the DSL checks rule values. Used by the batch builder for
 * elements; a type this class does not know takes values as given.
 */
public final class Values {
  private Values() {}

  /**
   * One element value for a set of {@code type} (one name per concatenated part): an address, a
   * prefix {@code "10.0.0.0/8"} or a range {@code "10.0.0.1-10.0.0.9"} for address types, a port
   * for {@code inet_service}, a {@link Tuple} for a concatenation, a {@link Verdict} for a verdict
   * map's values, or a model {@link Expression} as is.
   */
  public static Expression element(List<String> type, Object value) {
    if (value instanceof Expression e) {
      return e;
    }
    if (type.size() > 1) {
      if (!(value instanceof Tuple t)) {
        throw new InvalidValueException(
            "element of " + String.join(" . ", type), value, "a Tuple of " + type.size() + " values is expected");
      }
      if (t.values().size() != type.size()) {
        throw new InvalidValueException(
            "element of " + String.join(" . ", type), t, "the type has " + type.size() + " parts, the tuple " + t.values().size());
      }
      List<Expression> parts = new ArrayList<>();
      for (int i = 0; i < type.size(); i++) {
        parts.add(forType(type.get(i)).element(t.values().get(i), type.get(i)));
      }
      return new ConcatExpr(parts);
    }
    String name = type.isEmpty() ? "" : type.get(0);
    if (name.equals("verdict")) {
      if (value instanceof Verdict v) {
        return new VerdictExpr(v);
      }
      throw new InvalidValueException("verdict", value, "a Verdict (Verdict.ACCEPT, Verdict.jump(\"chain\"), …) is expected");
    }
    ValueType vt = forType(name);
    if (vt == ValueType.IPV4 || vt == ValueType.IPV6 || vt == ValueType.IPADDR) {
      return vt.value(value, name);
    }
    if (vt == ValueType.ANY) {
      return guess(value);
    }
    return vt.element(value, name);
  }

  /** A value of unknown type: addresses and prefixes are checked, numbers and text taken as they are. */
  public static Expression guess(Object value) {
    if (value instanceof Verdict v) {
      return new VerdictExpr(v);
    }
    if (value instanceof String s && looksLikeAddress(s)) {
      return ValueType.IPADDR.value(s, "address");
    }
    if (value instanceof String s) {
      return new StringLiteral(s);
    }
    return ValueType.literal(value, "element");
  }

  private static boolean looksLikeAddress(String s) {
    if (s.isEmpty()) {
      return false;
    }
    boolean hex = true;
    boolean v4 = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '/' || c == '-' || c == '.')) {
        hex = false;
      }
      if (!(Character.isDigit(c) || c == '.' || c == '/' || c == '-')) {
        v4 = false;
      }
    }
    return (v4 && s.indexOf('.') > 0) || (hex && Validate.looksIpv6(s));
  }

  static ValueType forType(String type) {
    switch (type) {
      case "ipv4_addr":
        return ValueType.IPV4;
      case "ipv6_addr":
        return ValueType.IPV6;
      case "inet_service":
        return ValueType.PORT;
      case "ether_addr":
        return ValueType.MAC;
      case "ifname":
        return ValueType.IFNAME;
      case "mark":
        return ValueType.MARK;
      case "inet_proto":
        return ValueType.INET_PROTO;
      case "ct_state":
        return ValueType.CT_STATE;
      case "icmp_type":
        return ValueType.ICMP_TYPE;
      case "icmpv6_type":
        return ValueType.ICMPV6_TYPE;
      default:
        return ValueType.ANY;
    }
  }
}
