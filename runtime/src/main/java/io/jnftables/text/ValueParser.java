package io.jnftables.text;

import io.jnftables.model.expr.BooleanLiteral;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.StringLiteral;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one constant — a number, name, address, prefix, range, time — as the {@link DataType}
 * it is compared with asks, and checks it the way nft's evaluation does: symbols must exist,
 * numbers must fit the field, addresses must be addresses.
 *
 * <p>Values keep the spelling nft's JSON accepts: numbers become JSON numbers, names (services,
 * protocols, ICMP types, …) stay names for nft to resolve, addresses stay as written (MAC
 * addresses are written with two digits per byte, as nft does).
 */
final class ValueParser {
  private final Cursor c;

  ValueParser(Cursor c) {
    this.c = c;
  }

  /** The next value, a range ({@code 1-5}, {@code 1 - 5}) or a prefix ({@code 10.0.0.0/8}) of {@code type}. */
  Expression value(DataType type) {
    Token t = c.next();
    if (t.kind() == Token.Kind.STRING) {
      Expression v = quoted(t, type);
      return maybeSpacedRange(v, t, type);
    }
    if (t.kind() != Token.Kind.WORD || isPunctuationWord(t.text())) {
      throw c.error(t, "unexpected " + t.describe(), expected(type), null, candidates(type));
    }
    String s = t.text();
    Expression single = tryValue(s, t.offset(), type);
    if (single != null) {
      return maybeSpacedRange(single, t, type);
    }
    if (StatementParser.STATEMENT_KEYWORD_SET.contains(s)) {
      throw c.error(t, "unexpected " + t.describe(), expected(type), null, candidates(type));
    }
    // a range or prefix inside the word
    int slash = s.lastIndexOf('/');
    int firstDash = s.indexOf('-', 1);
    if (slash > 0 && firstDash > slash && (type.base == DataType.Base.IPV4 || type.base == DataType.Base.IPV6)
        && tryValue(s.substring(0, slash), t.offset(), type) != null) {
      String bound = s.substring(0, firstDash);
      throw c.invalid(bound, t.offset(), "invalid range bound \"" + bound + "\"",
          "the ends of a range are addresses, not prefixes", List.of());
    }
    if (slash > 0 && (type.base == DataType.Base.IPV4 || type.base == DataType.Base.IPV6
        || type.base == DataType.Base.ANY || type.base == DataType.Base.INTEGER || type.base == DataType.Base.MARK)) {
      return prefix(t, s, slash, type);
    }
    for (int dash = s.indexOf('-', 1); dash > 0; dash = s.indexOf('-', dash + 1)) {
      if (dash == s.length() - 1) {
        Expression low = tryValue(s.substring(0, dash), t.offset(), type);
        if (low != null) {
          Token hi = c.next();
          if (hi.kind() != Token.Kind.WORD || isPunctuationWord(hi.text())) {
            throw c.unexpected(hi, expected(type), "a range needs its high end");
          }
          return range(t, low, one(hi.text(), hi.offset(), type), t.offset());
        }
        break;
      }
      Expression low = tryValue(s.substring(0, dash), t.offset(), type);
      Expression high = low == null ? null : tryValue(s.substring(dash + 1), t.offset() + dash + 1, type);
      if (low != null && high != null) {
        return range(t, low, high, t.offset());
      }
    }
    // not a value: say what is wrong with the part that is not one
    if (slash > 0 && s.indexOf('-') > 0) {
      int dash = s.indexOf('-');
      String bound = dash > slash ? s.substring(0, dash) : s.substring(dash + 1);
      int at = dash > slash ? t.offset() : t.offset() + dash + 1;
      throw c.invalid(bound, at, "invalid range bound \"" + bound + "\"",
          "the ends of a range are addresses, not prefixes", List.of());
    }
    int dash = s.indexOf('-', 1);
    if (dash > 0 && tryValue(s.substring(0, dash), t.offset(), type) != null) {
      one(s.substring(dash + 1), t.offset() + dash + 1, type);
    }
    one(s, t.offset(), type);
    throw new AssertionError("unreachable: " + s);
  }

  private static boolean isPunctuationWord(String s) {
    return s.equals(".") || s.equals(":") || s.equals("-") || s.equals("/") || s.equals("*");
  }

