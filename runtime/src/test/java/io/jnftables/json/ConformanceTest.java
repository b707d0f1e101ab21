package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where {@link Conformance} looks for the corpus, in which order, and what it does without one. */
class ConformanceTest {
  @TempDir Path tmp;

  /** tmp/ws/project/pom.xml and tmp/ws/project/runtime/pom.xml, working directory runtime/. */
  private Path module() throws IOException {
    Path module = Files.createDirectories(tmp.resolve("ws/project/runtime"));
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    Files.writeString(module.getParent().resolve("pom.xml"), "<project/>");
    return module;
  }

  @Test
  void besideTheProjectThenTheXdgCache() throws IOException {
    Path module = module();
    List<Conformance.Candidate> c = Conformance.candidates(null, Map.of("XDG_CACHE_HOME", "/var/cache/u"), "/home/u",
        module);
    assertEquals(List.of(
        new Conformance.Candidate(tmp.resolve("ws/shared/conformance/nftables-1.0.6"), "beside the project"),
        new Conformance.Candidate(Path.of("/var/cache/u/jnftables/conformance/nftables-1.0.6"), "user cache")), c);
  }

  @Test
  void theCacheIsUnderHomeWhenXdgCacheHomeIsUnsetEmptyOrRelative() throws IOException {
    Path module = module();
    Path home = Path.of("/home/u/.cache/jnftables/conformance/nftables-1.0.6");
    for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("XDG_CACHE_HOME", ""),
        Map.of("XDG_CACHE_HOME", "relative/cache"))) {
      List<Conformance.Candidate> c = Conformance.candidates("", env, "/home/u", module);
      assertEquals(home, c.get(1).dir(), env.toString());
    }
    // $HOME, as the fetch script reads it, before the JVM's user.home
    assertEquals(Path.of("/root2/.cache/jnftables/conformance/nftables-1.0.6"),
        Conformance.candidates(null, Map.of("HOME", "/root2"), "/home/u", module).get(1).dir());
  }

  @Test
  void thePropertyIsTheOnlyPlaceWhenSet() throws IOException {
    List<Conformance.Candidate> c = Conformance.candidates("/opt/corpus/", Map.of("XDG_CACHE_HOME", "/c"), "/home/u",
        module());
    assertEquals(List.of(new Conformance.Candidate(Path.of("/opt/corpus"), "-Djnftables.conformance.dir")), c);
  }

  @Test
  void theFirstCompleteCorpusWins() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    Files.createDirectories(a.resolve("py")); // no shell-dumps/: not a corpus
    for (Path d : List.of(b, c)) {
      Files.createDirectories(d.resolve("py"));
      Files.createDirectories(d.resolve("shell-dumps"));
    }
    List<Conformance.Candidate> all = List.of(new Conformance.Candidate(a, "a"), new Conformance.Candidate(b, "b"),
        new Conformance.Candidate(c, "c"));
    assertEquals(Optional.of(b), Conformance.first(all));
    assertEquals(Optional.of(c), Conformance.first(all.subList(2, 3)));
    assertEquals(Optional.empty(), Conformance.first(all.subList(0, 1)));
  }

  @Test
  void withoutACorpusTheTestIsSkippedOrOnCiFailedNamingEveryPlace() {
    String notFound = Conformance.notFound(List.of(new Conformance.Candidate(Path.of("/x/shared"), "beside the project"),
        new Conformance.Candidate(Path.of("/home/u/.cache/c"), "user cache")));
    assertEquals("no nftables 1.0.6 corpus (py/ and shell-dumps/) at /x/shared (beside the project) nor "
        + "/home/u/.cache/c (user cache)", notFound);

    AtomicBoolean reported = new AtomicBoolean(true); // already reported: this test prints no skip line
    TestAbortedException skipped = assertThrows(TestAbortedException.class,
        () -> Conformance.missing(notFound, false, reported));
    assertEquals("CONFORMANCE skipped: " + notFound + " — run scripts/fetch-conformance.sh to get it",
        skipped.getMessage());

    AssertionFailedError failed = assertThrows(AssertionFailedError.class,
        () -> Conformance.missing(notFound, true, reported));
    assertTrue(failed.getMessage().startsWith("CONFORMANCE missing, and CI=true makes that a failure: " + notFound),
        failed.getMessage());
    assertTrue(failed.getMessage().endsWith("run scripts/fetch-conformance.sh to get it"), failed.getMessage());
  }

  @Test
  void theProjectRootIsTheTopmostPom() throws IOException {
    Path module = module();
    assertEquals(module.getParent(), Conformance.projectRoot(module));
    assertEquals(module.getParent(), Conformance.projectRoot(module.getParent()));
  }
}
