package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks look where the runtime's tests look, in the same order. */
class ConformanceCorpusTest {
  @TempDir Path tmp;

  @Test
  void propertyElseBesideTheProjectThenTheUserCache() throws IOException {
    Path module = Files.createDirectories(tmp.resolve("ws/project/benchmarks"));
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    Files.writeString(module.getParent().resolve("pom.xml"), "<project/>");

    assertEquals(List.of(Path.of("/opt/c")),
        List.copyOf(ConformanceCorpus.candidates("/opt/c", Map.of(), "/home/u", module).keySet()));
    assertEquals(List.of(tmp.resolve("ws/shared/conformance/nftables-1.0.6"),
            Path.of("/x/jnftables/conformance/nftables-1.0.6")),
        List.copyOf(ConformanceCorpus.candidates(null, Map.of("XDG_CACHE_HOME", "/x"), "/home/u", module).keySet()));
    assertEquals(Path.of("/home/u/.cache/jnftables/conformance/nftables-1.0.6"),
        List.copyOf(ConformanceCorpus.candidates("", Map.of("XDG_CACHE_HOME", "rel"), "/home/u", module).keySet())
            .get(1));
    assertEquals(Path.of("/root2/.cache/jnftables/conformance/nftables-1.0.6"),
        List.copyOf(ConformanceCorpus.candidates(null, Map.of("HOME", "/root2"), "/home/u", module).keySet())
            .get(1));
  }
}