  /** {@code low - high} or {@code low -high} written with spaces. */
  private Expression maybeSpacedRange(Expression low, Token lowToken, DataType type) {
    Token dash = c.peek();
    if (!dash.isWord() || !dash.text().startsWith("-") || type.base == DataType.Base.STRING) {
      return low;
    }
    c.next();
    Expression high;
    if (dash.text().length() > 1) {
      high = one(dash.text().substring(1), dash.offset() + 1, type);
    } else {
      Token hi = c.next();
      if (hi.kind() == Token.Kind.STRING) {
        high = quoted(hi, type);
      } else if (hi.kind() == Token.Kind.WORD && !isPunctuationWord(hi.text())) {
        high = one(hi.text(), hi.offset(), type);
      } else {
        throw c.unexpected(hi, expected(type), "a range needs its high end");
      }
    }
    return range(lowToken, low, high, lowToken.offset());
  }

  private Expression range(Token t, Expression low, Expression high, int offset) {
    if (low instanceof NumberLiteral a && high instanceof NumberLiteral b && a.value() > b.value()) {
      throw c.invalid(t.text(), offset, "invalid range " + t.describe(),
          "the low end " + a.value() + " is above the high end " + b.value(), List.of());
    }
    Integer cmp = compareAddresses(low, high);
    if (cmp != null && cmp > 0) {
      throw c.invalid(t.text(), offset, "invalid range " + t.describe(), "the low end is above the high end",
          List.of());
    }
    Long lt = seconds(low);
    Long ht = seconds(high);
    if (lt != null && ht != null && lt > ht) {
      throw c.invalid(t.text(), offset, "invalid range " + t.describe(), "the low end is above the high end",
          List.of());
    }
    return new RangeExpr(low, high);
  }

  private static @Nullable Integer compareAddresses(Expression a, Expression b) {
    if (a instanceof StringLiteral x && b instanceof StringLiteral y) {
      byte[] p = Addresses.tryParse(x.value());
      byte[] q = Addresses.tryParse(y.value());
      if (p != null && q != null && p.length == q.length) {
        return Addresses.compare(p, q);
      }
    }
    return null;
  }

  private static @Nullable Long seconds(Expression e) {
    if (e instanceof StringLiteral s) {
      return Times.parseSeconds(s.value());
    }
    return null;
  }

  private Expression prefix(Token t, String s, int slash, DataType type) {
    String addr = s.substring(0, slash);
    String len = s.substring(slash + 1);
    Expression a = one(addr, t.offset(), type);
    int max = type.base == DataType.Base.IPV6 || addr.indexOf(':') >= 0 ? 128 : type.bits > 0 ? type.bits : 32;
    if (!isDigits(len) || len.length() > 3 || Integer.parseInt(len) > max) {
      throw c.invalid(len, t.offset() + slash + 1, "invalid prefix length \"" + len + "\"",
          "a prefix length is a number 0.." + max, List.of());
    }
    return new PrefixExpr(a, Integer.parseInt(len));
  }

  /** A quoted value: strings of string types, and names written in quotes. */
  Expression quoted(Token t, DataType type) {
    String v = t.value();
    if (type.maxBytes > 0 && v.getBytes(StandardCharsets.UTF_8).length > type.maxBytes) {
      throw c.invalid(t, type.name + " \"" + v + "\" too long", "at most " + type.maxBytes + " bytes");
    }
    if (type.maxBytes > 0 && v.isEmpty()) {
      throw c.invalid(t, "empty " + type.name, null);
    }
    switch (type.base) {
      case STRING:
        if (type == DataType.IFNAME) {
          if (v.isEmpty()) {
            throw c.invalid(t, "empty interface name", null);
          }
          if (v.getBytes(StandardCharsets.UTF_8).length > Limits.IFNAME_BYTES) {
            throw c.invalid(t, "interface name \"" + v + "\" too long", "at most " + Limits.IFNAME_BYTES + " bytes");
          }
        } else if (type == DataType.IFACE_INDEX && v.isEmpty()) {
          throw c.invalid(t, "empty interface name", null);
        }
        return new StringLiteral(v);
      case DATE:
        if (Times.parseDate(v) == null && !isDigits(v)) {
          throw c.invalid(t, "invalid date " + t.describe(), "write \"YYYY-MM-DD HH:MM:SS\" or seconds since 1970");
        }
        return new StringLiteral(v);
      case HOUR:
        if (Times.parseHour(v) == null) {
          throw c.invalid(t, "invalid time of day " + t.describe(), "write \"HH:MM\" or \"HH:MM:SS\", 00:00 to 23:59:59");
        }
        return new StringLiteral(v);
      case IPV4:
      case IPV6:
      case ETHER:
      case SERVICE:
      case INTEGER:
      case MARK:
      case HEX:
      case TIME:
      case BOOLEAN:
      case CLASSID:
        if (!type.symbols.isEmpty() && type.name.equals("day")) {
          if (!type.symbols.containsKey(v)) {
            throw c.error(t, "unknown day " + t.describe(), List.copyOf(type.symbols.keySet()), null,
                type.symbols.keySet());
          }
          return new StringLiteral(v);
        }
        Expression e = tryValue(v, t.offset() + 1, type);
        return e != null ? e : new StringLiteral(v);
      default:
        return new StringLiteral(v);
    }
  }

