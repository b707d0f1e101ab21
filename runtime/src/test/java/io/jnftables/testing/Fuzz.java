package io.jnftables.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs a fuzz campaign: {@code cases} inputs, each made by a generator from its own seeded
 * {@link Random} (so that case {@code i} of seed {@code s} is the same input whether it runs
 * alone or after a million others), fed to a target that either returns, refuses the input with
 * the documented exception (and checks it), or fails in any other way.
 *
 * <p>Inputs run on a worker thread; this thread watches it, so that an input that hangs ends the
 * campaign as a failure naming that input and where the worker was, instead of a stuck build.
 * Every input after the first {@link #WARM_UP} is timed, and one slower than {@link
 * #MAX_MILLIS} counts as a failure too.
 *
 * <p>System properties: {@code jnftables.fuzzCases} (how many inputs), {@code jnftables.fuzzSeed},
 * {@code jnftables.fuzzOnly=i} (run only case {@code i}, printing it).
 */
public final class Fuzz {
  /** What the target did with an input. */
  public enum Outcome {
    RETURNED,
    /** Threw the documented exception, which pointed where it should. */
    REFUSED
  }

  /** Makes input {@code index} from {@code r}, a generator of its own. */
  public interface Generator<I> {
    I make(Random r, int index);
  }

  /** Runs one input; anything it throws is a failure. */
  public interface Target<I> {
    Outcome run(I input) throws Throwable;
  }

  /** Bounded time per input: generous against GC pauses, far above the microseconds a parse takes. */
  public static final long MAX_MILLIS = 1000;

  /** The first inputs load classes and warm the JIT up: not timed. */
  public static final int WARM_UP = 200;

  /** An input still running after this long is a hang: the campaign stops there. */
  public static final long HANG_MILLIS = 20_000;

  /** Failures kept in full (more are counted); distinct by exception and first frame. */
  private static final int KEPT = 10;

  /**
   * What a campaign found.
   *
   * @param failures each kept failure: case, input (escaped) and stack trace
   */
  public record Report(
      String name, String refusedLabel, long seed, int inputs, long returned, long refused, long other,
      double maxMillis, List<String> failures) {
    /** {@code FUZZ parser inputs=1000000 returned=N syntax_errors=M other=0 seed=S max_ms=T}. */
    public String line() {
      return String.format(java.util.Locale.ROOT, "FUZZ %s inputs=%d returned=%d %s=%d other=%d seed=%d max_ms=%.1f",
          name, inputs, returned, refusedLabel, refused, other, seed, maxMillis);
    }

    /** The line and every kept failure, for an assertion message. */
    public String details() {
      StringBuilder sb = new StringBuilder(line());
      for (String f : failures) {
        sb.append("\n\n").append(f);
      }
      return sb.toString();
    }
  }

  private Fuzz() {}

  public static long seed(long defaultSeed) {
    return Long.getLong("jnftables.fuzzSeed", defaultSeed);
  }

  public static int cases(int defaultCases) {
    return Integer.getInteger("jnftables.fuzzCases", defaultCases);
  }

  /** The generator of case {@code index} of campaign {@code seed}: independent of every other case. */
  static Random random(long seed, int index) {
    return new Random(seed * 0x9E3779B97F4A7C15L + index);
  }

  /**
   * Runs the campaign and prints its {@link Report#line()}. {@code show} renders an input for a
   * failure message; failing inputs are also written in full under {@code target/fuzz-failures}.
   */
  public static <I> Report run(String name, String refusedLabel, long seed, int cases, Generator<I> generator,
      java.util.function.Function<I, String> show, Target<I> target) throws InterruptedException {
    Integer only = Integer.getInteger("jnftables.fuzzOnly");
    int from = only == null ? 0 : only;
    int to = only == null ? cases : only + 1;
    Worker<I> w = new Worker<>(name, seed, from, to, generator, show, target);
    Thread t = new Thread(w, "fuzz-" + name);
    t.setDaemon(true); // abandoned if it hangs
    t.start();
    while (t.isAlive()) {
      t.join(100);
      long startedAt = w.startedAt;
      if (startedAt != 0 && System.nanoTime() - startedAt > HANG_MILLIS * 1_000_000L && t.isAlive()) {
        StringBuilder where = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
          where.append("\n\tat ").append(e);
        }
        int index = w.index;
        w.failures.put("hang", w.describe(index, w.current, "still running after " + HANG_MILLIS + " ms" + where));
        return w.report(name, refusedLabel, seed, index + 1 - from, 1);
      }
    }
    if (w.crash != null) {
      throw new AssertionError("the fuzz generator itself failed", w.crash);
    }
    Report r = w.report(name, refusedLabel, seed, to - from, 0);
    System.out.println(r.line());
    return r;
  }

  private static final class Worker<I> implements Runnable {
    final String name;
    final long seed;
    final int from;
    final int to;
    final Generator<I> generator;
    final java.util.function.Function<I, String> show;
    final Target<I> target;
    final Map<String, String> failures = new LinkedHashMap<>();
    volatile long startedAt;
    volatile int index;
    volatile I current;
    long returned;
    long refused;
    long other;
    long slowest;
    volatile Throwable crash;

    Worker(String name, long seed, int from, int to, Generator<I> generator, java.util.function.Function<I, String> show,
        Target<I> target) {
      this.name = name;
      this.seed = seed;
      this.from = from;
      this.to = to;
      this.generator = generator;
      this.show = show;
      this.target = target;
    }

    @Override
    public void run() {
      try {
        for (int i = from; i < to; i++) {
          I input = generator.make(random(seed, i), i);
          if (from + 1 == to) {
            System.out.println("FUZZ " + name + " case " + i + ": " + show.apply(input));
          }
          current = input;
          index = i;
          long start = System.nanoTime();
          startedAt = start;
          Throwable failure = null;
          Outcome o = null;
          try {
            o = target.run(input);
          } catch (Throwable e) {
            failure = e;
          }
          long took = System.nanoTime() - start;
          startedAt = 0;
          if (failure != null) {
            other++;
            keep(failure, i, input, stackTrace(failure));
            continue;
          }
          if (o == Outcome.RETURNED) {
            returned++;
          } else {
            refused++;
          }
          if (i - from >= WARM_UP) {
            slowest = Math.max(slowest, took);
            if (took > MAX_MILLIS * 1_000_000L) {
              other++;
              keep(null, i, input, "took " + took / 1_000_000 + " ms, more than " + MAX_MILLIS);
            }
          }
        }
      } catch (Throwable e) {
        crash = e;
      }
    }

    private void keep(Throwable failure, int i, I input, String why) {
      String key = "slow";
      if (failure != null) {
        StackTraceElement[] st = failure.getStackTrace();
        key = failure.getClass().getName() + (st.length > 0 ? " " + st[0] : "");
      }
      if (failures.size() < KEPT && !failures.containsKey(key)) {
        failures.put(key, describe(i, input, why));
      }
    }

    String describe(int i, I input, String why) {
      String shown;
      try {
        shown = show.apply(input);
      } catch (RuntimeException e) {
        shown = "<could not show the input: " + e + ">";
      }
      Path file = Path.of("target", "fuzz-failures", name + "-" + seed + "-" + i + ".txt");
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, shown, StandardCharsets.UTF_8);
      } catch (IOException e) {
        file = null;
      }
      return "case " + i + " (reproduce: -Djnftables.fuzzSeed=" + seed + " -Djnftables.fuzzOnly=" + i + ")"
          + (file == null ? "" : ", input in " + file.toAbsolutePath()) + "\ninput: " + abbreviate(shown) + "\n" + why;
    }

    Report report(String name, String refusedLabel, long seed, int inputs, long hangs) {
      return new Report(name, refusedLabel, seed, inputs, returned, refused, other + hangs, slowest / 1e6,
          new ArrayList<>(failures.values()));
    }
  }

  /** The exception and its causes, each with its first frames (a stack overflow repeats itself). */
  private static String stackTrace(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      sb.append(t == e ? "" : "Caused by: ").append(t).append('\n');
      StackTraceElement[] st = t.getStackTrace();
      for (int i = 0; i < Math.min(st.length, 40); i++) {
        sb.append("\tat ").append(st[i]).append('\n');
      }
      if (st.length > 40) {
        sb.append("\t… ").append(st.length - 40).append(" more\n");
      }
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 1500 ? s : s.substring(0, 1000) + " …(" + s.length() + " chars)… " + s.substring(s.length() - 300);
  }

  /** Java-style escapes for everything but printable ASCII, so that any input reads on one line. */
  public static String escape(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Bytes as a Java string literal of their UTF-8 text, bytes that are not valid UTF-8 as {@code \xNN}. */
  public static String escapeBytes(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length + 16).append('"');
    java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
    int i = 0;
    while (i < b.length) {
      int len = utf8Length(b, i);
      if (len == 0) {
        sb.append(String.format("\\x%02x", b[i] & 0xff));
        i++;
        continue;
      }
      try {
        String ch = d.decode(java.nio.ByteBuffer.wrap(b, i, len)).toString();
        String e = escape(ch);
        sb.append(e, 1, e.length() - 1);
      } catch (java.nio.charset.CharacterCodingException e) {
        for (int k = 0; k < len; k++) {
          sb.append(String.format("\\x%02x", b[i + k] & 0xff));
        }
      }
      i += len;
    }
    return sb.append('"').toString();
  }

  /** Length of the UTF-8 sequence at {@code i} if its lead and continuation bytes are well formed, else 0. */
  private static int utf8Length(byte[] b, int i) {
    int lead = b[i] & 0xff;
    int len = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3
        : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (len == 0 || i + len > b.length) {
      return 0;
    }
    for (int k = 1; k < len; k++) {
      if ((b[i + k] & 0xc0) != 0x80) {
        return 0;
      }
    }
    return len;
  }
}
