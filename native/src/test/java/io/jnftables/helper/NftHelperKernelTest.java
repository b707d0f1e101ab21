package io.jnftables.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.libnft.OutputFlags;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.NamedNetns;
import io.jnftables.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privileged helper process, each test in its own fresh (or named) namespace. */
@Tag("kernel")
class NftHelperKernelTest {
  private static String hostBefore;

  @BeforeAll
  static void recordHost() {
    hostBefore = Proc.hostRuleset();
  }

  @AfterAll
  static void hostRulesetUntouched() {
    assertEquals(hostBefore, Proc.hostRuleset());
  }

  @Test
  void runsCommandsInItsFreshNamespaceOnly() throws IOException {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertEquals(new NftResult(0, "", ""), helper.run("add table inet helped", 0, false));
      assertEquals("table inet helped\n", helper.run("list tables", 0, false).output());
      String json = helper.run("list ruleset", OutputFlags.JSON, false).output();
      assertTrue(json.startsWith("{\"nftables\": [{\"metainfo\""), json);
      // the helper lives in the namespace its spawner thread created, not in the test's
      String helperNs = Files.readSymbolicLink(Path.of("/proc/" + helper.pid() + "/ns/net")).toString();
      assertEquals(Files.readSymbolicLink(helper.netnsPath()).toString(), helperNs);
      assertNotEquals(Proc.threadNetnsId(), helperNs);
      assertEquals("table inet helped\n",
          Proc.ok("nsenter", "--net=" + helper.netnsPath(), "nft", "list", "tables"));
      assertFalse(Proc.hostRuleset().contains("helped"));
      // an error is a result, with nft's message
      NftResult bad = helper.run("add chain inet nosuch c", 0, false);
      assertEquals(-1, bad.rc());
      assertTrue(bad.error().contains("No such file or directory"), bad.error());
      // dry run changes nothing
      assertTrue(helper.run("add table inet dry", 0, true).ok());
      assertEquals("table inet helped\n", helper.run("list tables", 0, false).output());
    }
  }

  @Test
  void keepsOnlyCapNetAdminAndNoNewPrivileges() throws IOException {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      Map<String, String> status = Files.readAllLines(Path.of("/proc/" + helper.pid() + "/status"))
          .stream().filter(l -> l.contains(":\t"))
          .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf('\t') + 1).strip()));
      assertEquals("0000000000001000", status.get("CapEff"));
      assertEquals("0000000000001000", status.get("CapPrm"));
      assertEquals("0000000000001000", status.get("CapBnd"));
      assertEquals("0000000000000000", status.get("CapInh"));
      assertEquals("0000000000000000", status.get("CapAmb"));
      assertEquals("1", status.get("NoNewPrivs"));
      // and with CAP_NET_ADMIN alone it still changes the ruleset of its namespace
      assertTrue(helper.run("add table ip t", 0, false).ok());
      assertEquals("table ip t\n", helper.run("list tables", 0, false).output());
    }
  }

  @Test
  void refusesToRunWhenOthersMayTouchTheExecutable(@TempDir Path dir) throws IOException {
    Path exe = dir.resolve("jnft-helper");
    Files.copy(HelperBinary.locate(), exe);
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    HelperException e = assertThrows(HelperException.class, () -> NftHelper.start(NetnsTarget.fresh(), exe));
    assertTrue(e.getMessage().contains("chmod o-rwx " + exe), e.getMessage());
    assertTrue(e.getMessage().contains("exited with status 78"), e.getMessage());

    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh(), exe)) {
      assertTrue(helper.run("list tables", 0, false).ok());
    }
  }

  @Test
  void bundledHelperIsExtractedPrivately() throws IOException {
    Path exe = HelperBinary.locate();
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(exe)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(exe.getParent())));
  }

  @Test
  void killedMidCallFailsThatCallAndIsRestartedInTheSameNamespace() throws Exception {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet survives", 0, false).ok());
      long pid = helper.pid();
      Proc.ok("kill", "-STOP", Long.toString(pid)); // holds the helper mid-call, deterministically
      CompletableFuture<NftResult> inFlight =
          CompletableFuture.supplyAsync(() -> helper.run("list tables", 0, false));
      Thread.sleep(100);
      assertFalse(inFlight.isDone());
      Proc.ok("kill", "-9", Long.toString(pid));
      Exception e = assertThrows(Exception.class, () -> inFlight.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof HelperException, String.valueOf(e.getCause()));
      assertTrue(e.getCause().getMessage().contains("killed by signal 9 (SIGKILL)"), e.getCause().getMessage());
      assertTrue(e.getCause().getMessage().contains("in flight"), e.getCause().getMessage());
      assertTrue(((HelperException) e.getCause()).mayHaveBeenApplied());
      assertTrue(e.getCause().getMessage().contains("so it may or may not have been applied"), e.getCause().getMessage());
      // the next call starts a new helper in the same namespace: the table is still there
      assertEquals("table inet survives\n", helper.run("list tables", 0, false).output());
      assertNotEquals(pid, helper.pid());
      assertEquals(2, helper.starts());
    }
  }

  /** A call whose helper cannot be restarted is told that its request was not applied. */
  @Test
  void aFailedRestartSaysTheRequestWasNotApplied(@TempDir Path dir) throws Exception {
    Path exe = dir.resolve("jnft-helper");
    Files.copy(HelperBinary.locate(), exe);
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh(), exe)) {
      long pid = helper.pid();
      // the next start fails: the helper refuses an executable that "other" may read (exit 78)
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr--"));
      Proc.ok("kill", "-9", Long.toString(pid));
      while (Files.exists(Path.of("/proc/" + pid))) {
        Thread.sleep(1);
      }
      HelperException e = assertThrows(HelperException.class, () -> helper.run("add table inet never", 0, false));
      assertFalse(e.mayHaveBeenApplied());
      assertTrue(e.getMessage().contains("exited with status 78"), e.getMessage());
      assertTrue(e.getMessage().contains("the request was not sent, so it was not applied"), e.getMessage());
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
      assertEquals("", helper.run("list tables", 0, false).output()); // it was not applied
    }
  }

  @Test
  void timeoutAnswersWithAnErrorAndNeverHangs() throws Exception {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      long pid = helper.pid();
      Proc.ok("kill", "-STOP", Long.toString(pid));
      try {
        NftTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
            NftTimeoutException.class, () -> helper.run("add table inet late", 0, false, Duration.ofMillis(200))));
        assertEquals(Duration.ofMillis(200), e.timeout());
      } finally {
        Proc.ok("kill", "-CONT", Long.toString(pid));
      }
      // the late answer is dropped; the helper goes on, and the command did run
      assertEquals("table inet late\n", helper.run("list tables", 0, false, Duration.ofSeconds(10)).output());
      assertEquals(pid, helper.pid());

      // A request the stopped helper cannot even take (larger than the pipe) must not hang either:
      // the watchdog kills the helper and the next call gets a new one.
      Proc.ok("kill", "-STOP", Long.toString(pid));
      String big = "add table inet t" + " ".repeat(1 << 20);
      Exception e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
          Exception.class, () -> helper.run(big, 0, false, Duration.ofMillis(300))));
      assertTrue(e instanceof HelperException || e instanceof NftTimeoutException, e.toString());
      assertTrue(helper.run("list tables", 0, false, Duration.ofSeconds(10)).ok());
      assertNotEquals(pid, helper.pid());
    }
  }

  @Test
  void oversizedRequestIsAnsweredWithAnErrorAndTheHelperGoesOn() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      long pid = helper.pid();
      String huge = "#" + "x".repeat(10 * 1024 * 1024);
      NftResult r = helper.run(huge, 0, false);
      assertEquals(-2, r.rc());
      assertTrue(r.error().contains("refused: the limit is 10485760 bytes"), r.error());
      assertTrue(helper.run("add table inet after", 0, false).ok());
      assertEquals(pid, helper.pid());
    }
  }

  @Test
  void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
    int threads = 8;
    int calls = 1000;
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t\nadd set inet t s { type ipv4_addr; }", 0, false).ok());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Queue<String> wrong = new ConcurrentLinkedQueue<>();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < calls; i++) {
            // Even calls add an element (answer: ok, empty); odd calls list a table that does not
            // exist (answer: an error that quotes its name). A swapped answer fails either check.
            String element = "10." + thread + "." + (i >> 8) + "." + (i & 255);
            String missing = "x_" + thread + "_" + i;
            boolean add = i % 2 == 0;
            NftResult r = helper.run(
                add ? "add element inet t s { " + element + " }" : "list table inet " + missing, 0, false);
            boolean right = add ? r.equals(new NftResult(0, "", ""))
                : r.rc() == -1 && r.error().contains("list table inet " + missing + "\n");
            if (!right) {
              wrong.add(element + " -> " + r);
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(List.of(), List.copyOf(wrong));
      String set = helper.run("list set inet t s", OutputFlags.JSON, false).output();
      assertEquals(threads * calls / 2, set.split("\"10\\.").length - 1);
      assertEquals(1, helper.starts());
    }
  }

  @Test
  void entersNamedAndPidNamespacesItself() {
    try (NamedNetns ns = NamedNetns.create()) {
      try (NftHelper helper = NftHelper.start(NetnsTarget.named(ns.name()))) {
        assertTrue(helper.run("add table inet named_t", 0, false).ok());
      }
      assertEquals("table inet named_t\n", ns.exec("nft", "list", "tables"));
      try (NftHelper viaPid = NftHelper.start(NetnsTarget.ofPid(pidInside(ns)))) {
        assertEquals("table inet named_t\n", viaPid.run("list tables", 0, false).output());
      }
    }
    HelperException e = assertThrows(HelperException.class,
        () -> NftHelper.start(NetnsTarget.named("jnft-no-such-ns-" + Proc.unique())));
    assertTrue(e.getMessage().contains("cannot open network namespace"), e.getMessage());
  }

  /** A process that lives in the named namespace until the test ends (a sleep). */
  private static long pidInside(NamedNetns ns) {
    try {
      Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "sleep", "30").start();
      Thread.sleep(200);
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      return p.pid();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
