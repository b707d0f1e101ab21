package io.jnftables.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutations of text and bytes that know nothing of the language: characters and bytes changed,
 * spans duplicated, splices, truncations, boundary numbers, odd Unicode and line ends. The fuzz
 * tests add the ones that know their grammar.
 */
public final class Mutations {
  private Mutations() {}

  /** Characters nft text is made of, plus a few it is not. */
  public static final String ALPHABET = "abcdeilnoprstux0123456789{}[]()\",;:!=<>-/.*@$&|^# \t\n_\\'éÿ";

  /** Numbers at the edges of the integer types, and beyond them. */
  public static final List<String> BOUNDARY_NUMBERS = List.of(
      "0", "-0", "1", "-1", "00", "007", "255", "256", "65535", "65536", "-65536", "2147483647", "2147483648",
      "-2147483648", "-2147483649", "4294967295", "4294967296", "-4294967296", "9223372036854775807",
      "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
      "18446744073709551616", "340282366920938463463374607431768211456", "1" + "0".repeat(100),
      "9".repeat(5000), "0x", "0x0", "0xffffffff", "0x100000000", "0xffffffffffffffff", "0x10000000000000000",
      "0x" + "f".repeat(300), "1.5", "1e10", "1e400", "-1e-400", "0.0000001", ".5", "5.", "0b101", "1_000");

  /** Characters that stress case folding, surrogates, widths and line ends. */
  public static final List<String> ODD_CHARS = List.of(
      "\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u00a0",
      "\u00ad", "\u0130", "\u0131", "\u00df", "\u212a", "\u017f", "\u0301", "\u200b", "\u200d", "\u202e",
      "\u2028", "\u2029", "\u3000", "\ufeff", "\ufffd", "\uffff", "\ud800", "\udc00", "\ud83d\ude00",
      "\udbff\udfff", "\uff54\uff43\uff50", "\u0663", "\u0966", "\u00b2", "\u2160", "\r", "\n", "\r\n", "\t",
      "\\", "\\\n", "\"", "#", "$", "@", "é", "ÿ");

