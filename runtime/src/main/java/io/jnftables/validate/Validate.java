package io.jnftables.validate;

import io.jnftables.model.Names;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks the DSL and the batch builder run on every value before it becomes part of a
 * command. Each returns the value as nft lists it (so what is built compares equal to what is
 * listed back) or throws {@link InvalidValueException}.
 */
public final class Validate {
  /** The kernel's IFNAMSIZ (16) less the terminating NUL. */
  public static final int IFNAME_MAX_BYTES = 15;
  /** nft's log prefix limit (NF_LOG_PREFIXLEN 128 less the NUL). */
  public static final int LOG_PREFIX_MAX_BYTES = 127;
  /** nft's comment limit (NFTNL_UDATA_COMMENT_MAXLEN 128 less the NUL). */
  public static final int COMMENT_MAX_BYTES = 127;

  private Validate() {}

  // ------------------------------------------------------------------------------ addresses

  /** A literal IPv4 or IPv6 address, canonical. */
  public static String address(String text) {
    return IpAddress.parse(text).toString();
  }

  public static String ipv4(String text) {
    return IpAddress.parseIpv4(text).toString();
  }

  public static String ipv6(String text) {
    return IpAddress.parseIpv6(text).toString();
  }

  /** True if the text has the shape of an IPv6 address or prefix (it contains a colon). */
  public static boolean looksIpv6(String text) {
    return text.indexOf(':') >= 0;
  }

  /**
   * {@code address/length}, or a bare address (a host prefix). Host bits after the prefix are
   * cleared as nft does ({@code 10.0.0.1/8} is {@code 10.0.0.0/8}).
   */
  public static IpPrefix prefix(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      IpAddress a = IpAddress.parse(text);
      return new IpPrefix(a, a.bits());
    }
    String addr = text.substring(0, slash);
    String len = text.substring(slash + 1);
    IpAddress a = IpAddress.parse(addr);
    int length;
    try {
      if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new NumberFormatException();
      }
      length = Integer.parseInt(len);
    } catch (NumberFormatException e) {
      throw new InvalidValueException("prefix", text, "the length after '/' must be a number 0.." + a.bits());
    }
    if (length > a.bits()) {
      throw new InvalidValueException(
          "prefix", text, "length " + length + " is longer than the " + a.bits() + " bits of the address");
    }
    return new IpPrefix(a.network(length), length);
  }

  /** An address range {@code low-high}: same family, low ≤ high. */
  public static IpAddress[] addressRange(String low, String high) {
    IpAddress lo = IpAddress.parse(low);
    IpAddress hi = IpAddress.parse(high);
    if (lo.isIpv6() != hi.isIpv6()) {
      throw new InvalidValueException("address range", low + "-" + high, "both ends must be IPv4 or both IPv6");
    }
    if (lo.compareTo(hi) > 0) {
      throw new InvalidValueException("address range", low + "-" + high, "the first address is above the last");
    }
    return new IpAddress[] {lo, hi};
  }

  // ------------------------------------------------------------------------------ numbers

  public static int port(long port) {
    return (int) range("port", port, 0, 65535);
  }

  /** Checks {@code first..last} as a port range (first ≤ last). */
  public static void portRange(long first, long last) {
    port(first);
    port(last);
    if (first > last) {
      throw new InvalidValueException("port range", first + "-" + last, "the first port is above the last");
    }
  }

  /** {@code value} within {@code min..max}, else an error naming {@code what}. */
  public static long range(String what, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidValueException(what, value, "outside " + min + ".." + max);
    }
    return value;
  }

  public static int u8(String what, long value) {
    return (int) range(what, value, 0, 255);
  }

  public static int u16(String what, long value) {
    return (int) range(what, value, 0, 65535);
  }

  public static long u32(String what, long value) {
    return range(what, value, 0, 0xffff_ffffL);
  }

  /** A packet or connection mark: 32 bits. */
  public static long mark(long mark) {
    return u32("mark", mark);
  }

  /** A DSCP code point: 6 bits. */
  public static int dscp(long dscp) {
    return (int) range("DSCP", dscp, 0, 63);
  }

  /** A rate (limit, quota): positive. */
  public static long rate(String what, long rate) {
    if (rate <= 0) {
      throw new InvalidValueException(what, rate, "must be positive");
    }
    return rate;
  }

  public static long nonNegative(String what, long value) {
    if (value < 0) {
      throw new InvalidValueException(what, value, "must not be negative");
    }
    return value;
  }

  // ------------------------------------------------------------------------------ text

  /** A table, chain, set, map, flowtable or object name (see {@link Names}). */
  public static String name(String kind, String name) {
    String problem = Names.problem(name);
    if (problem != null) {
      throw new InvalidValueException(kind + " name", name, problem);
    }
    return name;
  }

  /**
   * An interface name as the kernel allows it: 1..15 bytes, not {@code .} or {@code ..}, no
   * {@code /}, {@code :} or white space.
   */
  public static String ifname(String name) {
    return ifname(name, false);
  }

  /**
   * An interface name to match ({@code iifname}, {@code oifname}): like {@link #ifname(String)}
   * but a trailing {@code *} (nft's wildcard, {@code "eth*"}) is allowed.
   */
  public static String ifnamePattern(String name) {
    return ifname(name, true);
  }

  private static String ifname(String name, boolean wildcard) {
    String what = "interface name";
    if (name.isEmpty()) {
      throw new InvalidValueException(what, name, "it is empty");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > IFNAME_MAX_BYTES) {
      throw new InvalidValueException(
          what, name, "it is " + bytes + " bytes; the kernel allows " + IFNAME_MAX_BYTES + " (IFNAMSIZ 16 with the NUL)");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidValueException(what, name, "\".\" and \"..\" are not interface names");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == ':' || Character.isWhitespace(c) || c == '"' || c < 0x20) {
        throw new InvalidValueException(what, name, "character '" + printable(c) + "' is not allowed");
      }
      if (c == '*' && !(wildcard && i == name.length() - 1)) {
        throw new InvalidValueException(
            what, name, wildcard ? "'*' is a wildcard only at the end" : "'*' is not allowed in an interface name");
      }
    }
    return name;
  }

  /** A MAC address, six hex pairs separated by ':' or '-'; returned lower case with ':'. */
  public static String mac(String mac) {
    String[] parts = mac.split("[:-]", -1);
    if (parts.length != 6) {
      throw new InvalidValueException("MAC address", mac, "six hex pairs separated by ':' are expected");
    }
    StringBuilder sb = new StringBuilder(17);
    for (String p : parts) {
      if (p.length() != 2 || Character.digit(p.charAt(0), 16) < 0 || Character.digit(p.charAt(1), 16) < 0) {
        throw new InvalidValueException("MAC address", mac, "\"" + p + "\" is not a hex pair");
      }
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(p.toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  /** A log prefix: at most 127 bytes, no double quote or control characters. */
  public static String logPrefix(String prefix) {
    return text("log prefix", prefix, LOG_PREFIX_MAX_BYTES);
  }

  /** A rule, set, element or object comment: at most 127 bytes, no double quote or control characters. */
  public static String comment(String comment) {
    return text("comment", comment, COMMENT_MAX_BYTES);
  }

  /** Quoted text nft can print back: bounded, no {@code "} and no control characters. */
  public static String text(String what, String text, int maxBytes) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new InvalidValueException(what, text, "it is " + bytes + " bytes; nft allows " + maxBytes);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c < 0x20 || c == 0x7f) {
        throw new InvalidValueException(what, text, "character '" + printable(c) + "' is not allowed");
      }
    }
    return text;
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
