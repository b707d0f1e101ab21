package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/fetch-conformance.sh} run for real on tarballs built here in nftables' upstream
 * layout, served as {@code file://} (and once over local HTTP): the exact tree it installs, that
 * a second run leaves it be, that a wrong checksum, a wrong size or a broken tarball installs
 * nothing, and that an interrupted download leaves nothing behind. Its layout rule is also applied
 * to the real corpus, repacked the upstream way, and must give that corpus back byte for byte.
 * The download from netfilter.org itself is not exercised (no network in tests).
 */
class FetchConformanceScriptTest {
  private static final String PINNED_SHA256 = "2407430ddd82987670e48dc2fda9e280baa8307abec04ab18d609df3db005e4c";

  private static Path script;

  @TempDir Path tmp;

  @BeforeAll
  static void tools() {
    for (String tool : List.of("bash", "curl", "tar", "xz", "sha256sum", "diff", "setsid")) {
      Assumptions.assumeTrue(onPath(tool), tool + " is not installed: the script cannot be run here");
    }
    script = Conformance.projectRoot().resolve("scripts/fetch-conformance.sh");
    assertTrue(Files.isRegularFile(script), "no " + script);
  }

  record Run(int exit, String output) {}

  // ---------------------------------------------------------------- the synthetic tarball

  /** Files of a small nftables-1.0.6 source tree: test data the script keeps, and what it drops. */
  static Map<String, String> upstreamTree() {
    Map<String, String> t = new TreeMap<>();
    t.put("tests/py/ip/x.t", ":input;type filter hook input priority 0\n*ip;test-ip4;input\ntcp dport 22;ok\n");
    t.put("tests/py/ip/x.t.json", "# tcp dport 22\n[{\"match\": {}}]\n");
    t.put("tests/py/ip/x.t.json.output", "# tcp dport 22\n[{\"match\": {\"op\": \"==\"}}]\n");
    t.put("tests/py/ip/x.t.payload", "ip test-ip4 input\n  [ payload load 2b @ transport header + 2 => reg 1 ]\n");
    t.put("tests/py/ip/x.t.payload.inet", "inet test-inet input\n");
    t.put("tests/py/ip6/only.t.payload.ip6", "a directory with payloads only\n");
    t.put("tests/py/any/icmpX.t.netdev", ":ingress;type filter hook ingress device lo priority 0\n");
    t.put("tests/py/README", "the runner's documentation\n");
    t.put("tests/py/tools/test-sanitizer.sh", "#!/bin/bash\n");
    t.put("tests/py/nft-test.py", "#!/usr/bin/env python3\n");
    t.put("tests/shell/testcases/sets/dumps/a.nft", "table ip t {\n}\n");
    t.put("tests/shell/testcases/sets/dumps/b.nft.input", "");
    t.put("tests/shell/testcases/sets/0001a_0", "#!/bin/bash\n");
    t.put("tests/shell/testcases/listing/0001x_0", "#!/bin/bash\n");
    t.put("tests/shell/run-tests.sh", "#!/bin/bash\n");
    t.put("tests/monitor/testcases/simple.t", "I add table ip t\n");
    t.put("src/main.c", "int main(void) { return 0; }\n");
    t.put("COPYING", "GNU GENERAL PUBLIC LICENSE Version 2\n");
    return t;
  }

  /** What the layout rule must make of {@link #upstreamTree}, README.md aside. */
  static Map<String, String> expectedCorpus() {
    Map<String, String> up = upstreamTree();
    Map<String, String> t = new TreeMap<>();
    for (String f : List.of("ip/x.t", "ip/x.t.json", "ip/x.t.json.output", "any/icmpX.t.netdev", "README",
        "tools/test-sanitizer.sh")) {
      t.put("py/" + f, up.get("tests/py/" + f));
    }
    t.put("shell-dumps/sets/dumps/a.nft", up.get("tests/shell/testcases/sets/dumps/a.nft"));
    t.put("shell-dumps/sets/dumps/b.nft.input", up.get("tests/shell/testcases/sets/dumps/b.nft.input"));
    return t;
  }

  private Path tarball(String name, Map<String, String> files) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src-" + name).resolve(Conformance.NAME));
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
    }
    return pack(src.getParent(), tmp.resolve(name + ".tar.xz"));
  }

  private static Path pack(Path dir, Path out) {
    Run r = run(List.of("tar", "-cJf", out.toString(), "-C", dir.toString(), Conformance.NAME), Map.of());
    assertEquals(0, r.exit(), r.output());
    return out;
  }

  // ---------------------------------------------------------------- tests

  @Test
  void installsExactlyTheTestDataThenLeavesItBe() throws IOException {
    Path tar = tarball("good", upstreamTree());
    Path dest = tmp.resolve("cache/jnftables/conformance/" + Conformance.NAME);
    Run first = fetch("--url", url(tar), "--sha256", sha256(tar), "--dest", dest.toString());
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().contains("installed the corpus at " + dest), first.output());

    Map<String, String> installed = files(dest);
    String readme = installed.remove("README.md");
    assertEquals(expectedCorpus(), installed);
    assertEquals(new TreeSet<>(List.of("py", "py/any", "py/ip", "py/tools", "shell-dumps", "shell-dumps/sets",
        "shell-dumps/sets/dumps")), directories(dest), "no directory but the test data's (no empty py/ip6)");
    assertTrue(readme != null && readme.contains("Source: " + url(tar)) && readme.contains("sha256: " + sha256(tar))
        && readme.contains("GPL-2.0") && readme.matches("(?s).*Fetched: \\d{4}-\\d\\d-\\d\\dT.*"), readme);
    assertNoLeftovers(dest);

    Run second = fetch("--url", url(tar), "--sha256", sha256(tar), "--dest", dest.toString());
    assertEquals(0, second.exit(), second.output());
    assertTrue(second.output().contains("already at " + dest), second.output());
    assertFalse(second.output().contains("downloading"), "a second run fetches nothing: " + second.output());
    assertEquals(expectedCorpus(), withoutReadme(files(dest)));
  }

  @Test
  void aWrongSha256IsRefusedAndNothingInstalled() throws IOException {
    Path tar = tarball("good", upstreamTree());
    Path dest = tmp.resolve("out/" + Conformance.NAME);
    String wrong = "0".repeat(64);
    Run r = fetch("--url", url(tar), "--sha256", wrong, "--dest", dest.toString());
    assertNotEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("refused " + url(tar) + ": sha256 " + sha256(tar) + ", expected " + wrong),
        r.output());
    assertTrue(r.output().contains("nothing installed"), r.output());
    assertNothingInstalled(dest);
  }

  @Test
  void withoutSha256ThePinnedSizeAndChecksumDecide() throws IOException {
    Path tar = tarball("good", upstreamTree());
    Path dest = tmp.resolve("out/" + Conformance.NAME);
    Run r = fetch("--url", url(tar), "--dest", dest.toString());
    assertNotEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("expected 834584"), r.output());
    assertTrue(r.output().contains(PINNED_SHA256), r.output());
    assertNothingInstalled(dest);
  }

  @Test
  void aTruncatedTarballIsRefused() throws IOException {
    Path tar = tarball("good", upstreamTree());
    byte[] bytes = Files.readAllBytes(tar);
    Path cut = Files.write(tmp.resolve("cut.tar.xz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path dest = tmp.resolve("out/" + Conformance.NAME);

    // served in place of the whole one: the checksum tells
    Run bySum = fetch("--url", url(cut), "--sha256", sha256(tar), "--dest", dest.toString());
    assertNotEquals(0, bySum.exit(), bySum.output());
    assertTrue(bySum.output().contains("refused " + url(cut) + ": sha256"), bySum.output());
    assertNothingInstalled(dest);

    // even with its own checksum (a mirror that truncated what it repacked): xz/tar tell
    Run byTar = fetch("--url", url(cut), "--sha256", sha256(cut), "--dest", dest.toString());
    assertNotEquals(0, byTar.exit(), byTar.output());
    assertTrue(byTar.output().contains("does not unpack"), byTar.output());
    assertNothingInstalled(dest);
  }

  @Test
  void theNextUrlIsTriedWhenOneFails() throws IOException {
    Path tar = tarball("good", upstreamTree());
    Path dest = tmp.resolve("out/" + Conformance.NAME);
    Run r = fetch("--url", url(tmp.resolve("absent.tar.xz")), "--url", url(tar), "--sha256", sha256(tar),
        "--dest", dest.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("could not download " + url(tmp.resolve("absent.tar.xz"))), r.output());
    assertEquals(expectedCorpus(), withoutReadme(files(dest)));
  }

  @Test
  void optionsThatCannotBeRightAreRefused() throws IOException {
    Path dest = tmp.resolve("out/" + Conformance.NAME);
    Run noUrl = fetch("--sha256", "a".repeat(64), "--dest", dest.toString());
    assertNotEquals(0, noUrl.exit());
    assertTrue(noUrl.output().contains("--sha256 is accepted only together with --url"), noUrl.output());

    Run notHex = fetch("--url", "file:///nowhere", "--sha256", "xyz", "--dest", dest.toString());
    assertNotEquals(0, notHex.exit());
    assertTrue(notHex.output().contains("64 hexadecimal digits"), notHex.output());

    Path inRepo = Conformance.projectRoot().resolve("target/corpus-must-not-be-here/" + Conformance.NAME);
    Run repo = fetch("--url", "file:///nowhere", "--dest", inRepo.toString());
    assertNotEquals(0, repo.exit());
    assertTrue(repo.output().contains("inside this repository"), repo.output());
    assertFalse(Files.exists(inRepo.getParent()), "nothing made inside the repository");

    Files.createDirectories(dest.resolve("py"));
    Run partial = fetch("--url", "file:///nowhere", "--dest", dest.toString());
    assertNotEquals(0, partial.exit());
    assertTrue(partial.output().contains("exists but is not a complete corpus"), partial.output());
  }

  /** Killed mid-download (SIGTERM to the script and its curl): no corpus, no temporary directory. */
  @Test
  void anInterruptedDownloadLeavesNothing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, 834584);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(new byte[4096]);
        out.flush();
        release.await(60, TimeUnit.SECONDS); // the rest never comes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the client went away
      }
    });
    server.start();
    Path dest = tmp.resolve("out/" + Conformance.NAME);
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + Conformance.NAME + ".tar.xz";
    // setsid: the script leads a process group of its own, so one signal reaches it and its curl
    ProcessBuilder pb = new ProcessBuilder("setsid", "bash", script.toString(), "--url", url, "--dest",
        dest.toString()).redirectErrorStream(true);
    environment(pb, Map.of());
    Process p = pb.start();
    try {
      Path partialTar = waitForPartialDownload(dest.getParent(), p);
      assertTrue(Files.size(partialTar) > 0, "curl has written part of the tarball");
      long group = processGroup(p.pid());
      assertEquals(p.pid(), group, "setsid made the script a group leader");
      assertNotEquals(processGroup(ProcessHandle.current().pid()), group, "never signal the test's own group");
      run(List.of("kill", "-TERM", "--", "-" + group), Map.of());
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script ends on SIGTERM");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertNotEquals(0, p.exitValue(), out);
      assertTrue(out.contains("terminated; nothing installed"), out);
      assertNothingInstalled(dest);
    } finally {
      p.destroyForcibly();
      release.countDown();
      server.stop(0);
    }
  }

  /**
   * The real corpus, put back the way the nftables tarball holds it (with payload files, the
   * runner, shell test scripts and sources around it), comes out of the script exactly as it is:
   * {@code diff -r} finds no difference but the README the script writes.
   */
  @Test
  void theLayoutRuleGivesBackTheRealCorpus() throws IOException {
    Path py = Conformance.require("py");
    Path corpus = py.getParent();
    Path top = Files.createDirectories(tmp.resolve("upstream").resolve(Conformance.NAME));
    copyTree(py, top.resolve("tests/py"));
    Files.writeString(top.resolve("tests/py/nft-test.py"), "#!/usr/bin/env python3\n");
    try (Stream<Path> s = Files.walk(top.resolve("tests/py"))) {
      for (Path t : s.filter(f -> f.getFileName().toString().endsWith(".t")).toList()) {
        Files.writeString(Path.of(t + ".payload"), "payload of " + t.getFileName() + "\n");
      }
    }
    try (Stream<Path> topics = Files.list(corpus.resolve("shell-dumps"))) {
      for (Path topic : topics.toList()) {
        Path testcases = top.resolve("tests/shell/testcases").resolve(topic.getFileName().toString());
        copyTree(topic.resolve("dumps"), testcases.resolve("dumps"));
        Files.writeString(testcases.resolve("0001test_0"), "#!/bin/bash\n");
      }
    }
    Files.createDirectories(top.resolve("src"));
    Files.writeString(top.resolve("src/main.c"), "int main(void) { return 0; }\n");
    Path tar = pack(top.getParent(), tmp.resolve("repacked.tar.xz"));

    Path dest = tmp.resolve("out/" + Conformance.NAME);
    Run r = fetch("--url", url(tar), "--sha256", sha256(tar), "--dest", dest.toString());
    assertEquals(0, r.exit(), r.output());
    try (Stream<Path> s = Files.walk(corpus)) {
      assertEquals(List.of(corpus.resolve("README.md")),
          s.filter(f -> f.getFileName().toString().equals("README.md")).toList(),
          "the corpus holds no README.md but its own, which diff may leave out");
    }
    Run diff = run(List.of("diff", "-r", "--exclude=README.md", corpus.toString(), dest.toString()), Map.of());
    assertEquals("", diff.output());
    assertEquals(0, diff.exit());
    assertTrue(Files.isRegularFile(dest.resolve("README.md")));
    System.out.println("CONFORMANCE fetch layout: " + withoutReadme(files(dest)).size() + " files, same as " + corpus);
  }

  // ---------------------------------------------------------------- helpers

  private Run fetch(String... args) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  private static Run run(List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      environment(pb, env);
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** No proxy between curl and the local server. */
  private static void environment(ProcessBuilder pb, Map<String, String> env) {
    for (String v : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
      pb.environment().remove(v);
    }
    pb.environment().putAll(env);
  }

  private static Path waitForPartialDownload(Path parent, Process p) throws Exception {
    for (int i = 0; i < 300; i++) {
      assertTrue(p.isAlive(), "the script ended before the download stalled");
      if (Files.isDirectory(parent)) {
        try (Stream<Path> s = Files.walk(parent)) {
          List<Path> tars = s.filter(f -> f.getFileName().toString().endsWith(".tar.xz")).toList();
          if (!tars.isEmpty() && Files.size(tars.get(0)) > 0) {
            return tars.get(0);
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the download never started under " + parent);
  }

  /** Field 5 of /proc/PID/stat (after the parenthesised command name). */
  private static long processGroup(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[2]);
  }

  private static void assertNothingInstalled(Path dest) throws IOException {
    assertFalse(Files.exists(dest), "nothing installed at " + dest);
    assertNoLeftovers(dest);
  }

  /** The script's temporary directory (beside the destination) is gone. */
  private static void assertNoLeftovers(Path dest) throws IOException {
    if (Files.isDirectory(dest.getParent())) {
      try (Stream<Path> s = Files.list(dest.getParent())) {
        List<Path> left = s.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        assertEquals(List.of(), left, "temporary files left beside " + dest);
      }
    }
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static TreeSet<String> directories(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(d -> Files.isDirectory(d) && !d.equals(root)).map(d -> root.relativize(d).toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static Map<String, String> withoutReadme(Map<String, String> files) {
    Map<String, String> out = new TreeMap<>(files);
    out.remove("README.md");
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : s.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.write(target, Files.readAllBytes(f)); // fresh, writable copies of read-only files
        }
      }
    }
  }

  private static String url(Path file) {
    return "file://" + file.toAbsolutePath();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
