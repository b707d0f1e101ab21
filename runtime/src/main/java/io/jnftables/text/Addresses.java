package io.jnftables.text;

import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;

/**
 * Strict IPv4 and IPv6 address text, without any name resolution ({@code InetAddress.getByName}
 * would query DNS for anything that is not a literal).
 *
 * <ul>
 *   <li>IPv4: a dotted quad of decimal octets 0..255. Leading zeros are refused: nft reads
 *       {@code 010.0.0.1} as octal (8.0.0.1), which is never what a policy author meant.
 *   <li>IPv6: the text forms of RFC 4291 section 2.2 — eight groups of 1..4 hex digits, one
 *       {@code ::} for one or more zero groups, an optional dotted-quad tail. No zone ids.
 * </ul>
 *
 * Formatting follows glibc's {@code inet_ntop}, which is what nft lists back: lower case, the
 * longest run (first on ties) of two or more zero groups as {@code ::}, and a dotted-quad tail for
 * IPv4-mapped ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}) addresses.
 * Problems are reported as {@link IllegalArgumentException} whose message says what is wrong.
 */
final class Addresses {
  // Parsing and formatting are IpAddress's (one implementation for the parser and the validator);
  // this adapter gives the parser bytes and bare problem messages.
  private Addresses() {}

  static byte[] parseIpv4(String s) {
    try {
      return IpAddress.parseIpv4(s).bytes();
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException(e.problem(), e);
    }
  }

  static byte[] parseIpv6(String s) {
    try {
      return IpAddress.parseIpv6(s).bytes();
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException(e.problem(), e);
    }
  }

  static String format(byte[] a) {
    return IpAddress.ofBytes(a).toString();
  }

  /** {@code address} with the bits after the first {@code length} cleared. */
  static byte[] network(byte[] address, int length) {
    byte[] out = address.clone();
    for (int bit = length; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  /** Unsigned comparison of two addresses of the same length. */
  static int compare(byte[] x, byte[] y) {
    for (int i = 0; i < x.length; i++) {
      int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static boolean isIpv4(String s) {
    return tryParse4(s) != null;
  }

  static boolean isIpv6(String s) {
    if (s.indexOf(':') < 0) {
      return false;
    }
    try {
      parseIpv6(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte @org.jspecify.annotations.Nullable [] tryParse4(String s) {
    if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    try {
      return parseIpv4(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The bytes of an IPv4 or IPv6 address, or null. */
  static byte @org.jspecify.annotations.Nullable [] tryParse(String s) {
    if (s.indexOf(':') >= 0) {
      try {
        return parseIpv6(s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return tryParse4(s);
  }

  /**
   * A MAC address in nft's listing form (six colon-separated bytes of two lower-case hex digits:
   * {@code 0:1:2:3:4:6} is {@code 00:01:02:03:04:06}), or null if {@code s} is not one.
   */
  static @org.jspecify.annotations.Nullable String normalizeMac(String s) {
    String[] parts = s.split(":", -1);
    if (parts.length != 6) {
      return null;
    }
    StringBuilder sb = new StringBuilder(17);
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 2) {
        return null;
      }
      for (int i = 0; i < p.length(); i++) {
        if (Character.digit(p.charAt(i), 16) < 0) {
          return null;
        }
      }
      if (sb.length() > 0) {
        sb.append(':');
      }
      if (p.length() == 1) {
        sb.append('0');
      }
      sb.append(p.toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
