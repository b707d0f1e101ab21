package io.jnftables.validate;

import java.util.Arrays;

/**
 * A literal IPv4 or IPv6 address, parsed strictly from text (no DNS, no zone ids, no octal),
 * printed the way nft lists it back (glibc {@code inet_ntop}: lower case, the longest run of zero
 * groups as {@code ::}).
 *
 * <p>Unlike the seed library, text is never mistaken for raw bytes: {@code "1::1"} (4 characters)
 * is the IPv6 address 1::1, and {@code "192.168.100.0/24"} (16 characters) is a prefix.
 */
public final class IpAddress {
  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Parses IPv4 dotted-quad or IPv6 text; throws {@link InvalidValueException} otherwise. */
  public static IpAddress parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    return parseIpv4(text);
  }

  public static IpAddress parseIpv4(String text) {
    try {
      return new IpAddress(ipv4Bytes(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("IPv4 address", text, e.getMessage());
    }
  }

  public static IpAddress parseIpv6(String text) {
    try {
      return new IpAddress(ipv6Bytes(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("IPv6 address", text, e.getMessage());
    }
  }

  /** From 4 or 16 raw bytes (network order). */
  public static IpAddress ofBytes(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new InvalidValueException("IP address", bytes.length + " bytes", "an address has 4 or 16 bytes");
    }
    return new IpAddress(bytes.clone());
  }

  public boolean isIpv6() {
    return bytes.length == 16;
  }

  /** The address length in bits: 32 or 128. */
  public int bits() {
    return bytes.length * 8;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** This address with every bit after the first {@code length} cleared. */
  public IpAddress network(int length) {
    byte[] out = bytes.clone();
    for (int bit = length; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return new IpAddress(out);
  }

  /** Unsigned comparison; IPv4 sorts before IPv6. */
  public int compareTo(IpAddress other) {
    if (bytes.length != other.bytes.length) {
      return Integer.compare(bytes.length, other.bytes.length);
    }
    for (int i = 0; i < bytes.length; i++) {
      int c = Integer.compare(bytes[i] & 0xff, other.bytes[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress a && Arrays.equals(a.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The text nft lists: {@code 10.0.0.1}, {@code 2001:db8::1}. */
  @Override
  public String toString() {
    return bytes.length == 4 ? formatIpv4(bytes, 0) : formatIpv6(bytes);
  }

  // ---------------------------------------------------------------------------------------------

  private static byte[] ipv4Bytes(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    if (n == 0) {
      throw new IllegalArgumentException("it is empty");
    }
    while (true) {
      int start = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int digits = i - start;
      if (digits == 0) {
        throw new IllegalArgumentException(
            i < n
                ? "character '" + s.charAt(i) + "' is not allowed (four decimal numbers 0..255 separated by dots)"
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
            i < n
                ? "character '" + s.charAt(i) + "' is not allowed in an IPv4 address"
                : "an IPv4 address has four octets, found " + part);
      }
      i++;
    }
  }

  private static byte[] ipv6Bytes(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    if (s.indexOf('%') >= 0) {
      throw new IllegalArgumentException("zone ids (%...) are not allowed");
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
        throw new IllegalArgumentException("an IPv6 address without \"::\" has eight groups, found " + head.length);
      }
    } else {
      String left = s.substring(0, dc);
      String right = s.substring(dc + 2);
      head = left.isEmpty() ? new int[0] : groups(left, false);
      tail = right.isEmpty() ? new int[0] : groups(right, true);
      if (head.length + tail.length > 7) {
        throw new IllegalArgumentException("too many groups for an address with \"::\"");
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

  private static int[] groups(String s, boolean mayEndWithIpv4) {
    String[] parts = s.split(":", -1);
    int[] words = new int[parts.length + 1];
    int n = 0;
    for (int p = 0; p < parts.length; p++) {
      String g = parts[p];
      if (p == parts.length - 1 && mayEndWithIpv4 && g.indexOf('.') >= 0) {
        byte[] v4 = ipv4Bytes(g);
        words[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        words[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (g.isEmpty()) {
        throw new IllegalArgumentException("empty group (a single ':' where a group belongs)");
      }
      if (g.length() > 4) {
        throw new IllegalArgumentException("group \"" + g + "\" has more than four hex digits");
      }
      int v = 0;
      for (int i = 0; i < g.length(); i++) {
        char c = g.charAt(i);
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
          throw new IllegalArgumentException("character '" + c + "' is not allowed in an IPv6 address");
        }
        v = (v << 4) | d;
      }
      if (n >= 8) {
        throw new IllegalArgumentException("too many groups for an IPv6 address");
      }
      words[n++] = v;
    }
    if (n > 8) {
      throw new IllegalArgumentException("too many groups for an IPv6 address");
    }
    return Arrays.copyOf(words, n);
  }

  private static String formatIpv4(byte[] a, int off) {
    return (a[off] & 0xff) + "." + (a[off + 1] & 0xff) + "." + (a[off + 2] & 0xff) + "." + (a[off + 3] & 0xff);
  }

  private static String formatIpv6(byte[] a) {
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
        sb.append(formatIpv4(a, 12));
        return sb.toString();
      }
      sb.append(Integer.toHexString(w[i]));
    }
    if (bestBase != -1 && bestBase + bestLen == 8) {
      sb.append(':');
    }
    return sb.toString();
  }
}
