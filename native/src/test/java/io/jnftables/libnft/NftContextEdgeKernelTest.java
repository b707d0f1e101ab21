package io.jnftables.libnft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.netns.LibC;
import io.jnftables.netns.NetnsTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Timeouts, interrupts and the fd >= 1024 hazard; each test in fresh namespaces. */
@Tag("kernel")
class NftContextEdgeKernelTest {

  @Test
  void timeoutBeforeStartCancelsTheCommand() {
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      NftTimeoutException e;
      NftContext.LIBNFTABLES_LOCK.lock(); // another libnftables user holds the lock
      try {
        e = assertThrows(NftTimeoutException.class,
            () -> ctx.run("add table inet late", 0, false, Duration.ofMillis(200)));
      } finally {
        NftContext.LIBNFTABLES_LOCK.unlock();
      }
      assertFalse(e.commandStarted());
      assertEquals(Duration.ofMillis(200), e.timeout());
      assertTrue(e.getMessage().contains("will not run"), e.getMessage());
      // the context is usable again and the command never ran
      assertEquals(new NftResult(0, "", ""), ctx.run("list tables", 0));
      assertTrue(ctx.run("add table inet now", 0, false, Duration.ofSeconds(30)).ok());
      assertEquals("table inet now\n", ctx.run("list tables", 0).output());
    }
  }

  @Test
  void timeoutAfterStartLetsTheCommandFinish() {
    StringBuilder batch = new StringBuilder("add table inet t\nadd set inet t s { type ipv4_addr; }\n");
    int n = 50_000;
    batch.append("add element inet t s { ");
    for (int i = 0; i < n; i++) {
      batch.append(i == 0 ? "" : ", ").append("10.").append(i >> 16).append('.')
          .append((i >> 8) & 255).append('.').append(i & 255);
    }
    batch.append(" }\n");
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      NftTimeoutException e = assertThrows(NftTimeoutException.class,
          () -> ctx.run(batch.toString(), 0, false, Duration.ofMillis(20)));
      // the next call queues behind the running one
      String tables = ctx.run("list tables", 0).output();
      if (e.commandStarted()) {
        assertTrue(e.getMessage().contains("may still take effect"), e.getMessage());
        assertEquals("table inet t\n", tables);
        String set = ctx.run("list set inet t s", OutputFlags.JSON).output();
        assertEquals(n, NftContextKernelTest.count(java.util.regex.Pattern.compile("\"10\\."), set));
      } else {
        // possible on a very loaded machine: the command was still waiting and was cancelled
        assertEquals("", tables);
      }
    }
  }

  @Test
  void interruptedCallerGetsExceptionAndKeepsFlag() throws Exception {
    try (NftContext ctx = NftContext.open(NetnsTarget.fresh())) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller;
      NftContext.LIBNFTABLES_LOCK.lock();
      try {
        caller = new Thread(() -> {
          try {
            ctx.run("add table inet never", 0);
            outcome.complete(null);
          } catch (Throwable t) {
            outcome.complete(Thread.currentThread().isInterrupted() ? t : new AssertionError("flag lost", t));
          }
        });
        caller.start();
        while (!NftContext.LIBNFTABLES_LOCK.hasQueuedThreads()) {
          Thread.onSpinWait(); // the context thread waits for the lock
        }
        caller.interrupt();
        Throwable t = outcome.get(30, TimeUnit.SECONDS);
        assertTrue(t instanceof NftException, String.valueOf(t));
        assertTrue(t.getMessage().contains("cancelled and will not run"), t.getMessage());
        assertTrue(t.getCause() instanceof InterruptedException);
      } finally {
        NftContext.LIBNFTABLES_LOCK.unlock();
      }
      caller.join();
      assertEquals("", ctx.run("list tables", 0).output());
    }
  }

  /**
   * With over 1024 descriptors open, a new context still gets a low socket from the reserve, and a
   * commit (which select()s) works instead of aborting the JVM. Without any low descriptor left,
   * open() fails cleanly.
   */
  @Test
  void contextSocketStaysBelow1024() {
    List<Integer> flood = new ArrayList<>();
    try (NftContext early = NftContext.open(NetnsTarget.fresh())) {
      assertTrue(LowFds.reservedCount() > 0, "low descriptors are reserved");
      fillUntil(flood, 1100);
      try (NftContext late = NftContext.open(NetnsTarget.fresh())) {
        NftResult commit = late.run("add table inet t\nadd chain inet t c\n", 0);
        assertTrue(commit.ok(), commit.error());
        assertEquals("table inet t\n", late.run("list tables", 0).output());
      }
      assertTrue(early.run("add table inet e", 0).ok());

      // no reserve and no low hole left: the context must be refused, not abort later
      NftContext.LIBNFTABLES_LOCK.lock();
      try {
        LowFds.release();
      } finally {
        NftContext.LIBNFTABLES_LOCK.unlock();
      }
      fillUntil(flood, LowFds.FD_SETSIZE); // fills every hole below 1024
      NftException e = assertThrows(NftException.class, () -> NftContext.open(NetnsTarget.fresh()));
      assertTrue(e.getMessage().contains("1024"), e.getMessage());
    } finally {
      flood.forEach(LibC::close);
    }
    // with descriptors free again, contexts open and the reserve refills
    try (NftContext again = NftContext.open(NetnsTarget.fresh())) {
      assertTrue(again.run("add table inet t", 0).ok());
    }
    assertTrue(LowFds.reservedCount() > 0);
  }

  private static void fillUntil(List<Integer> fds, int atLeast) {
    while (true) {
      int fd = LibC.open("/dev/null", LibC.O_RDONLY | LibC.O_CLOEXEC);
      fds.add(fd);
      if (fd >= atLeast) {
        return;
      }
    }
  }
}
