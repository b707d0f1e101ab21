package io.jnftables.benchmarks;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The benchmark tests' side of a missing corpus, as the runtime's tests do it: the calling test is
 * skipped and one {@code CONFORMANCE skipped: …} line is printed per test JVM, except with {@code
 * CI=true}, where it fails. Where to look is {@link ConformanceCorpus}'s, the benchmarks' one place.
 */
final class CorpusAssumption {
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private CorpusAssumption() {}

  /** The corpus directory; call it before any other work of the test. */
  static Path require() {
    Optional<Path> dir = ConformanceCorpus.find();
    if (dir.isPresent()) {
      return dir.get();
    }
    String reason = ConformanceCorpus.notFound() + " — " + ConformanceCorpus.HINT;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return Assertions.fail("CONFORMANCE missing, and CI=true makes that a failure: " + reason);
    }
    if (REPORTED.compareAndSet(false, true)) {
      System.out.println("CONFORMANCE skipped: " + reason);
    }
    return Assumptions.abort("CONFORMANCE skipped: " + reason);
  }
}
