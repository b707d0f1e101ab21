package io.jnftables.dsl;

import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;
import io.jnftables.validate.IpPrefix;
import io.jnftables.validate.Validate;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The data type of a key (a header field, a meta or ct key): how a Java value becomes the JSON
 * value nft expects, and what is valid. Package-private: users see it only through the checks.
 */
abstract class ValueType {
  final String name;

  ValueType(String name) {
    this.name = name;
  }

  /** One value; {@code what} names the key in messages (e.g. {@code "tcp dport"}). */
  abstract Expression value(Object v, String what);

  /** A value in a range or set; by default the same as {@link #value}. */
  Expression element(Object v, String what) {
    return value(v, what);
  }

  /** Whether nft's implicit operator for this type is a flag test ({@code in}), e.g. ct state. */
  boolean bitmask() {
    return false;
  }

  @Override
  public String toString() {
    return name;
  }

  static InvalidValueException wrong(String what, Object v, String expected) {
    return new InvalidValueException(what, v, "expected " + expected + ", got " + describe(v));
  }

  static String describe(Object v) {
    return v.getClass().getSimpleName() + " " + v;
  }

  static long number(Object v, String what, String expected) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof String s && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') && s.length() < 19) {
      return Long.parseLong(s);
    }
    throw wrong(what, v, expected);
  }

  // ----------------------------------------------------------------------------------- types

  /** An unsigned integer of {@code bits} bits. */
  static ValueType integer(String name, int bits) {
    long max = bits >= 63 ? Long.MAX_VALUE : (1L << bits) - 1;
    return new ValueType(name) {
      @Override
      Expression value(Object v, String what) {
        long n = number(v, what, "a number 0.." + max);
        return new NumberLiteral(Validate.range(what, n, 0, max));
      }
    };
  }

  /** An integer naming a bit to test (ct label): nft's implicit operator is {@code in}. */
  static ValueType bitNumber(String name, int bits) {
    ValueType base = integer(name, bits);
    return new ValueType(name) {
      @Override
      Expression value(Object v, String what) {
        return base.value(v, what);
      }

      @Override
      boolean bitmask() {
        return true;
      }
    };
  }

  static final ValueType U8 = integer("8-bit number", 8);
  static final ValueType U16 = integer("16-bit number", 16);
  static final ValueType U32 = integer("32-bit number", 32);
  static final ValueType U64 = integer("number", 63);

  static final ValueType PORT =
      new ValueType("port") {
        @Override
        Expression value(Object v, String what) {
          long n = number(v, what, "a port number 0..65535");
          return new NumberLiteral(Validate.range(what, n, 0, 65535));
        }
      };

  static final ValueType MARK =
      new ValueType("mark") {
        @Override
        Expression value(Object v, String what) {
          return new NumberLiteral(Validate.u32(what, number(v, what, "a 32-bit mark")));
        }
      };

  /** Free text, e.g. an osf name, a helper name, a day. */
  static final ValueType STRING =
      new ValueType("text") {
        @Override
        Expression value(Object v, String what) {
          if (v instanceof NftSymbol s) {
            return new StringLiteral(s.nft());
          }
          if (!(v instanceof String s)) {
            throw wrong(what, v, "text");
          }
          return new StringLiteral(Validate.text(what, s, 255));
        }
      };

  /** An interface name to match; a trailing {@code *} is a wildcard. */
  static final ValueType IFNAME =
      new ValueType("interface name") {
        @Override
        Expression value(Object v, String what) {
          if (!(v instanceof String s)) {
            throw wrong(what, v, "an interface name");
          }
          return new StringLiteral(Validate.ifnamePattern(s));
        }
      };

  static final ValueType MAC =
      new ValueType("MAC address") {
        @Override
        Expression value(Object v, String what) {
          if (!(v instanceof String s)) {
            throw wrong(what, v, "a MAC address text");
          }
          return new StringLiteral(Validate.mac(s));
        }
      };

  /** An address of one family, or either ({@code v6} null); prefixes and {@code a-b} ranges allowed. */
  static ValueType address(Boolean v6) {
    String n = v6 == null ? "IP address" : v6 ? "IPv6 address" : "IPv4 address";
    return new ValueType(n) {
      @Override
      Expression value(Object v, String what) {
        String text = text(v, what);
        int dash = text.indexOf('-');
        if (dash > 0) {
          IpAddress[] r = Validate.addressRange(text.substring(0, dash), text.substring(dash + 1));
          check(r[0], what, text);
          return new RangeExpr(new StringLiteral(r[0].toString()), new StringLiteral(r[1].toString()));
        }
        return element(text, what);
      }

      @Override
      Expression element(Object v, String what) {
        String text = text(v, what);
        IpPrefix p = Validate.prefix(text);
        check(p.address(), what, text);
        return p.isHost()
            ? new StringLiteral(p.address().toString())
            : new PrefixExpr(new StringLiteral(p.address().toString()), p.length());
      }

      private String text(Object v, String what) {
        if (v instanceof IpAddress a) {
          return a.toString();
        }
        if (v instanceof IpPrefix p) {
          return p.toString();
        }
        if (v instanceof InetAddress a) {
          return IpAddress.ofBytes(a.getAddress()).toString();
        }
        if (v instanceof String s) {
          return s;
        }
        throw wrong(what, v, "an address text like \"10.0.0.1\" or \"2001:db8::/32\"");
      }

      private void check(IpAddress a, String what, String text) {
        if (v6 != null && a.isIpv6() != v6) {
          throw new InvalidValueException(
              what, text, v6 ? "an IPv6 address is expected (use ip for IPv4)" : "an IPv4 address is expected (use ip6 for IPv6)");
        }
      }
    };
  }

  static final ValueType IPV4 = address(false);
  static final ValueType IPV6 = address(true);
  static final ValueType IPADDR = address(null);

  /**
   * A symbol table: one of {@code names} (or an {@link NftSymbol} of {@code symbols}), or a
   * number up to {@code maxNumber} ({@code -1}: no numbers).
   */
  static ValueType symbolic(
      String name, Class<? extends NftSymbol> symbols, Set<String> names, long maxNumber, boolean bitmask) {
    return new ValueType(name) {
      @Override
      Expression value(Object v, String what) {
        if (v instanceof NftSymbol s) {
          if (symbols != null && !symbols.isInstance(v)) {
            throw wrong(what, v, "a " + symbols.getSimpleName());
          }
          return new StringLiteral(s.nft());
        }
        if (v instanceof String s && !s.chars().allMatch(Character::isDigit)) {
          String lower = s.toLowerCase(Locale.ROOT);
          if (!names.contains(lower)) {
            throw new InvalidValueException(what, s, "unknown " + name + "; one of " + String.join(", ", sorted(names)));
          }
          return new StringLiteral(lower);
        }
        if (maxNumber < 0) {
          throw wrong(what, v, "one of " + String.join(", ", sorted(names)));
        }
        long n = number(v, what, "a " + name + " name or a number 0.." + maxNumber);
        return new NumberLiteral(Validate.range(what, n, 0, maxNumber));
      }

      @Override
      boolean bitmask() {
        return bitmask;
      }
    };
  }

  static ValueType symbolic(String name, Class<? extends NftSymbol> symbols, long maxNumber, boolean bitmask) {
    Set<String> names = new java.util.TreeSet<>();
    for (NftSymbol s : symbols.getEnumConstants()) {
      names.add(s.nft());
    }
    return symbolic(name, symbols, names, maxNumber, bitmask);
  }

  static ValueType symbolic(String name, long maxNumber, String... names) {
    return symbolic(name, null, Set.of(names), maxNumber, false);
  }

  private static List<String> sorted(Set<String> names) {
    List<String> l = new ArrayList<>(names);
    l.sort(null);
    return l;
  }

  static final ValueType CT_STATE = symbolic("ct state", CtState.class, -1, true);
  static final ValueType CT_STATUS = symbolic("ct status", CtStatus.class, -1, true);
  static final ValueType CT_DIRECTION = symbolic("ct direction", CtDirection.class, -1, false);
  static final ValueType CT_EVENT = symbolic("ct event", CtEvent.class, -1, true);
  static final ValueType PKTTYPE = symbolic("packet type", PktType.class, 255, false);
  static final ValueType TCP_FLAGS = symbolic("tcp flag", TcpFlag.class, 255, true);
  static final ValueType ICMP_TYPE = symbolic("icmp type", IcmpType.class, 255, false);
  static final ValueType ICMPV6_TYPE = symbolic("icmpv6 type", Icmpv6Type.class, 255, false);
  static final ValueType DSCP = symbolic("DSCP", Dscp.class, 63, false);
  static final ValueType ARP_OP = symbolic("arp operation", ArpOperation.class, 65535, false);
  static final ValueType FIB_TYPE =
      symbolic("address type", 255, "unspec", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole",
          "unreachable", "prohibit", "throw", "nat", "xresolve");
  static final ValueType INET_PROTO =
      symbolic("protocol", 255, "tcp", "udp", "udplite", "sctp", "dccp", "icmp", "ipv6-icmp", "icmpv6", "igmp", "gre",
          "esp", "ah", "comp", "ipip", "ipv6", "ospf", "vrrp", "pim", "egp", "l2tp", "encap", "rsvp", "etherip",
          "ipcomp");
  static final ValueType NFPROTO = symbolic("nfproto", 255, "ipv4", "ipv6");
  static final ValueType ETHER_TYPE =
      symbolic("ether type", 65535, "ip", "ip6", "arp", "vlan", "8021q", "8021ad", "ipv6", "rarp", "ppp");
  static final ValueType ECN = symbolic("ecn", 3, "not-ect", "ect1", "ect0", "ce");
  static final ValueType DCCP_TYPE =
      symbolic("dccp type", 15, "request", "response", "data", "ack", "dataack", "closereq", "close", "reset", "sync",
          "syncack");
  static final ValueType ICMP_CODE =
      symbolic("icmp code", 255, "net-unreachable", "host-unreachable", "prot-unreachable", "port-unreachable",
          "frag-needed", "net-prohibited", "host-prohibited", "admin-prohibited");
  static final ValueType ICMPV6_CODE =
      symbolic("icmpv6 code", 255, "no-route", "admin-prohibited", "addr-unreachable", "port-unreachable",
          "policy-fail", "reject-route");

  static final ValueType BOOLEAN =
      new ValueType("boolean") {
        @Override
        Expression value(Object v, String what) {
          if (v instanceof Boolean b) {
            return io.jnftables.model.expr.BooleanLiteral.of(b);
          }
          throw wrong(what, v, "true or false");
        }
      };

  /** Any literal as given: numbers, text, symbols, or a model expression. */
  static final ValueType ANY =
      new ValueType("value") {
        @Override
        Expression value(Object v, String what) {
          return literal(v, what);
        }
      };

  /** A concatenation of types: values are {@link Tuple}s with one part per type. */
  static ValueType concat(List<ValueType> parts) {
    return new ValueType(parts.toString()) {
      @Override
      Expression value(Object v, String what) {
        if (!(v instanceof Tuple t)) {
          throw wrong(what, v, "a tuple of " + parts.size() + " values (Expr.tuple(...))");
        }
        if (t.values().size() != parts.size()) {
          throw new InvalidValueException(
              what, t, "the key has " + parts.size() + " parts, the tuple " + t.values().size());
        }
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          out.add(parts.get(i).element(t.values().get(i), what + " part " + (i + 1)));
        }
        return new ConcatExpr(out);
      }
    };
  }

  /** A value without a known type: numbers, text, booleans, symbols and model expressions. */
  static Expression literal(Object v, String what) {
    if (v instanceof Expression e) {
      return e;
    }
    if (v instanceof Key k) {
      return k.expression();
    }
    if (v instanceof NftSymbol s) {
      return new StringLiteral(s.nft());
    }
    if (v instanceof Boolean b) {
      return io.jnftables.model.expr.BooleanLiteral.of(b);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return new NumberLiteral(((Number) v).longValue());
    }
    if (v instanceof String s) {
      return new StringLiteral(s);
    }
    if (v instanceof Tuple t) {
      List<Expression> out = new ArrayList<>();
      for (Object o : t.values()) {
        out.add(literal(o, what));
      }
      return new ConcatExpr(out);
    }
    throw wrong(what, v, "a number, text or symbol");
  }

  static List<Object> list(Object[] values) {
    return Arrays.asList(values);
  }
}
