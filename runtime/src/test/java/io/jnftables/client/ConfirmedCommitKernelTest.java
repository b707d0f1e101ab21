package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.PendingCommit.Status;
import io.jnftables.model.Command;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.Sh;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Commit-confirmed against the kernel, through both executors, each test in a fresh or named
 * namespace: an unconfirmed change is undone at the deadline (the listing is the one from
 * before), a confirmed one stays, and with the helper the rollback happens although the JVM that
 * armed it was killed or frozen.
 */
@Tag("kernel")
class ConfirmedCommitKernelTest {
  /** What the namespace holds before: a firewall with a set, counters and comments. */
  static final String BEFORE = """
      table inet filter {
        set blocked {
          type ipv4_addr
          flags interval
          elements = { 10.0.0.0/8, 192.168.1.100 }
        }
        chain input {
          type filter hook input priority 0; policy accept;
          iifname "lo" accept
          ip saddr @blocked counter drop comment "blocklist"
          tcp dport { 22, 443 } accept
        }
      }
      """;
  /** The change that locks everything out: what commit-confirmed is for. */
  static final String DROP_ALL = """
      delete table inet filter
      table inet filter {
        chain input {
          type filter hook input priority 0; policy drop;
        }
      }
      """;
  private static final Duration SHORT = Duration.ofMillis(500);
  private static String hostBefore;

  @BeforeAll
  static void recordHost() {
    hostBefore = Sh.hostRuleset();
  }

  @AfterAll
  static void hostRulesetUntouched() {
    assertEquals(hostBefore, Sh.hostRuleset());
  }

  private static Nftables.Builder client(Nftables.Backend backend) {
    return Nftables.builder().netns(NetnsTarget.fresh()).backend(backend)
        .ownTable(Family.INET, "filter").ownTable(Family.INET, "extra").probeCapabilities(false);
  }

