package io.jnftables.nfnetlink;

import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The nft datatypes whose elements are written directly, with their ids (nft's {@code enum
 * datatypes}), lengths and byte orders. An encoder answers {@code null} for any value it does not
 * read exactly as nft would (names to resolve, prefixes, ranges, unusual spellings): such a batch
 * goes through libnftables, which then also gives nft's own error for a wrong value.
 */
enum DataType {
  IPV4_ADDR(7, 4),
  IPV6_ADDR(8, 16),
  ETHER_ADDR(9, 6),
  INET_PROTO(12, 1),
  INET_SERVICE(13, 2),
  MARK(19, 4),
  IFNAME(41, 16);

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
  private static final Pattern ETHER = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
  private static final Pattern IFNAME_TEXT = Pattern.compile("[A-Za-z0-9_.@-]{1,15}");

  private final int id;
  private final int length;

  DataType(int id, int length) {
    this.id = id;
    this.length = length;
  }

  /** Bytes of a value (before a concatenation pads it to 4). */
  int length() {
    return length;
  }

  static @Nullable DataType of(int id) {
    for (DataType d : values()) {
      if (d.id == id) {
        return d;
      }
    }
    return null;
  }

  /** The value's bytes, or {@code null} if it is not a value this writes directly. */
  byte @Nullable [] encode(Expression e) {
    switch (this) {
      case IPV4_ADDR -> {
        String s = text(e);
        return s != null && IPV4.matcher(s).matches() ? IpAddress.parseIpv4(s).bytes() : null;
      }
      case IPV6_ADDR -> {
        String s = text(e);
        if (s == null || s.indexOf(':') < 0 || !IPV6.matcher(s).matches()) {
          return null;
        }
        try {
          return IpAddress.parseIpv6(s).bytes();
        } catch (InvalidValueException ex) {
          return null;
        }
      }
      case ETHER_ADDR -> {
        String s = text(e);
        if (s == null || !ETHER.matcher(s).matches()) {
          return null;
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
          b[i] = (byte) Integer.parseInt(s.substring(i * 3, i * 3 + 2), 16);
        }
        return b;
      }
      case INET_PROTO -> {
        Long n = number(e, 0xff);
        return n == null ? null : new byte[] {(byte) (long) n};
      }
      case INET_SERVICE -> {
        Long n = number(e, 0xffff);
        return n == null ? null : new byte[] {(byte) (n >> 8), (byte) (long) n};
      }
      case MARK -> { // host byte order, as nft's mark type
        Long n = number(e, 0xffffffffL);
        return n == null ? null : ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) (long) n).array();
      }
      case IFNAME -> {
        String s = text(e);
        if (s == null || !IFNAME_TEXT.matcher(s).matches()) {
          return null;
        }
        byte[] b = new byte[16];
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
      }
    }
    return null;
  }

  private static @Nullable String text(Expression e) {
    return e instanceof StringLiteral s ? s.value() : null;
  }

  /** A number within {@code [0, max]}: a number literal, or decimal or {@code 0x} hex text. */
  private static @Nullable Long number(Expression e, long max) {
    long n;
    if (e instanceof NumberLiteral num) {
      n = num.value();
    } else if (e instanceof StringLiteral s && s.value().matches("0|[1-9][0-9]{0,9}")) {
      n = Long.parseLong(s.value());
    } else if (e instanceof StringLiteral s && s.value().matches("0x[0-9a-fA-F]{1,8}")) {
      n = Long.parseLong(s.value().substring(2), 16);
    } else {
      return null;
    }
    return n >= 0 && n <= max ? n : null;
  }
}
