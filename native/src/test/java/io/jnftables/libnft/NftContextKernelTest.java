package io.jnftables.libnft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.NamedNetns;
import io.jnftables.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** NftContext against the kernel; every test uses namespaces of its own, never the host's. */
@Tag("kernel")
class NftContextKernelTest {
  private static final String EMPTY_RULESET = "";

  @BeforeAll
  @AfterAll
  static void hostRulesetUntouched() {
    // The machine's own firewall is never touched: it is empty before and after.
    assertEquals(EMPTY_RULESET, Proc.hostRuleset(), "host ruleset");
  }

  @Test
  void freshContextAddsAndListsTableInItsOwnNamespaceOnly() {
    String table = "jnft_" + Proc.unique();
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      NftResult add = ctx.run(
          "{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"" + table + "\"}}}]}",
          OutputFlags.JSON);
      assertEquals(new NftResult(0, "", ""), add);
      assertTrue(add.ok());

      NftResult list = ctx.run("list ruleset", OutputFlags.JSON);
      assertTrue(list.ok(), list::error);
      assertTrue(list.output().contains("{\"table\": {\"family\": \"inet\", \"name\": \"" + table + "\""),
          list.output());
      assertTrue(list.output().contains("\"metainfo\""), list.output());

      assertTrue(ctx.netnsId().matches("net:\\[\\d+]"), ctx.netnsId());
      assertNotEquals(Proc.threadNetnsId(), ctx.netnsId());
      // seen from outside, through the context thread's namespace file
      String outside = Proc.ok("nsenter", "--net=" + ctx.thread().netnsPath(), "nft", "list", "tables");
      assertEquals("table inet " + table + "\n", outside);
      assertFalse(Proc.hostRuleset().contains(table));
    }
  }

  @Test
  void errorIsReportedInResultAndChangesNothing() {
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      NftResult r = ctx.run(
          "{\"nftables\":[{\"add\":{\"chain\":{\"family\":\"inet\",\"table\":\"nosuch\",\"name\":\"c\"}}}]}",
          OutputFlags.JSON);
      assertEquals(-1, r.rc());
      assertFalse(r.ok());
      assertTrue(r.error().contains("No such file or directory"), r.error());
      assertEquals("", r.output());

      NftResult list = ctx.run("list ruleset", 0);
      assertEquals(new NftResult(0, "", ""), list, "ruleset still empty");
    }
  }

  @Test
  void dryRunDoesNotCommit() {
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      NftResult dry = ctx.run("add table inet dry", 0, true);
      assertEquals(0, dry.rc(), dry.error());
      assertEquals("", ctx.run("list ruleset", 0).output());

      // a dry run still reports what the kernel would reject
      assertTrue(ctx.run("add table inet real", 0).ok());
      NftResult clash = ctx.run("create table inet real", 0, true);
      assertEquals(-1, clash.rc());
      assertTrue(clash.error().contains("File exists"), clash.error());

      // and the dry-run flag does not stick to the next command
      assertTrue(ctx.run("add table inet later", 0).ok());
      assertEquals("table inet real\ntable inet later\n", ctx.run("list tables", 0).output());
    }
  }

  @Test
  void namedNamespace() {
    String table = "jnft_" + Proc.unique();
    try (NamedNetns ns = NamedNetns.create()) {
      try (NftContext ctx = NftContext.open(NetnsTarget.named(ns.name()))) {
        assertTrue(ctx.run("add table inet " + table, 0).ok());
        assertEquals("table inet " + table + "\n", ns.exec("nft", "list", "tables"));
        assertNotEquals(Proc.threadNetnsId(), ctx.netnsId());
      }
      // the context is gone but the named namespace (and its table) stays
      assertEquals("table inet " + table + "\n", ns.exec("nft", "list", "tables"));
      assertFalse(Proc.hostRuleset().contains(table));
    }
  }

  @Test
  void interfaceNamesResolveInTheContextsNamespace() {
    int ifindex = 4242;
    // Preconditions: the test thread's namespace (where open() is called from) has neither the
    // name nor the index, so the rule can only succeed if d0 is resolved inside A.
    String hostLinks = Proc.ok("ip", "-o", "link");
    assertFalse(hostLinks.startsWith(ifindex + ":") || hostLinks.contains("\n" + ifindex + ":"));
    assertFalse(Pattern.compile("^\\d+: d0[:@]", Pattern.MULTILINE).matcher(hostLinks).find());

    String setup = "add table inet t\nadd chain inet t c\n";
    String rule = "add rule inet t c iif \"d0\" accept";
    try (NamedNetns a = NamedNetns.create()) {
      a.exec("ip", "link", "add", "d0", "index", Integer.toString(ifindex), "type", "bridge");
      try (NftContext inA = NftContext.open(NetnsTarget.named(a.name()))) {
        assertTrue(inA.run(setup, 0).ok());
        NftResult added = inA.run(rule, 0);
        assertTrue(added.ok(), added.error());
        String listed = inA.run("list chain inet t c", 0).output();
        assertTrue(listed.contains("iif \"d0\" accept"), listed);
        // another nft process inside A lists the same rule
        assertTrue(a.exec("nft", "list", "chain", "inet", "t", "c").contains("iif \"d0\" accept"));
        String json = inA.run("list chain inet t c", OutputFlags.JSON).output();
        assertTrue(json.contains("\"right\": \"d0\""), json);
      }
    }
    try (NftContext fresh = NftContext.open(NetnsTarget.fresh())) {
      assertTrue(fresh.run(setup, 0).ok());
      NftResult r = fresh.run(rule, 0);
      assertEquals(-1, r.rc(), r.output());
      assertTrue(r.error().contains("Interface does not exist"), r.error());
      assertFalse(fresh.run("list chain inet t c", 0).output().contains("iif"));
    }
  }

  @Test
  void fourContextsInParallelStayConsistent() throws Exception {
    int threads = 4;
    int ops = 250;
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    List<NftContext> contexts = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        NftContext ctx = NftContext.open(NetnsTarget.fresh());
        contexts.add(ctx);
        NftResult setup = ctx.run("add table inet t\nadd set inet t s { type ipv4_addr; }\n"
            + "add chain inet t c\n", 0);
        assertTrue(setup.ok(), setup.error());
      }
      assertEquals(threads, contexts.stream().map(NftContext::netnsId).distinct().count());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        NftContext ctx = contexts.get(t);
        int worker = t;
        results.add(pool.submit(() -> {
          go.await();
          int elements = 0;
          int rules = 0;
          for (int i = 0; i < ops; i++) {
            NftResult r;
            switch (i % 4) {
              case 0 -> {
                r = ctx.run("add element inet t s { 10." + worker + "." + (i / 256) + "." + (i % 256) + " }", 0);
                elements += r.ok() ? 1 : 0;
              }
              case 1 -> {
                r = ctx.run("add rule inet t c meta iif \"lo\" counter", 0);
                rules += r.ok() ? 1 : 0;
              }
              case 2 -> {
                r = ctx.run("list set inet t s", 0);
                int seen = count(Pattern.compile("10\\.\\d+\\.\\d+\\.\\d+"), r.output());
                if (seen != elements) {
                  failures.add("worker " + worker + " op " + i + ": " + seen + " elements, expected " + elements);
                }
              }
              default -> {
                r = ctx.run("list chain inet t c", 0);
                int seen = count(Pattern.compile("iif \"lo\" counter"), r.output());
                if (seen != rules || r.output().contains("iif 1")) {
                  failures.add("worker " + worker + " op " + i + ": " + r.output());
                }
              }
            }
            if (!r.ok()) {
              failures.add("worker " + worker + " op " + i + ": rc " + r.rc() + " " + r.error());
            }
          }
          return new int[] {elements, rules};
        }));
      }
      go.countDown();
      for (Future<int[]> f : results) {
        int[] counts = f.get(5, TimeUnit.MINUTES);
        assertEquals((ops + 3) / 4, counts[0]);
        assertEquals((ops + 2) / 4, counts[1]);
      }
      assertEquals(List.of(), List.copyOf(failures));
      // each namespace holds exactly its own worker's elements
      for (int t = 0; t < threads; t++) {
        String set = contexts.get(t).run("list set inet t s", 0).output();
        assertEquals((ops + 3) / 4, count(Pattern.compile("10\\." + t + "\\.\\d+\\.\\d+"), set));
        assertEquals((ops + 3) / 4, count(Pattern.compile("10\\.\\d+\\.\\d+\\.\\d+"), set));
      }
    } finally {
      pool.shutdownNow();
      contexts.forEach(NftContext::close);
    }
  }

  @Test
  void closedContextRejectsCallsAndItsThreadIsGone() throws Exception {
    NftContext ctx = NftContext.open(NetnsTarget.fresh());
    String name = ctx.name();
    long tid = ctx.thread().nativeThreadId();
    Path task = Path.of("/proc/self/task/" + tid);
    String id = ctx.netnsId();
    assertTrue(Files.exists(task));
    assertTrue(threadNamed(name));
    assertTrue(ctx.run("add table inet t", 0).ok());

    ctx.close();
    assertTrue(ctx.isClosed());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.run("list ruleset", 0));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> ctx.run("list ruleset", 0, false, java.time.Duration.ofSeconds(1)));
    assertFalse(ctx.thread().isAlive());
    assertFalse(Files.exists(task), "kernel thread " + tid + " still exists");
    assertFalse(threadNamed(name));
    assertEquals(id, ctx.netnsId(), "the id is still reported after close");
    ctx.close(); // idempotent
  }

  @Test
  void utf8CommentRoundTrips() {
    String comment = "héllo-✓";
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      NftResult add = ctx.run("{\"nftables\":["
          + "{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"t\"}}},"
          + "{\"add\":{\"chain\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"c\"}}},"
          + "{\"add\":{\"rule\":{\"family\":\"inet\",\"table\":\"t\",\"chain\":\"c\","
          + "\"expr\":[{\"accept\":null}],\"comment\":\"" + comment + "\"}}}]}", OutputFlags.JSON);
      assertTrue(add.ok(), add.error());
      String json = ctx.run("list chain inet t c", OutputFlags.JSON).output();
      assertTrue(json.contains("\"comment\": \"" + comment + "\""), json);
      String text = ctx.run("list chain inet t c", 0).output();
      assertTrue(text.contains("accept comment \"" + comment + "\""), text);
      // the kernel got the UTF-8 bytes, as another nft process sees them
      String outside = Proc.ok("nsenter", "--net=" + ctx.thread().netnsPath(),
          "nft", "list", "chain", "inet", "t", "c");
      assertTrue(outside.contains("comment \"" + comment + "\""), outside);
    }
  }

  @Test
  void nulInCommandsIsRejected() {
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      assertThrows(IllegalArgumentException.class, () -> ctx.run("add table inet a\0add table inet b", 0));
      assertEquals("", ctx.run("list ruleset", 0).output());
    }
  }

  private static boolean threadNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