  private static String prepared(Nftables nft) {
    nft.submit(Batch.parse(BEFORE));
    String before = nft.listRulesetText();
    assertTrue(before.contains("policy accept") && before.contains("192.168.1.100"), before);
    return before;
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void anUnconfirmedDropAllIsRolledBackToTheStateBefore(Nftables.Backend backend) {
    try (Nftables nft = client(backend).open()) {
      String before = prepared(nft);
      // the change also creates an owned table that did not exist: the rollback deletes it
      Batch change = Batch.builder().addAll(Batch.parse(DROP_ALL))
          .add(Table.of(Family.INET, "extra")).build();
      PendingCommit c = nft.submitConfirmed(change, SHORT);
      assertEquals(Status.PENDING, c.status());
      assertEquals(nft.pendingCommit().orElseThrow(), c);
      String applied = nft.listRulesetText();
      assertTrue(applied.contains("policy drop") && applied.contains("table inet extra"), applied);
      assertEquals(java.util.Set.of(new TableRef(Family.INET, "filter"), new TableRef(Family.INET, "extra")), c.tables());

      assertEquals(Status.ROLLED_BACK, c.awaitDecision(Duration.ofSeconds(5)));
      assertEquals("deadline", c.detail());
      assertEquals(before, nft.listRulesetText());
      assertTrue(nft.pendingCommit().isEmpty());
      IllegalStateException late = assertThrows(IllegalStateException.class, c::confirm);
      assertTrue(late.getMessage().contains("rolled back (deadline)"), late.getMessage());
      assertEquals(before, nft.listRulesetText());
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void aConfirmedChangeStaysAfterTheTimeoutPasses(Nftables.Backend backend) throws Exception {
    try (Nftables nft = client(backend).open()) {
      String before = prepared(nft);
      PendingCommit c = nft.submitConfirmed(Batch.parse(DROP_ALL), SHORT);
      String applied = nft.listRulesetText();
      c.confirm();
      assertEquals(Status.CONFIRMED, c.status());
      Thread.sleep(SHORT.toMillis() + 500);
      assertEquals(applied, nft.listRulesetText());
      assertNotEquals(before, applied);
      assertEquals(Status.CONFIRMED, c.status());
      c.confirm(); // idempotent
      IllegalStateException undo = assertThrows(IllegalStateException.class, c::rollbackNow);
      assertTrue(undo.getMessage().contains("already confirmed"), undo.getMessage());
      assertEquals(applied, nft.listRulesetText());
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void oneCommitAtATimeAndRollbackNow(Nftables.Backend backend) {
    try (Nftables nft = client(backend).open()) {
      String before = prepared(nft);
      PendingCommit c = nft.submitConfirmed(Batch.parse(DROP_ALL), Duration.ofSeconds(30));
      IllegalStateException second = assertThrows(IllegalStateException.class,
          () -> nft.submitConfirmed(Batch.of(List.of(Command.add(Table.of(Family.INET, "extra")))), SHORT));
      assertTrue(second.getMessage().contains("already has a pending commit"), second.getMessage());
      assertFalse(nft.listRulesetText().contains("extra"), "the refused commit changed nothing");
      c.rollbackNow();
      assertEquals(Status.ROLLED_BACK, c.status());
      assertEquals("request", c.detail());
      assertEquals(before, nft.listRulesetText());
      // decided: the next one may be armed
      PendingCommit next = nft.submitConfirmed(Batch.of(List.of(Command.add(Table.of(Family.INET, "extra")))), Duration.ofSeconds(30));
      next.confirm();
      assertTrue(nft.listRulesetText().contains("table inet extra"));
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void badInputIsRefusedAndChangesNothing(Nftables.Backend backend) {
    try (Nftables nft = client(backend).open()) {
      String before = prepared(nft);
      // the kernel rejects the batch: nothing armed, the failing command named
      Batch failing = Batch.parse("add chain inet filter c2\nadd rule inet filter nosuch counter\n");
      NftablesException e = assertThrows(NftablesException.class, () -> nft.submitConfirmed(failing, SHORT));
      assertEquals(java.util.OptionalInt.of(1), e.commandIndex());
      assertTrue(nft.pendingCommit().isEmpty());
      // a table the client does not own
      assertThrows(ForeignTableException.class,
          () -> nft.submitConfirmed(Batch.of(List.of(Command.add(Table.of(Family.IP, "other")))), SHORT));
      assertThrows(IllegalArgumentException.class, () -> nft.submitConfirmed(Batch.parse(DROP_ALL), Duration.ZERO));
      assertThrows(IllegalArgumentException.class, () -> nft.submitConfirmed(Batch.of(List.of()), SHORT));
      assertEquals(before, nft.listRulesetText());
    }
    // an unscoped client cannot confirm what acts on every table
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false).open()) {
      IllegalArgumentException flush = assertThrows(IllegalArgumentException.class,
          () -> nft.submitConfirmed(Batch.of(List.of(Command.flush(Selector.RULESET))), SHORT));
      assertTrue(flush.getMessage().contains("names no table"), flush.getMessage());
    }
  }

  /**
   * The rollback is built from nft text, not JSON, because nft 1.0.6's JSON listing loses what
   * these tables hold (table flags, typeof set keys): they must come back exactly.
   */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void restoresWhatNftsJsonListingCannotCarry(Nftables.Backend backend) {
    try (Nftables nft = client(backend).open()) {
      nft.runText("""
          table inet filter {
            flags dormant
            set ports {
              typeof tcp dport
              elements = { 22, 80 }
            }
            chain input {
              type filter hook input priority 0; policy accept;
              tcp dport @ports counter accept
            }
          }
          """, CallOptions.defaults().allowingForeignTables());
      String before = nft.listRulesetText();
      assertTrue(before.contains("flags dormant") && before.contains("typeof tcp dport"), before);
      PendingCommit c = nft.submitConfirmed(Batch.parse(DROP_ALL), Duration.ofSeconds(30));
      assertNotEquals(before, nft.listRulesetText());
      c.rollbackNow();
      assertEquals(before, nft.listRulesetText());
    }
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void closingTheClientRollsAPendingCommitBack(Nftables.Backend backend) {
    try (Sh.NamedNetns ns = new Sh.NamedNetns()) {
      String before;
      try (Nftables nft = client(backend).netns(NetnsTarget.named(ns.name())).open()) {
        before = prepared(nft);
        nft.submitConfirmed(Batch.parse(DROP_ALL), Duration.ofSeconds(60));
        assertTrue(ns.exec("nft", "list", "ruleset").contains("policy drop"));
      }
      assertEquals(before, ns.exec("nft", "list", "ruleset"));
    }
  }

  // ------------------------------------------------------------------ the JVM dies or hangs

  @Test
  void theHelperRollsBackWhenTheJvmThatArmedItIsKilled() throws Exception {
    try (Sh.NamedNetns ns = new Sh.NamedNetns();
        Nftables observer = Nftables.builder().netns(NetnsTarget.named(ns.name())).probeCapabilities(false).open()) {
      String before = prepared(observer);
      Process child = child(ns.name(), 60_000); // a deadline far away: end of input decides
      try {
        long helperPid = awaitArmed(child);
        assertTrue(observer.listRulesetText().contains("policy drop"));
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, nothing
        assertEquals(before, awaitListing(observer, before, Duration.ofSeconds(5)));
        assertTrue(awaitGone(helperPid, Duration.ofSeconds(5)), "the helper exits after rolling back");
      } finally {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void theHelperRollsBackAtTheDeadlineWhileTheJvmIsFrozen() throws Exception {
    try (Sh.NamedNetns ns = new Sh.NamedNetns();
        Nftables observer = Nftables.builder().netns(NetnsTarget.named(ns.name())).probeCapabilities(false).open()) {
      String before = prepared(observer);
      Process child = child(ns.name(), 1_000);
      try {
        long helperPid = awaitArmed(child);
        Sh.ok("kill", "-STOP", Long.toString(child.pid())); // alive, holding the pipe, never confirming
        assertTrue(observer.listRulesetText().contains("policy drop"));
        assertEquals(before, awaitListing(observer, before, Duration.ofSeconds(5)));
        assertTrue(ProcessHandle.of(helperPid).map(ProcessHandle::isAlive).orElse(false),
            "the deadline, not the end of input, made the helper roll back");
      } finally {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void inProcessAnOrderlyJvmExitRollsBackFromAShutdownHook() throws Exception {
    try (Sh.NamedNetns ns = new Sh.NamedNetns();
        Nftables observer = Nftables.builder().netns(NetnsTarget.named(ns.name())).probeCapabilities(false).open()) {
      String before = prepared(observer);
      Process child = child(ns.name(), 60_000, Nftables.Backend.IN_PROCESS);
      try {
        awaitArmed(child);
        assertTrue(observer.listRulesetText().contains("policy drop"));
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(before, observer.listRulesetText());
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private static Process child(String netns, long timeoutMillis) throws Exception {
    return child(netns, timeoutMillis, Nftables.Backend.HELPER);
  }

  /** A child JVM running {@link ConfirmedCommitChild} with this test's class path. */
  private static Process child(String netns, long timeoutMillis, Nftables.Backend backend) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        ConfirmedCommitChild.class.getName(), netns, Long.toString(timeoutMillis), backend.name())
        .redirectErrorStream(true).start();
  }

  private static long awaitArmed(Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("ARMED ")) {
        return Long.parseLong(line.substring("ARMED ".length()).strip());
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the child JVM ended without arming: " + seen);
  }

  private static String awaitListing(Nftables nft, String want, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    String now = nft.listRulesetText();
    while (!now.equals(want) && System.nanoTime() < end) {
      Thread.sleep(20);
      now = nft.listRulesetText();
    }
    return now;
  }

  private static boolean awaitGone(long pid, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
