package io.jnftables.text;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** nft's time spellings: relative times ({@code 1d2h3m4s5ms}), dates and times of day. */
final class Times {
  private Times() {}

  /** Milliseconds of a relative time such as {@code 1h30m}, {@code 30000ms} or {@code 45}, or null. */
  static @Nullable Long parseMillis(String s) {
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    if (ValueParser.isDigits(s)) {
      return s.length() > 15 ? null : Long.parseLong(s) * 1000;
    }
    long total = 0;
    int i = 0;
    int n = s.length();
    int lastRank = Integer.MAX_VALUE;
    while (i < n) {
      int start = i;
      while (i < n && ValueParser.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 12) {
        return null;
      }
      long v = Long.parseLong(s.substring(start, i));
      long unit;
      int rank;
      if (s.startsWith("ms", i)) {
        unit = 1;
        rank = 0;
        i += 2;
      } else if (i < n) {
        switch (s.charAt(i)) {
          case 'd':
            unit = 86_400_000L;
            rank = 4;
            break;
          case 'h':
            unit = 3_600_000L;
            rank = 3;
            break;
          case 'm':
            unit = 60_000L;
            rank = 2;
            break;
          case 's':
            unit = 1000L;
            rank = 1;
            break;
          default:
            return null;
        }
        i++;
      } else {
        return null;
      }
      if (rank >= lastRank) {
        return null;
      }
      lastRank = rank;
      total += v * unit;
    }
    return total;
  }

  /** Whole seconds of a relative time (rounded down), or null. */
  static @Nullable Long parseSeconds(String s) {
    Long ms = parseMillis(s);
    return ms == null ? null : ms / 1000;
  }

  /** A time in nft's listing form: {@code 1d2h3m4s}, {@code 30s}; {@code ms} only when not whole seconds. */
  static String format(long millis) {
    if (millis == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long d = millis / 86_400_000L;
    long h = millis / 3_600_000L % 24;
    long m = millis / 60_000L % 60;
    long s = millis / 1000 % 60;
    long ms = millis % 1000;
    if (d > 0) {
      sb.append(d).append('d');
    }
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (s > 0) {
      sb.append(s).append('s');
    }
    if (ms > 0) {
      sb.append(ms).append("ms");
    }
    return sb.toString();
  }

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Seconds since the epoch of {@code "YYYY-MM-DD HH:MM[:SS]"} (UTC), or null. */
  static @Nullable Long parseDate(String s) {
    for (DateTimeFormatter f : new DateTimeFormatter[] {DATE_TIME, DATE_MINUTES}) {
      try {
        return LocalDateTime.parse(s, f).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // next form
      }
    }
    if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return LocalDateTime.parse(s + " 00:00:00", DATE_TIME).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** Seconds since midnight of {@code "HH:MM[:SS]"}, or null. */
  static @Nullable Integer parseHour(String s) {
    String[] p = s.split(":", -1);
    if (p.length < 2 || p.length > 3) {
      return null;
    }
    int[] v = new int[3];
    for (int i = 0; i < p.length; i++) {
      if (p[i].isEmpty() || p[i].length() > 2 || !ValueParser.isDigits(p[i])) {
        return null;
      }
      v[i] = Integer.parseInt(p[i]);
    }
    if (v[0] > 23 || v[1] > 59 || v[2] > 59) {
      return null;
    }
    return v[0] * 3600 + v[1] * 60 + v[2];
  }
}
