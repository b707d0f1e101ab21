package io.jnftables.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.libnft.NftResult;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.NamedNetns;
import io.jnftables.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The helper's sysctl and commit-confirmed operations at the protocol level: what the helper
 * itself enforces, whatever the JVM sends. Every test in a fresh or named namespace; the
 * machine's ruleset and sysctls are checked unchanged after each.
 */
@Tag("kernel")
class HelperOperationsKernelTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static final String FORWARD = "net/ipv4/ip_forward";
  private String hostRuleset;
  private String hostForward;
  private String hostHostname;

  @BeforeEach
  void recordHost() throws IOException {
    hostRuleset = Proc.hostRuleset();
    hostForward = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward"));
    hostHostname = Files.readString(Path.of("/proc/sys/kernel/hostname"));
  }

  @AfterEach
  void hostUntouched() throws IOException {
    assertEquals(hostRuleset, Proc.hostRuleset());
    assertEquals(hostForward, Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")));
    assertEquals(hostHostname, Files.readString(Path.of("/proc/sys/kernel/hostname")));
  }

  // ------------------------------------------------------------------ sysctl

  @Test
  void writesIpForwardOfItsOwnNamespaceWithCapNetAdminAlone() throws IOException {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      String status = Files.readString(Path.of("/proc/" + helper.pid() + "/status"));
      assertTrue(status.contains("CapEff:\t0000000000001000"), status);
      assertTrue(status.contains("Uid:\t0\t0\t0\t0"), status); // root uid, no CAP_DAC_OVERRIDE
      assertEquals(new NftResult(0, "0", ""), helper.sysctlRead(FORWARD, T));
      assertEquals(new NftResult(0, "", ""), helper.sysctlWrite(FORWARD, "1", T));
      assertEquals(new NftResult(0, "1", ""), helper.sysctlRead(FORWARD, T));
      assertEquals("1\n", Proc.ok("nsenter", "--net=" + helper.netnsPath(), "cat", "/proc/sys/" + FORWARD));
      // a port range goes as LOW<tab>HIGH, and is read back as the kernel prints it
      assertTrue(helper.sysctlWrite("net/ipv4/ip_local_port_range", "20000\t30000", T).ok());
      assertEquals("20000\t30000", helper.sysctlRead("net/ipv4/ip_local_port_range", T).output());
      // per interface: lo exists in every namespace
      assertTrue(helper.sysctlWrite("net/ipv4/conf/lo/rp_filter", "2", T).ok());
      assertEquals("2", helper.sysctlRead("net/ipv4/conf/lo/rp_filter", T).output());
      assertEquals("lo", helper.sysctlInterfaces("ipv4", T).output());
    }
  }

  @Test
  void refusesPathsOutsideItsWhitelistWhateverTheJvmSends() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      List<String> paths = List.of(
          "kernel/hostname",
          "net/../kernel/hostname",
          "net/ipv4/../../kernel/hostname",
          "/proc/sys/kernel/hostname",
          "/net/ipv4/ip_forward",
          "net//ipv4/ip_forward",
          "net/ipv4/./ip_forward",
          "net/ipv4/ip_forward/",
          "net/ipv4/conf/../ip_forward",
          "net/ipv4/conf/../forwarding",
          "net/ipv4/conf/lo/../all/forwarding",
          "net/ipv4/conf/a:b/forwarding",
          "net/ipv4/conf/verylonginterface0/forwarding",
          "net/core/somaxconn",
          "net/ipv4/tcp_congestion_control",
          "net",
          "");
      for (String p : paths) {
        NftResult w = helper.sysctlWrite(p, "1", T);
        assertEquals(NftHelper.RC_REFUSED, w.rc(), p + ": " + w);
        assertTrue(w.error().contains("refused"), w.error());
        NftResult r = helper.sysctlRead(p, T);
        assertEquals(NftHelper.RC_REFUSED, r.rc(), p + ": " + r);
      }
      NftResult kernel = helper.sysctlWrite("kernel/hostname", "1", T);
      assertTrue(kernel.error().contains("only network parameters"), kernel.error());
      NftResult core = helper.sysctlRead("net/core/somaxconn", T);
      assertTrue(core.error().contains("not in the helper's sysctl whitelist"), core.error());
      assertEquals("0", helper.sysctlRead(FORWARD, T).output(), "nothing was written");
    }
  }

  @Test
  void refusesValuesThatAreNotNumbers() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      for (String v : List.of("", "1\n0", "1 ", " 1", "+1", "abc", "1;2", "12345678901", "-",
          "1\t", "1\t123456", "1\t2\t3", "0x1", "1".repeat(40))) {
        NftResult w = helper.sysctlWrite(FORWARD, v, T);
        assertEquals(NftHelper.RC_REFUSED, w.rc(), "\"" + v + "\": " + w);
        assertTrue(w.error().contains("the value is not a number"), w.error());
      }
      assertEquals("0", helper.sysctlRead(FORWARD, T).output(), "nothing was written");
      // a refused request leaves the helper serving
      assertTrue(helper.sysctlWrite(FORWARD, "1", T).ok());
    }
  }

  @Test
  void kernelErrorsComeBackAsErrnoWithReadOnlyMarked() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      NftResult ro = helper.sysctlWrite("net/netfilter/nf_conntrack_max", "1000", T);
      assertEquals(new NftResult(NftHelper.RC_ERRNO, "13 readonly", ro.error()), ro);
      NftResult missing = helper.sysctlRead("net/ipv4/conf/nosuch0/rp_filter", T);
      assertEquals(NftHelper.RC_ERRNO, missing.rc());
      assertEquals("2", missing.output());
      assertTrue(missing.error().contains("No such file or directory"), missing.error());
      NftResult range = helper.sysctlWrite("net/ipv4/ip_local_port_range", "100\t200", T);
      assertEquals(new NftResult(NftHelper.RC_ERRNO, "22", range.error()), range); // below 1024: EINVAL
    }
  }

  // ------------------------------------------------------------------ commit-confirmed

  private static final String TABLE = "add table inet t\nadd chain inet t c\n";
  private static final String UNDO = "add table inet t\ndelete table inet t\n";

  @Test
  void unconfirmedCommitIsRolledBackByTheHelperAtItsDeadline() throws Exception {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      HelperCommit c = helper.arm(TABLE, 0, UNDO, 0, Duration.ofMillis(300), T);
      assertTrue(c.applied().ok(), c.applied().toString());
      assertEquals("table inet t\n", helper.run("list tables", 0, false).output());
      assertEquals("armed", c.status(T).output());
      Thread.sleep(600);
      assertEquals("", helper.run("list tables", 0, false).output());
      assertEquals("rolled-back:deadline", c.status(T).output());
      NftResult late = c.confirm(T);
      assertEquals(new NftResult(NftHelper.RC_REFUSED, "rolled-back:deadline", ""), late);
      assertTrue(helper.stderr().contains("commit " + c.id() + " was not confirmed; rolled back (deadline)"),
          helper.stderr());
    }
  }

  @Test
  void confirmedCommitStaysAndOnlyOneCommitIsArmedAtATime() throws Exception {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      HelperCommit c = helper.arm(TABLE, 0, UNDO, 0, Duration.ofMillis(300), T);
      HelperCommit second = helper.arm("add table inet u", 0, "delete table inet u", 0, Duration.ofMillis(300), T);
      assertEquals(NftHelper.RC_REFUSED, second.applied().rc());
      assertTrue(second.applied().error().contains("commit " + c.id() + " is still pending"), second.applied().error());
      assertEquals(new NftResult(0, "confirmed", ""), c.confirm(T));
      Thread.sleep(600);
      assertEquals("table inet t\n", helper.run("list tables", 0, false).output());
      assertEquals("confirmed", c.status(T).output());
      assertEquals(NftHelper.RC_REFUSED, c.rollbackNow(T).rc());
      assertEquals("table inet t\n", helper.run("list tables", 0, false).output());
    }
  }

  @Test
  void aFailedApplyArmsNothingAndRollbackNowRunsAtOnce() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      HelperCommit bad = helper.arm("add chain inet nosuch c", 0, UNDO, 0, Duration.ofMillis(100), T);
      assertEquals(-1, bad.applied().rc());
      assertTrue(bad.applied().error().contains("No such file or directory"), bad.applied().error());
      assertEquals(NftHelper.RC_REFUSED, bad.status(T).rc()); // the helper knows no such commit
      HelperCommit c = helper.arm(TABLE, 0, UNDO, 0, Duration.ofSeconds(60), T);
      assertEquals(new NftResult(0, "rolled-back:request", ""), c.rollbackNow(T));
      assertEquals("", helper.run("list tables", 0, false).output());
    }
  }

  @Test
  void aRollbackTheKernelRefusesIsReportedWithNftsMessage() throws Exception {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      HelperCommit c = helper.arm(TABLE, 0, "delete table inet nosuch", 0, Duration.ofMillis(200), T);
      Thread.sleep(500);
      NftResult s = c.status(T);
      assertEquals("rollback-failed:deadline", s.output());
      assertTrue(s.error().contains("No such file or directory"), s.error());
    }
  }

  @Test
  void endOfInputRollsBackAtOnceAndTheHelperExits() throws Exception {
    try (NamedNetns ns = NamedNetns.create()) {
      NftHelper helper = NftHelper.start(NetnsTarget.named(ns.name()));
      long pid = helper.pid();
      HelperCommit c = helper.arm(TABLE, 0, UNDO, 0, Duration.ofSeconds(60), T);
      assertTrue(c.applied().ok());
      assertEquals("table inet t\n", ns.exec("nft", "list", "tables"));
      long start = System.nanoTime();
      helper.close(); // closes its input, as a dying JVM does
      assertEquals("", ns.exec("nft", "list", "tables"));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "not at the 60 s deadline");
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
  }

  @Test
  void sigtermRollsBackAnArmedCommitBeforeExiting() throws Exception {
    try (NamedNetns ns = NamedNetns.create(); NftHelper helper = NftHelper.start(NetnsTarget.named(ns.name()))) {
      HelperCommit c = helper.arm(TABLE, 0, UNDO, 0, Duration.ofSeconds(60), T);
      assertTrue(c.applied().ok());
      long pid = helper.pid();
      Proc.ok("kill", "-TERM", Long.toString(pid));
      for (int i = 0; i < 250 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
        Thread.sleep(20);
      }
      assertEquals("", ns.exec("nft", "list", "tables"));
      HelperException gone = assertThrows(HelperException.class, () -> c.status(T));
      assertTrue(gone.getMessage().contains("commit " + c.id() + " was not confirmed; rolled back (signal)"),
          gone.getMessage());
    }
  }
}
