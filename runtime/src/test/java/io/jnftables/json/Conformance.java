package io.jnftables.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the nftables 1.0.6 conformance corpus is, for the tests that need it. Looked up in this
 * order:
 *
 * <ol>
 *   <li>{@code -Djnftables.conformance.dir=…}: when set, only there (a wrong path is reported,
 *       not papered over by another copy);
 *   <li>{@code <project root>/../shared/conformance/nftables-1.0.6}, the project root being the
 *       directory of the parent pom (the topmost directory with a {@code pom.xml} above the
 *       working directory);
 *   <li>the user cache that {@code scripts/fetch-conformance.sh} fills: {@code
 *       $XDG_CACHE_HOME/jnftables/conformance/nftables-1.0.6}, else {@code
 *       ~/.cache/jnftables/conformance/nftables-1.0.6} ({@code ~} being {@code $HOME}).
 * </ol>
 *
 * A directory counts when it holds both {@code py/} and {@code shell-dumps/}. The corpus is read
 * in place, never copied into the project. When there is none, {@link #require} skips the calling
 * test (a JUnit assumption) and prints one {@code CONFORMANCE skipped: …} line per test JVM; with
 * the environment variable {@code CI=true} it fails the test instead, so CI cannot go green
 * without the corpus.
 */
public final class Conformance {
  /** The corpus' directory name, also the last path element of every place it is looked for. */
  static final String NAME = "nftables-1.0.6";

  static final String HINT = "run scripts/fetch-conformance.sh to get it";

  private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

  private Conformance() {}

  /** A place the corpus may be, and what it is called in messages. */
  record Candidate(Path dir, String origin) {}

  /**
   * The places to look, in order, from the given system property, environment and working
   * directory (parameters so that the order itself is testable without touching the JVM's).
   */
  static List<Candidate> candidates(String override, Map<String, String> env, String userHome, Path workDir) {
    if (override != null && !override.isBlank()) {
      return List.of(new Candidate(Path.of(override).toAbsolutePath().normalize(), "-Djnftables.conformance.dir"));
    }
    List<Candidate> out = new ArrayList<>();
    out.add(new Candidate(projectRoot(workDir).resolve("../shared/conformance/" + NAME).normalize(),
        "beside the project"));
    out.add(new Candidate(userCache(env, userHome).resolve("jnftables/conformance/" + NAME), "user cache"));
    return out;
  }

  /**
   * {@code $XDG_CACHE_HOME} when set to an absolute path (as the XDG spec asks), else {@code
   * $HOME/.cache} as the fetch script sees it ({@code user.home} only without {@code $HOME}).
   */
  static Path userCache(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).normalize();
    }
    String home = env.get("HOME");
    return Path.of(home != null && Path.of(home).isAbsolute() ? home : userHome, ".cache").toAbsolutePath().normalize();
  }

  static boolean isCorpus(Path dir) {
    return Files.isDirectory(dir.resolve("py")) && Files.isDirectory(dir.resolve("shell-dumps"));
  }

  static List<Candidate> candidates() {
    return candidates(System.getProperty("jnftables.conformance.dir"), System.getenv(),
        System.getProperty("user.home"), Path.of(""));
  }

  /** The first candidate that is a corpus. */
  public static Optional<Path> find() {
    return first(candidates());
  }

  static Optional<Path> first(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::dir).filter(Conformance::isCorpus).findFirst();
  }

  /** Why there is no corpus: every place looked at. */
  static String notFound(List<Candidate> looked) {
    StringBuilder s = new StringBuilder("no nftables 1.0.6 corpus (py/ and shell-dumps/) at ");
    for (int i = 0; i < looked.size(); i++) {
      s.append(i == 0 ? "" : i == looked.size() - 1 ? " nor " : ", ");
      s.append(looked.get(i).dir()).append(" (").append(looked.get(i).origin()).append(')');
    }
    return s.toString();
  }

  /**
   * {@code sub} ({@code py} or {@code shell-dumps}) of the corpus. Without a corpus the calling
   * test is skipped, or fails when {@code CI=true}; call it before any other work of the test.
   */
  public static Path require(String sub) {
    List<Candidate> candidates = candidates();
    Optional<Path> dir = first(candidates);
    if (dir.isPresent()) {
      return dir.get().resolve(sub);
    }
    return missing(notFound(candidates), ci(), SKIP_REPORTED);
  }

  /**
   * Skips the calling test, printing the reason once per {@code reported} flag (once per JVM for
   * {@link #require}), or fails it on CI.
   */
  static <T> T missing(String notFound, boolean ci, AtomicBoolean reported) {
    String reason = notFound + " — " + HINT;
    if (ci) {
      return Assertions.fail("CONFORMANCE missing, and CI=true makes that a failure: " + reason);
    }
    if (reported.compareAndSet(false, true)) {
      System.out.println("CONFORMANCE skipped: " + reason);
    }
    return Assumptions.abort("CONFORMANCE skipped: " + reason);
  }

  /** CI systems set {@code CI=true}; there a missing corpus is an error, not a skip. */
  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** The topmost directory with a {@code pom.xml} at or above {@code workDir}. */
  static Path projectRoot(Path workDir) {
    Path dir = workDir.toAbsolutePath().normalize();
    Path root = null;
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml"))) {
        root = p;
      } else if (root != null) {
        break;
      }
    }
    if (root == null) {
      throw new IllegalStateException("no pom.xml at or above " + dir);
    }
    return root;
  }

  static Path projectRoot() {
    return projectRoot(Path.of(""));
  }
}
