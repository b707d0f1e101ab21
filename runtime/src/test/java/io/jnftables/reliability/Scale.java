package io.jnftables.reliability;

import java.util.Locale;

/**
 * How big the reliability runs are. The normal suite runs the small counts (each test well under a
 * minute); {@code -Djnftables.reliability.scale=full} runs the counts the figures in
 * docs/reliability.md come from. {@code -Djnftables.reliability.seed=N} replays a run.
 */
final class Scale {
  static final String PROPERTY = "jnftables.reliability.scale";
  static final String SEED_PROPERTY = "jnftables.reliability.seed";

  private Scale() {}

  static boolean full() {
    return System.getProperty(PROPERTY, "small").toLowerCase(Locale.ROOT).equals("full");
  }

  /** {@code small} in the normal suite, {@code full} otherwise. */
  static int pick(int small, int full) {
    return full() ? full : small;
  }

  static String name() {
    return full() ? "full" : "small";
  }

  /** The seed of this run: given, or fresh (printed, so that a failure can be replayed). */
  static long seed() {
    String s = System.getProperty(SEED_PROPERTY);
    return s != null ? Long.parseLong(s) : System.nanoTime();
  }
}
