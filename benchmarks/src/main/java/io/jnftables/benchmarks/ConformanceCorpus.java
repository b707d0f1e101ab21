package io.jnftables.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the benchmarks find nft 1.0.6's test corpus, in the order the runtime's tests look
 * (io.jnftables.json.Conformance in runtime/src/test; test code, so not shared with this
 * module): {@code -Djnftables.conformance.dir} (when set, only there), then {@code
 * ../shared/conformance/nftables-1.0.6} from the project root, then the user cache that {@code
 * scripts/fetch-conformance.sh} fills ({@code $XDG_CACHE_HOME/jnftables/conformance/nftables-1.0.6},
 * else {@code ~/.cache/jnftables/conformance/nftables-1.0.6}). A directory counts when it holds
 * {@code py/} and {@code shell-dumps/}.
 */
final class ConformanceCorpus {
  static final String NAME = "nftables-1.0.6";
  static final String HINT = "run scripts/fetch-conformance.sh to get it";

  private ConformanceCorpus() {}

  /** Each place looked at, with what it is called in messages. */
  static Map<Path, String> candidates(String override, Map<String, String> env, String userHome, Path workDir) {
    Map<Path, String> out = new LinkedHashMap<>();
    if (override != null && !override.isBlank()) {
      out.put(Path.of(override).toAbsolutePath().normalize(), "-Djnftables.conformance.dir");
      return out;
    }
    Path root = null;
    for (Path p = workDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml"))) {
        root = p;
      } else if (root != null) {
        break;
      }
    }
    Path base = root == null ? workDir.toAbsolutePath().normalize() : root;
    out.put(base.resolve("../shared/conformance/" + NAME).normalize(), "beside the project");
    String xdg = env.get("XDG_CACHE_HOME");
    String home = env.get("HOME"); // as the fetch script sees it; user.home only without $HOME
    Path cache = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg).normalize()
        : Path.of(home != null && Path.of(home).isAbsolute() ? home : userHome, ".cache").toAbsolutePath().normalize();
    out.put(cache.resolve("jnftables/conformance/" + NAME), "user cache");
    return out;
  }

  static Map<Path, String> candidates() {
    return candidates(System.getProperty("jnftables.conformance.dir"), System.getenv(),
        System.getProperty("user.home"), Path.of(""));
  }

  /** The first place that holds the corpus. */
  static Optional<Path> find() {
    return candidates().keySet().stream()
        .filter(d -> Files.isDirectory(d.resolve("py")) && Files.isDirectory(d.resolve("shell-dumps")))
        .findFirst();
  }

  /** Why there is none: every place looked at. */
  static String notFound() {
    List<String> places = new ArrayList<>();
    candidates().forEach((dir, origin) -> places.add(dir + " (" + origin + ")"));
    return "no nftables 1.0.6 corpus (py/ and shell-dumps/) at " + String.join(" nor ", places);
  }

  /** The corpus, or an error that says where it was looked for and how to get it. */
  static Path require() {
    return find().orElseThrow(() -> new IllegalStateException(notFound() + " — " + HINT));
  }
}