  /** One value of {@code type} spelled {@code s}, or an exception that says why it is not one. */
  Expression one(String s, int offset, DataType type) {
    Expression e = tryValue(s, offset, type);
    if (e != null) {
      return e;
    }
    throw notAValue(s, offset, type);
  }

  private NftSyntaxException notAValue(String s, int offset, DataType type) {
    switch (type.base) {
      case IPV4:
      case IPV6: {
        boolean v6 = type.base == DataType.Base.IPV6;
        String detail;
        try {
          if (v6) {
            Addresses.parseIpv6(s);
          } else {
            Addresses.parseIpv4(s);
          }
          detail = null;
        } catch (IllegalArgumentException e) {
          detail = e.getMessage();
        }
        if (!v6 && s.indexOf(':') >= 0) {
          detail = "this looks like an IPv6 address; match it with ip6 saddr/daddr";
        } else if (v6 && s.indexOf(':') < 0 && s.indexOf('.') >= 0 && !hasLetter(s)) {
          detail = "this looks like an IPv4 address; match it with ip saddr/daddr";
        } else if (hasLetter(s) && (!v6 || s.indexOf(':') < 0)) {
          detail = "host names are not resolved; write an address";
        }
        return c.invalid(s, offset, "invalid " + (v6 ? "IPv6" : "IPv4") + " address \"" + s + "\"", detail,
            List.of());
      }
      case ETHER:
        return c.invalid(s, offset, "invalid MAC address \"" + s + "\"",
            "a MAC address is six hex bytes separated by colons", List.of());
      case SERVICE:
        if (isNumber(s)) {
          return c.invalid(s, offset, "invalid port \"" + s + "\"", "outside 0..65535", List.of());
        }
        if (!s.isEmpty() && isDigit(s.charAt(0))) {
          return c.invalid(s, offset, "invalid port \"" + s + "\"", "a port is a number 0..65535 or a service name",
              List.of());
        }
        return c.invalid(s, offset, "unknown service \"" + s + "\"",
            "not in the built-in service table; write the port number", WellKnown.SERVICES.keySet());
      case TIME:
        return c.invalid(s, offset, "invalid time \"" + s + "\"", "write a number of seconds or 1d2h3m4s5ms",
            List.of());
      case BOOLEAN:
        if (isNumber(s)) {
          return c.invalid(s, offset, "value " + s + " out of range", "a boolean is 0 or 1", List.of());
        }
        return c.invalid(s, offset, "unexpected \"" + s + "\"", "expected exists or missing",
            List.of("exists", "missing"));
      default:
        if (type == DataType.INET_PROTO) {
          if (isNumber(s)) {
            return c.invalid(s, offset, "invalid protocol number \"" + s + "\"", "outside 0..255", List.of());
          }
          return c.invalid(s, offset, "unknown protocol \"" + s + "\"",
              "not in the built-in protocol table; write the protocol number", type.symbols.keySet());
        }
        if (isNumber(s)) {
          long max = type.maxValue >= 0 ? type.maxValue : type.max();
          return c.invalid(s, offset, "value " + s + " out of range",
              type.maxValue >= 0 ? "at most " + max : "the field has " + type.bits + " bits, at most " + max,
              List.of());
        }
        if (!type.symbols.isEmpty()) {
          return NftSyntaxException.atOffset(c.input, offset, s, "unknown " + describe(type) + " \"" + s + "\"",
              type.symbols.size() <= 24 ? List.copyOf(type.symbols.keySet()) : List.of(), null,
              Suggestions.closest(s, type.symbols.keySet()));
        }
        return c.invalid(s, offset, "invalid value \"" + s + "\"", "expected " + expected(type).get(0), List.of());
    }
  }

  private static String describe(DataType type) {
    return type.name.replace('_', ' ');
  }

