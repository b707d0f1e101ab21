package io.jnftables.text;

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
  private Addresses() {}

  static byte[] parseIpv4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (true) {
      int start = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int digits = i - start;
      if (digits == 0) {
        throw new IllegalArgumentException(
            i < n ? "character '" + s.charAt(i) + "' is not allowed in an IPv4 address"
                : "an IPv4 address is four decimal numbers 0..255 separated by dots");
      }
      if (digits > 1 && s.charAt(start) == '0') {
        throw new IllegalArgumentException(
            "octet \"" + s.substring(start, i) + "\" has a leading zero (nft would read it as octal)");
      }
      if (digits > 3 || Integer.parseInt(s.substring(start, i)) > 255) {
        throw new IllegalArgumentException("octet " + s.substring(start, i) + " is outside 0..255");
      }
      out[part++] = (byte) Integer.parseInt(s.substring(start, i));
      if (part == 4) {
        if (i != n) {
          throw new IllegalArgumentException("an IPv4 address has exactly four octets");
        }
        return out;
      }
      if (i >= n || s.charAt(i) != '.') {
        throw new IllegalArgumentException(
            i < n ? "character '" + s.charAt(i) + "' is not allowed in an IPv4 address"
                : "an IPv4 address has four octets, found " + part);
      }
      i++;
    }
  }

  static byte[] parseIpv6(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty IPv6 address");
    }
    int dc = s.indexOf("::");
    if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
      throw new IllegalArgumentException("\"::\" may appear only once in an IPv6 address");
    }
    int[] head;
    int[] tail;
    if (dc < 0) {
      head = groups(s, true);
      tail = new int[0];
      if (head.length != 8) {
        throw new IllegalArgumentException(
            "an IPv6 address without \"::\" has eight groups, found " + head.length);
      }
    } else {
      String left = s.substring(0, dc);
      String right = s.substring(dc + 2);
      head = left.isEmpty() ? new int[0] : groups(left, false);
      tail = right.isEmpty() ? new int[0] : groups(right, true);
      if (head.length + tail.length > 7) {
        throw new IllegalArgumentException("too many groups for an IPv6 address with \"::\"");
      }
    }
    byte[] out = new byte[16];
    for (int i = 0; i < head.length; i++) {
      out[2 * i] = (byte) (head[i] >> 8);
      out[2 * i + 1] = (byte) head[i];
    }
    for (int i = 0; i < tail.length; i++) {
      int w = 8 - tail.length + i;
      out[2 * w] = (byte) (tail[i] >> 8);
      out[2 * w + 1] = (byte) tail[i];
    }
    return out;
  }

  /** Colon-separated groups; a dotted quad may end the last part and counts as two groups. */
  private static int[] groups(String s, boolean mayEndWithIpv4) {
    String[] parts = s.split(":", -1);
    int[] words = new int[parts.length + 1];
    int n = 0;
    for (int p = 0; p < parts.length; p++) {
      String g = parts[p];
      if (p == parts.length - 1 && mayEndWithIpv4 && g.indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(g);
        words[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        words[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (g.isEmpty()) {
        throw new IllegalArgumentException("empty group in IPv6 address (a single ':' where a group belongs)");
      }
      if (g.length() > 4) {
        throw new IllegalArgumentException("group \"" + g + "\" has more than four hex digits");
      }
      int v = 0;
      for (int i = 0; i < g.length(); i++) {
        int d = Character.digit(g.charAt(i), 16);
        if (d < 0 || g.charAt(i) > 'f') {
          throw new IllegalArgumentException(
              "character '" + g.charAt(i) + "' is not allowed in an IPv6 address");
        }
        v = (v << 4) | d;
      }
      words[n++] = v;
      if (n > 8) {
        throw new IllegalArgumentException("too many groups for an IPv6 address");
      }
    }
    int[] out = new int[n];
    System.arraycopy(words, 0, out, 0, n);
    if (n > 8) {
      throw new IllegalArgumentException("too many groups for an IPv6 address");
    }
    return out;
  }

  static String format(byte[] a) {
    return a.length == 4 ? formatIpv4(a) : formatIpv6(a);
  }

  static String formatIpv4(byte[] a) {
    return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
  }

  /** glibc {@code inet_ntop(AF_INET6)}. */
  static String formatIpv6(byte[] a) {
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int i = 0; i < 8; i++) {
      if (w[i] == 0) {
        if (curBase == -1) {
          curBase = i;
          curLen = 1;
        } else {
          curLen++;
        }
      } else if (curBase != -1) {
        if (bestBase == -1 || curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
      bestBase = curBase;
      bestLen = curLen;
    }
    if (bestBase != -1 && bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          sb.append(':');
        }
        continue;
      }
      if (i != 0) {
        sb.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
        sb.append(formatIpv4(new byte[] {a[12], a[13], a[14], a[15]}));
        return sb.toString();
      }
      sb.append(Integer.toHexString(w[i]));
    }
    if (bestBase != -1 && bestBase + bestLen == 8) {
      sb.append(':');
    }
    return sb.toString();
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
