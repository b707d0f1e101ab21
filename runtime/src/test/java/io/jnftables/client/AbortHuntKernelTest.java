package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.testing.Sh;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The abort hunt: random batches ({@link AbortHuntCases}) through the in-process backend, in child
 * JVMs ({@link AbortHuntChild}) each in a fresh network namespace. When libnftables aborts a child,
 * the case it was running is recorded (index, nft's last words, the case) and a new child goes on
 * from the next case. The guard must leave no abort.
 *
 * <pre>
 * mvn -B -o -pl runtime -am verify -Dtest=AbortHuntKernelTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djnftables.abortHunt.batches=20000 [-Djnftables.abortHunt.seed=N] [-Djnftables.abortHunt.before=true]
 * </pre>
 *
 * <p>Prints {@code ABORTHUNT batches=N guarded=G aborted=A seed=S}; with {@code before=true} the
 * same cases run first with the guard bypassed ({@link GuardedExecutor.Unguarded}, test only) and
 * {@code ABORTHUNT-BEFORE batches=N aborted=A distinct=D seed=S} counts the aborts it prevents. The
 * records of every abort are written to {@code target/abort-hunt/}.
 */
@Tag("kernel")
class AbortHuntKernelTest {
  static final long DEFAULT_SEED = 20261128L;
  /** The JVM's report of a signal in native code: the signal, and the problematic frame. */
  private static final Pattern JVM_CRASH = Pattern.compile("(?s)#\\s+(SIG[A-Z]+) .*?Problematic frame:\\s*\\n#\\s*(.*?)\\n");
  private static final Pattern NFT_LAST_WORDS = Pattern.compile(
      "(?m)^(BUG: .*|.*Assertion .*|.*\\*\\*\\* .*|.*corrupted .*|.*double free.*|free\\(\\): .*|malloc\\(\\): .*|munmap_chunk.*)$");

  /** What the hunt counted over all children. */
  record Result(long batches, long ok, long rejected, long guarded, long refused, long setupFailed,
      long clientErrors, long overRefused, List<Abort> aborts, List<Long> guardedCases, long millis) {
    long caught() {
      return aborts.stream().filter(a -> a.guardDefect() != null).count();
    }
  }

  /**
   * One abort: the case, how the child died, nft's last words, and (unguarded) the defect the
   * guard would have refused it as, null if it would have let it through.
   */
  record Abort(long index, int exit, String signature, @org.jspecify.annotations.Nullable String guardDefect, String record) {}

  @Test
  void guardLeavesNoAbort() throws Exception {
    long batches = Long.getLong("jnftables.abortHunt.batches", 300);
    long seed = Long.getLong("jnftables.abortHunt.seed", DEFAULT_SEED);
    AbortHuntCases.load(); // needs nft's corpus: skipped here (failed under CI=true) when absent, not in a child
    String hostBefore = Sh.hostRuleset();
    if (Boolean.getBoolean("jnftables.abortHunt.before")) {
      Path over = Path.of("target", "abort-hunt", "over-refused.txt");
      Files.deleteIfExists(over);
      Result before = hunt(seed, batches, false);
      System.out.println("ABORTHUNT-BEFORE batches=" + before.batches() + " aborted=" + before.aborts().size()
          + " distinct=" + signatures(before).size() + " guardWouldRefuse=" + before.caught() + " guardWouldMiss="
          + (before.aborts().size() - before.caught()) + " guardWouldOverRefuse=" + before.overRefused() + " seed=" + seed
          + " ms=" + before.millis() + " " + summary(before));
      signatures(before).forEach((sig, n) -> System.out.println("ABORTHUNT-BEFORE-SIGNATURE " + n + " × " + sig));
      if (Files.exists(over)) {
        Map<String, Integer> byDefect = new java.util.TreeMap<>();
        Files.readAllLines(over).forEach(l -> byDefect.merge(l.substring(l.indexOf(' ') + 1), 1, Integer::sum));
        byDefect.forEach((d, n) -> System.out.println("ABORTHUNT-BEFORE-OVER-REFUSED " + n + " × " + d));
      }
    }
    Result after = hunt(seed, batches, true);
    System.out.println("ABORTHUNT batches=" + after.batches() + " guarded=" + after.guarded() + " aborted="
        + after.aborts().size() + " seed=" + seed + " ms=" + after.millis() + " " + summary(after));
    after.aborts().forEach(a -> System.out.println("ABORTHUNT-ABORT case " + a.index() + " exit " + a.exit() + " "
        + a.signature()));
    assertEquals(List.of(), after.aborts().stream().map(Abort::record).toList(), "libnftables aborted although guarded");
    assertEquals(batches, after.batches());
    // The generator must make both kinds of batch: ones nft applies and ones it rejects.
    assertTrue(after.ok() > batches / 20 && after.rejected() > batches / 20, summary(after));
    assertEquals(0, after.clientErrors(), "client errors (see stderr): " + summary(after));
    assertEquals(hostBefore, Sh.hostRuleset());
  }

  private static String summary(Result r) {
    return "ok=" + r.ok() + " rejected=" + r.rejected() + " refused=" + r.refused() + " setupFailed="
        + r.setupFailed() + " clientErrors=" + r.clientErrors() + " children=" + (r.aborts().size() + 1)
        + (r.guardedCases().size() <= 50 ? " guardedCases=" + r.guardedCases() : "");
  }

  private static Map<String, Integer> signatures(Result r) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Abort a : r.aborts()) {
      m.merge(a.signature() + (a.guardDefect() == null ? " [guard would miss it]" : " [guard: " + a.guardDefect() + "]"),
          1, Integer::sum);
    }
    return m;
  }

  /** Runs cases {@code [0, batches)}, restarting a child after each abort. */
  static Result hunt(long seed, long batches, boolean guarded) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "abort-hunt"));
    Path progress = dir.resolve("progress-" + (guarded ? "guarded" : "unguarded") + ".txt");
    Path stderr = dir.resolve("stderr-" + (guarded ? "guarded" : "unguarded") + ".txt");
    Path records = dir.resolve("aborts-" + (guarded ? "guarded" : "unguarded") + "-seed" + seed + ".txt");
    Files.deleteIfExists(records);
    Files.deleteIfExists(stderr);
    long[] totals = new long[8];
    List<Abort> aborts = new ArrayList<>();
    List<Long> guardedCases = new ArrayList<>();
    long start = System.nanoTime();
    long next = 0;
    while (next < batches) {
      Files.deleteIfExists(progress);
      long stderrFrom = Files.exists(stderr) ? Files.size(stderr) : 0;
      Process child = child(seed, next, batches, guarded, progress, stderr);
      String out;
      try (InputStream in = child.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!child.waitFor(10, TimeUnit.MINUTES)) {
        child.destroyForcibly();
      }
      Matcher done = Pattern.compile("(?m)^DONE (.*)$").matcher(out);
      if (child.exitValue() == 0 && done.find()) {
        add(totals, guardedCases, done.group(1));
        next = batches;
        continue;
      }
      if (!Files.exists(progress)) {
        throw new AssertionError("child died before its first case: exit " + child.exitValue() + "\n" + out
            + "\n" + tail(stderr, stderrFrom));
      }
      String p = Files.readString(progress, StandardCharsets.UTF_8);
      int nl = p.indexOf('\n');
      String[] head = p.substring(0, nl).split(" ", 2);
      long index = Long.parseLong(head[0]);
      add(totals, guardedCases, head[1]);
      totals[0]++; // the aborted case ran too
      String last = tail(stderr, stderrFrom);
      Matcher m = NFT_LAST_WORDS.matcher(last);
      Matcher frame = JVM_CRASH.matcher(out);
      String signature = m.find() ? m.group(1).strip()
          : frame.find() ? frame.group(1) + " in " + frame.group(2).strip()
          : "exit " + child.exitValue() + (out.contains("HANG") ? " (hang)" : "");
      String caseText = p.substring(nl + 1);
      int mark = caseText.indexOf("\n" + AbortHuntChild.WOULD_REFUSE);
      String defect = mark < 0 ? null
          : caseText.substring(mark + 1 + AbortHuntChild.WOULD_REFUSE.length()).strip();
      Abort a = new Abort(index, child.exitValue(), signature, defect, "exit " + child.exitValue() + " " + signature
          + "\n" + caseText + "\n--- stderr tail\n" + last + "\n--- stdout\n" + out + "\n=====\n");
      aborts.add(a);
      Files.writeString(records, a.record(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      next = index + 1;
    }
    return new Result(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7], aborts,
        guardedCases, (System.nanoTime() - start) / 1_000_000);
  }

  /** Adds a child's counts ({@link AbortHuntChild.Counts#line()}). */
  private static void add(long[] totals, List<Long> guardedCases, String line) {
    String[] f = line.strip().split(" ");
    for (int i = 0; i < 8; i++) {
      totals[i] += Long.parseLong(f[i]);
    }
    if (!f[8].equals("-")) {
      for (String s : f[8].split(",")) {
        guardedCases.add(Long.parseLong(s));
      }
    }
  }

  private static Process child(long seed, long from, long to, boolean guarded, Path progress, Path stderr)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder b = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
        "-XX:TieredStopAtLevel=1", "-XX:-CreateCoredumpOnCrash",
        "-Djnftables.abortHunt.verbose=" + Boolean.getBoolean("jnftables.abortHunt.verbose"),
        "-XX:ErrorFile=" + progress.getParent().toAbsolutePath().resolve("hs_err_%p.log"),
        "-cp", System.getProperty("java.class.path"), AbortHuntChild.class.getName(),
        Long.toString(seed), Long.toString(from), Long.toString(to), guarded ? "guarded" : "unguarded",
        progress.toString())
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())); // tail(): the last child's last words
    b.environment().put("LIBC_FATAL_STDERR_", "1"); // glibc's last words to stderr, not the terminal
    return b.start();
  }

  /** The last 4000 characters {@code file} got after its first {@code from} bytes: this child's last words. */
  private static String tail(Path file, long from) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    byte[] all = Files.readAllBytes(file);
    String s = new String(all, (int) Math.min(from, all.length), all.length - (int) Math.min(from, all.length),
        StandardCharsets.UTF_8);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