  /** The value, or null if {@code s} is not one of {@code type}. */
  @Nullable Expression tryValue(String s, int offset, DataType type) {
    if (s.isEmpty()) {
      return null;
    }
    if (s.equals("exists") || s.equals("missing")) {
      return BooleanLiteral.of(s.equals("exists")); // nft's keywords for existence, whatever the type
    }
    if (isNumber(s)) {
      boolean hex = s.startsWith("0x") || s.startsWith("0X");
      if ((hex ? s.length() <= 17 : s.length() <= 18) && type.maxValue < 0 && type.base != DataType.Base.BOOLEAN
          && (type.bits == 0 || type.bits >= 64 || type.base == DataType.Base.STRING || type.base == DataType.Base.IPV4
          || type.base == DataType.Base.IPV6 || type.base == DataType.Base.TIME || type.base == DataType.Base.DATE)) {
        return new NumberLiteral(hex ? Long.parseLong(s, 2, s.length(), 16) : Long.parseLong(s)); // no range to check
      }
      BigInteger v = number(s);
      if (type.base == DataType.Base.BOOLEAN && v.compareTo(BigInteger.ONE) > 0) {
        return null;
      }
      if (type.bits > 0 && type.bits < 64 && type.base != DataType.Base.STRING && type.base != DataType.Base.IPV4
          && type.base != DataType.Base.IPV6 && type.base != DataType.Base.TIME && type.base != DataType.Base.DATE
          && v.bitLength() > type.bits) {
        return null;
      }
      if (type.bits > 64 && type.bits <= 128 && type.base == DataType.Base.INTEGER && v.bitLength() > type.bits) {
        return null;
      }
      if (type.maxValue >= 0 && v.compareTo(BigInteger.valueOf(type.maxValue)) > 0) {
        return null;
      }
      return v.bitLength() < 64 ? new NumberLiteral(v.longValue()) : new StringLiteral(s);
    }
    switch (type.base) {
      case IPV4:
        return Addresses.isIpv4(s) ? new StringLiteral(s) : null;
      case IPV6:
        return Addresses.isIpv6(s) ? new StringLiteral(s) : null;
      case ETHER: {
        String mac = Addresses.normalizeMac(s);
        return mac == null ? null : new StringLiteral(mac);
      }
      case SERVICE:
        return WellKnown.SERVICES.containsKey(s) ? new StringLiteral(s) : null;
      case TIME:
        return Times.parseSeconds(s) != null ? new StringLiteral(s) : null;
      case BOOLEAN:
        if (s.equals("exists")) {
          return BooleanLiteral.TRUE;
        }
        if (s.equals("missing")) {
          return BooleanLiteral.FALSE;
        }
        return null;
      case CLASSID:
        return s.equals("none") || s.equals("root") || s.matches("[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}")
            ? new StringLiteral(s) : null;
      case STRING:
        return new StringLiteral(s);
      case DATE:
      case HOUR:
        return null;
      case ANY:
        return new StringLiteral(s);
      default:
        if (type.symbols.containsKey(s)) {
          return new StringLiteral(s);
        }
        if (type == DataType.UID || type == DataType.GID || type == DataType.REALM || type == DataType.DEVGROUP
            || type == DataType.CT_LABEL) {
          return Character.isLetter(s.charAt(0)) ? new StringLiteral(s) : null;
        }
        return null;
    }
  }

  /** What a value of {@code type} looks like, for messages. */
  static List<String> expected(DataType type) {
    switch (type.base) {
      case IPV4:
        return List.of("an IPv4 address, prefix or range");
      case IPV6:
        return List.of("an IPv6 address, prefix or range");
      case ETHER:
        return List.of("a MAC address");
      case SERVICE:
        return List.of("a port number or service name");
      case STRING:
        return List.of(type == DataType.IFNAME ? "an interface name" : "a string");
      case TIME:
        return List.of("a time");
      case BOOLEAN:
        return List.of("exists", "missing");
      default:
        if (!type.symbols.isEmpty() && type.symbols.size() <= 16) {
          List<String> out = new ArrayList<>(type.symbols.keySet());
          return out;
        }
        return List.of("a value");
    }
  }

  private static Collection<String> candidates(DataType type) {
    return type.base == DataType.Base.SERVICE ? WellKnown.SERVICES.keySet() : type.symbols.keySet();
  }

  static boolean isNumber(String s) {
    if (s.startsWith("0x") || s.startsWith("0X")) {
      if (s.length() == 2) {
        return false;
      }
      for (int i = 2; i < s.length(); i++) {
        if (Character.digit(s.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
    return isDigits(s);
  }

  static BigInteger number(String s) {
    boolean hex = s.startsWith("0x") || s.startsWith("0X");
    if (hex ? s.length() <= 17 : s.length() <= 18) {
      return BigInteger.valueOf(hex ? Long.parseLong(s, 2, s.length(), 16) : Long.parseLong(s));
    }
    return hex ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  /** A non-negative number that fits a long, or null. */
  static @Nullable Long longValue(String s) {
    if (!isNumber(s)) {
      return null;
    }
    BigInteger v = number(s);
    return v.bitLength() < 64 ? v.longValue() : null;
  }

  static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 40) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
        return true;
      }
    }
    return false;
  }
}
