package io.jnftables.sysctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The values a whitelisted parameter accepts, and how they are written.
 *
 * <p>{@link #normalize(String)} parses a value and returns its canonical text: that text, never
 * the caller's, is what gets written. Numbers are decimal ASCII ({@code -} allowed only where a
 * negative value is allowed), surrounding spaces, tabs and newlines are ignored, leading zeros
 * are dropped ({@code "01"} is written {@code 1}).
 *
 * <p>The ranges are often narrower than what the kernel itself accepts: the kernel takes
 * {@code net.ipv4.ip_forward=2} or {@code rp_filter=3} or a negative {@code tcp_fin_timeout}
 * without complaint. A type accepts the values that have a documented meaning.
 */
public sealed interface SysctlType {

  /** {@code 0} (off) or {@code 1} (on). */
  static SysctlType bool() {
    return Bool.INSTANCE;
  }

  /** An integer in {@code min..max}, both included; {@code unit} is for messages and docs. */
  static SysctlType intRange(long min, long max, String unit) {
    return new IntRange(min, max, unit);
  }

  /** One of the listed integers, each with its meaning. */
  static SysctlType choice(Option... options) {
    return new Choice(List.of(options));
  }

  /**
   * Two ports {@code "LOW HIGH"} with {@code 1 <= LOW <= HIGH <= 65535}, separated by spaces or a
   * tab (the kernel prints a tab); written as {@code LOW<tab>HIGH}.
   */
  static SysctlType portRange() {
    return PortRange.INSTANCE;
  }

  /**
   * Parses {@code value} and returns the canonical text to write.
   *
   * @throws IllegalArgumentException if the value is not allowed; the message says why (without
   *     naming the parameter, which the caller adds)
   */
  String normalize(String value);

  /** Short kind for docs: {@code boolean}, {@code integer}, {@code choice}, {@code port range}. */
  String kind();

  /** What is allowed, e.g. {@code 0 or 1}, {@code 1..2147483 (seconds)}. */
  String allowed();

  /** Whether {@code value} is accepted by {@link #normalize(String)}. */
  default boolean accepts(String value) {
    try {
      normalize(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A value of a {@link Choice} and what it means. */
  record Option(int value, String meaning) {
    /** Checks the meaning is not blank. */
    public Option {
      Objects.requireNonNull(meaning, "meaning");
      if (meaning.isBlank()) {
        throw new IllegalArgumentException("option " + value + " needs a meaning");
      }
    }

    /** Shorthand for {@code new Option(value, meaning)}. */
    public static Option of(int value, String meaning) {
      return new Option(value, meaning);
    }

    @Override
    public String toString() {
      return value + " (" + meaning + ")";
    }
  }

  /** See {@link SysctlType#bool()}. */
  enum Bool implements SysctlType {
    INSTANCE;

    @Override
    public String normalize(String value) {
      long v = Numbers.parse(value);
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("\"" + Numbers.show(value) + "\" is not allowed; expected 0 or 1");
      }
      return Long.toString(v);
    }

    @Override
    public String kind() {
      return "boolean";
    }

    @Override
    public String allowed() {
      return "0 or 1";
    }

    @Override
    public String toString() {
      return "bool";
    }
  }

  /**
   * See {@link SysctlType#intRange(long, long, String)}.
   *
   * @param min smallest allowed value
   * @param max largest allowed value
   * @param unit unit for messages and docs, e.g. {@code seconds}, or {@code ""}
   */
  record IntRange(long min, long max, String unit) implements SysctlType {
    /** Checks {@code min <= max} and that both fit a 32-bit int, as kernel integers do. */
    public IntRange {
      Objects.requireNonNull(unit, "unit");
      if (min > max) {
        throw new IllegalArgumentException("min " + min + " > max " + max);
      }
      if (min < Integer.MIN_VALUE || max > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("range must fit a 32-bit int: " + min + ".." + max);
      }
    }

    @Override
    public String normalize(String value) {
      long v = Numbers.parse(value);
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            Numbers.show(value) + " is out of range; expected " + allowed());
      }
      return Long.toString(v);
    }

    @Override
    public String kind() {
      return "integer";
    }

    @Override
    public String allowed() {
      return min + ".." + max + (unit.isEmpty() ? "" : " (" + unit + ")");
    }
  }

  /**
   * See {@link SysctlType#choice(Option...)}.
   *
   * @param options the allowed values, in the order docs and messages list them
   */
  record Choice(List<Option> options) implements SysctlType {
    /** Copies the options and checks there are at least two, without duplicates. */
    public Choice {
      options = List.copyOf(options);
      if (options.size() < 2) {
        throw new IllegalArgumentException("a choice needs at least two options");
      }
      if (options.stream().map(Option::value).distinct().count() != options.size()) {
        throw new IllegalArgumentException("duplicate option values: " + options);
      }
    }

    @Override
    public String normalize(String value) {
      long v = Numbers.parse(value);
      for (Option o : options) {
        if (o.value() == v) {
          return Long.toString(v);
        }
      }
      throw new IllegalArgumentException(
          "\"" + Numbers.show(value) + "\" is not allowed; expected " + allowed());
    }

    /** The allowed values. */
    public List<Integer> values() {
      List<Integer> values = new ArrayList<>();
      for (Option o : options) {
        values.add(o.value());
      }
      return List.copyOf(values);
    }

    @Override
    public String kind() {
      return "choice";
    }

    @Override
    public String allowed() {
      return "one of " + options.stream().map(Option::toString).collect(Collectors.joining(", "));
    }
  }

  /** See {@link SysctlType#portRange()}. */
  enum PortRange implements SysctlType {
    INSTANCE;

    @Override
    public String normalize(String value) {
      String v = Numbers.strip(value);
      int sep = -1;
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == ' ' || c == '\t') {
          sep = i;
          break;
        }
      }
      if (sep < 0) {
        throw new IllegalArgumentException(
            "\"" + Numbers.show(value) + "\" is not a port range; expected \"LOW HIGH\" with " + bounds());
      }
      long low;
      long high;
      try {
        low = Numbers.parse(v.substring(0, sep));
        high = Numbers.parse(v.substring(sep + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "\"" + Numbers.show(value) + "\" is not a port range; expected \"LOW HIGH\" with " + bounds(), e);
      }
      if (low < 1 || high > 65535 || low > high) {
        throw new IllegalArgumentException(
            "\"" + Numbers.show(value) + "\" is not allowed; expected " + bounds());
      }
      return low + "\t" + high;
    }

    private static String bounds() {
      return "1 <= LOW <= HIGH <= 65535";
    }

    @Override
    public String kind() {
      return "port range";
    }

    @Override
    public String allowed() {
      return "\"LOW HIGH\", " + bounds();
    }

    @Override
    public String toString() {
      return "portRange";
    }
  }
}
