package io.jnftables.json;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the nftables 1.0.6 conformance corpus is: {@code -Djnftables.conformance.dir=…}, or
 * {@code <project root>/../shared/conformance/nftables-1.0.6}, the project root being the
 * directory of the parent pom (the topmost directory with a {@code pom.xml} above the working
 * directory). The corpus is read in place, never copied into the project.
 */
public final class Conformance {
  private Conformance() {}

  public static Path dir() {
    String override = System.getProperty("jnftables.conformance.dir");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath().normalize();
    }
    Path root = projectRoot();
    return root.resolve("../shared/conformance/nftables-1.0.6").toAbsolutePath().normalize();
  }

  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
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

  /** The corpus directory, or an error saying how to point at it. */
  public static Path require(String sub) {
    Path d = dir().resolve(sub);
    if (!Files.isDirectory(d)) {
      throw new IllegalStateException(
          "conformance corpus not found at " + d + " (set -Djnftables.conformance.dir=/path/to/nftables-1.0.6)");
    }
    return d;
  }
}