  /** Byte sequences that are not UTF-8: stray continuation, overlong, surrogate, truncated, invalid leads. */
  public static final List<byte[]> INVALID_UTF8 = List.of(
      new byte[] {(byte) 0x80}, new byte[] {(byte) 0xbf}, new byte[] {(byte) 0xc0, (byte) 0x80},
      new byte[] {(byte) 0xc1, (byte) 0xbf}, new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xed, (byte) 0xbf, (byte) 0xbf},
      new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xf5},
      new byte[] {(byte) 0xfe}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3},
      new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
      new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {0});

  public static <T> T pick(List<T> list, Random r) {
    return list.get(r.nextInt(list.size()));
  }

  /** One to three character edits: delete, insert, replace, swap with the next, duplicate a span. */
  public static String chars(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(at);
          }
        }
        case 1 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        case 2 -> {
          if (sb.length() > 0) {
            sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          }
        }
        case 3 -> {
          if (at + 1 < sb.length()) {
            char c = sb.charAt(at);
            sb.setCharAt(at, sb.charAt(at + 1));
            sb.setCharAt(at + 1, c);
          }
        }
        default -> {
          int end = Math.min(sb.length(), at + 1 + r.nextInt(8));
          sb.insert(at, sb.substring(Math.min(at, sb.length()), end));
        }
      }
    }
    return sb.toString();
  }

  /** One to four byte edits (bit flips, random bytes, inserts, deletes, invalid UTF-8). */
  public static byte[] bytes(byte[] in, Random r) {
    List<Byte> b = new ArrayList<>(in.length + 8);
    for (byte x : in) {
      b.add(x);
    }
    int edits = 1 + r.nextInt(4);
    for (int k = 0; k < edits; k++) {
      int at = b.isEmpty() ? 0 : r.nextInt(b.size());
      switch (r.nextInt(6)) {
        case 0 -> {
          if (!b.isEmpty()) {
            b.set(at, (byte) (b.get(at) ^ (1 << r.nextInt(8))));
          }
        }
        case 1 -> {
          if (!b.isEmpty()) {
            b.set(at, (byte) r.nextInt(256));
          }
        }
        case 2 -> b.add(at, (byte) r.nextInt(256));
        case 3 -> {
          if (!b.isEmpty()) {
            b.remove(at);
          }
        }
        case 4 -> {
          byte[] bad = pick(INVALID_UTF8, r);
          for (int j = bad.length - 1; j >= 0; j--) {
            b.add(at, bad[j]);
          }
        }
        default -> {
          int end = Math.min(b.size(), at + 1 + r.nextInt(16));
          b.addAll(at, new ArrayList<>(b.subList(at, end)));
        }
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  /** {@link #bytes} of the text's UTF-8, read back as UTF-8 (bad bytes become U+FFFD) or as Latin-1. */
  public static String bytesOfText(String s, Random r) {
    byte[] b = bytes(s.getBytes(StandardCharsets.UTF_8), r);
    return new String(b, r.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** The start of {@code a} and the end of {@code b}, cut anywhere. */
  public static String splice(String a, String b, Random r) {
    return a.substring(0, r.nextInt(a.length() + 1)) + b.substring(r.nextInt(b.length() + 1));
  }

  /**
   * Cut short: anywhere, at a token edge, just after an opening bracket or quote, inside a quoted
   * string, just after an operator, or by the last character.
   */
  public static String truncate(String s, Random r) {
    if (s.isEmpty()) {
      return s;
    }
    List<Integer> points = new ArrayList<>();
    String kinds = switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "{([";
      case 2 -> "\"";
      case 3 -> "=<>!&|^,.:-/";
      case 4 -> "\n;}";
      default -> "";
    };
    if (!kinds.isEmpty()) {
      for (int i = 0; i < s.length(); i++) {
        if (kinds.indexOf(s.charAt(i)) >= 0) {
          points.add(i + 1);
        }
      }
    }
    if (points.isEmpty()) {
      return r.nextInt(4) == 0 ? s.substring(0, s.length() - 1) : s.substring(0, r.nextInt(s.length()));
    }
    return s.substring(0, pick(points, r));
  }

  /** A run of digits (or a whole number-like word) replaced by a boundary number. */
  public static String numbers(String s, Random r) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      if (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128)) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      } else {
        i++;
      }
    }
    String n = pick(BOUNDARY_NUMBERS, r);
    if (runs.isEmpty()) {
      int at = r.nextInt(s.length() + 1);
      return s.substring(0, at) + " " + n + " " + s.substring(at);
    }
    int[] run = pick(runs, r);
    return s.substring(0, run[0]) + n + s.substring(run[1]);
  }

  /** One to three odd characters inserted or put in place of others. */
  public static String unicode(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = r.nextInt(sb.length() + 1);
      String c = pick(ODD_CHARS, r);
      if (r.nextBoolean() && at < sb.length()) {
        sb.replace(at, at + 1, c);
      } else {
        sb.insert(at, c);
      }
    }
    return sb.toString();
  }

  /** Line ends as CR LF, CR alone, doubled, continued with a backslash, or a stray CR. */
  public static String lineEnds(String s, Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> s.replace("\n", "\r\n");
      case 1 -> s.replace("\n", "\r");
      case 2 -> s.replace("\n", "\n\n");
      case 3 -> s.replace("\n", "\\\n");
      case 4 -> s.replace(" ", r.nextBoolean() ? "\n" : "\r\n");
      default -> {
        int at = r.nextInt(s.length() + 1);
        yield s.substring(0, at) + (r.nextBoolean() ? "\r" : "\\\r\n") + s.substring(at);
      }
    };
  }

  /** A long token: a word, a quoted string, digits, or a repeated character, at a random place. */
  public static String longToken(String s, Random r) {
    int n = switch (r.nextInt(5)) {
      case 0 -> 256;
      case 1 -> 1000 + r.nextInt(48); // around the longest word the lexer takes
      case 2 -> 4096;
      case 3 -> 16_384;
      default -> 100_000;
    };
    String token = switch (r.nextInt(9)) {
      case 0 -> "a".repeat(n);
      case 1 -> "\"" + "x".repeat(n) + "\"";
      case 2 -> "9".repeat(n);
      case 3 -> "1.".repeat(n / 2) + "1";
      case 4 -> ":".repeat(n);
      case 5 -> "1-".repeat(n / 2) + "1";
      case 6 -> "1:".repeat(n / 2) + "1";
      case 7 -> "-/".repeat(n / 2);
      default -> "\"" + "é".repeat(n);
    };
    int at = r.nextInt(s.length() + 1);
    return s.substring(0, at) + (r.nextBoolean() ? " " : "") + token + " " + s.substring(at);
  }
}
