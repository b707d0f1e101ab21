package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * nft's standard chain priorities by name ({@code filter}, {@code dstnat}, …), per family and
 * hook, both ways: reading {@code priority dstnat - 10} and printing {@code -110} as nft does
 * (a name within ten of the value, when the name suits the hook; the number otherwise).
 */
final class Priorities {
  private Priorities() {}

  private record Std(String name, int value) {}

  /** In nft's order, which decides between two names within reach of a value. */
  private static final List<Std> INET =
      List.of(new Std("raw", -300), new Std("mangle", -150), new Std("dstnat", -100), new Std("filter", 0),
          new Std("security", 50), new Std("srcnat", 100));

  private static final List<Std> BRIDGE =
      List.of(new Std("dstnat", -300), new Std("filter", -200), new Std("out", 100), new Std("srcnat", 300));

  private static List<Std> table(Family f) {
    return f == Family.BRIDGE ? BRIDGE : INET;
  }

  /** Whether nft accepts (and lists) the standard priority {@code name} for this family and hook. */
  private static boolean suits(String name, Family f, @Nullable Hook hook) {
    if (f == Family.BRIDGE) {
      switch (name) {
        case "dstnat":
          return hook == Hook.PREROUTING;
        case "out":
          return hook == Hook.OUTPUT;
        case "srcnat":
          return hook == Hook.POSTROUTING;
        default:
          return true;
      }
    }
    boolean inet = f == Family.IP || f == Family.IP6 || f == Family.INET;
    switch (name) {
      case "filter":
        return inet || f == Family.ARP || f == Family.NETDEV;
      case "dstnat":
        return inet && hook == Hook.PREROUTING;
      case "srcnat":
        return inet && hook == Hook.POSTROUTING;
      default:
        return inet;
    }
  }

  /** The value of a standard priority name, or null when it is not one for this family and hook. */
  static @Nullable Integer value(String name, Family f, @Nullable Hook hook) {
    for (Std s : table(f)) {
      if (s.name().equals(name)) {
        return suits(name, f, hook) || hook == null ? s.value() : null;
      }
    }
    return null;
  }

  /** The names that may be written for this family and hook. */
  static List<String> names(Family f, @Nullable Hook hook) {
    List<String> out = new ArrayList<>();
    for (Std s : table(f)) {
      if (suits(s.name(), f, hook)) {
        out.add(s.name());
      }
    }
    return out;
  }

  /** How nft lists a priority: {@code filter}, {@code dstnat - 10}, {@code -289}. */
  static String print(int value, Family f, @Nullable Hook hook) {
    for (Std s : table(f)) {
      if (Math.abs(value - s.value()) <= 10) {
        if (!suits(s.name(), f, hook)) {
          break;
        }
        int offset = value - s.value();
        return offset == 0 ? s.name() : s.name() + (offset > 0 ? " + " + offset : " - " + (-offset));
      }
    }
    return Integer.toString(value);
  }
}
