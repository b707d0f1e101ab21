package io.jnftables.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.testing.NamedNetns;
import io.jnftables.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Entering namespaces on a dedicated thread (root needed for fresh and named). */
@Tag("kernel")
class NetnsThreadKernelTest {

  @Test
  void currentStaysInTheCallersNamespace() {
    try (NetnsThread t = NetnsThread.start(NetnsTarget.current())) {
      assertEquals(Proc.threadNetnsId(), t.netnsId());
      assertEquals(Proc.threadNetnsId(), t.call(Proc::threadNetnsId));
    }
  }

  @Test
  void freshIsPrivateToTheThreadAndChildProcessesInheritIt() throws Exception {
    String mine = Proc.threadNetnsId();
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh())) {
      assertNotEquals(mine, t.netnsId());
      assertEquals(t.netnsId(), t.call(Proc::threadNetnsId));
      assertEquals(mine, Proc.threadNetnsId(), "the caller did not move");
      assertEquals(t.netnsId(), Files.readSymbolicLink(t.netnsPath()).toString());
      // a child spawned from the thread is in the thread's namespace: only lo, and it is DOWN
      String links = t.call(() -> Proc.ok("ip", "-o", "link"));
      assertEquals(1, links.lines().count(), links);
      assertTrue(links.startsWith("1: lo:") && links.contains("state DOWN"), links);
      // which is how a caller brings lo up if it needs to
      t.call(() -> Proc.ok("ip", "link", "set", "lo", "up"));
      assertTrue(t.call(() -> Proc.ok("ip", "-o", "link", "show", "lo")).contains("LOWER_UP"));
      assertTrue(Proc.ok("ip", "-o", "link").lines().count() >= 1);
    }
  }

  @Test
  void pidTargetEntersThatProcessesNamespace() throws IOException {
    String processNs = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    try (NetnsThread fresh = NetnsThread.start(NetnsTarget.fresh())) {
      // from a thread in another namespace, ofPid(self) goes back to the process's namespace
      NetnsTarget self = NetnsTarget.ofPid(ProcessHandle.current().pid());
      String id = fresh.call(() -> {
        try (NetnsThread back = NetnsThread.start(self)) {
          return back.netnsId();
        }
      });
      assertEquals(processNs, id);
    }
  }

  @Test
  void namedNamespaceIsEnteredAndMissingOneExplainsItself() {
    try (NamedNetns ns = NamedNetns.create();
        NetnsThread t = NetnsThread.start(NetnsTarget.named(ns.name()))) {
      String inside = Proc.ok("ip", "netns", "exec", ns.name(), "readlink", "/proc/self/ns/net").trim();
      assertEquals(inside, t.netnsId());
    }
    ErrnoException e = assertThrows(ErrnoException.class,
        () -> NetnsThread.start(NetnsTarget.named("jnft-test-does-not-exist")));
    assertEquals("ENOENT", e.errnoName());
    assertTrue(e.getMessage().contains("ip netns add jnft-test-does-not-exist"), e.getMessage());

    ErrnoException pid = assertThrows(ErrnoException.class,
        () -> NetnsThread.start(NetnsTarget.ofPid(Integer.MAX_VALUE)));
    assertTrue(pid.getMessage().contains("no process with pid " + Integer.MAX_VALUE), pid.getMessage());
  }

  @Test
  void tasksRunInOrderOnOneThreadAndExceptionsPropagate() throws Exception {
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh(), "jnft-test-worker")) {
      List<Future<String>> futures = new ArrayList<>();
      List<Integer> order = new ArrayList<>(); // only touched on t's thread
      for (int i = 0; i < 100; i++) {
        int n = i;
        futures.add(t.submit(() -> {
          order.add(n);
          return Thread.currentThread().getName() + " " + Proc.threadNetnsId();
        }));
      }
      for (Future<String> f : futures) {
        assertEquals("jnft-test-worker " + t.netnsId(), f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(100, t.call(order::size));
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        expected.add(i);
      }
      assertEquals(expected, t.call(() -> List.copyOf(order)));

      IllegalArgumentException unchecked = new IllegalArgumentException("boom");
      assertSame(unchecked, assertThrows(IllegalArgumentException.class, () -> t.call(() -> {
        throw unchecked;
      })));
      IOException checked = new IOException("io");
      NetnsException wrapped = assertThrows(NetnsException.class, () -> t.call(() -> {
        throw checked;
      }));
      assertSame(checked, wrapped.getCause());
      // calling from the thread itself runs inline instead of deadlocking
      assertEquals("jnft-test-worker", t.call(() -> t.call(() -> Thread.currentThread().getName())));
    }
  }

  @Test
  void interruptedCallerGetsExceptionAndKeepsFlag() throws Exception {
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh())) {
      CountDownLatch running = new CountDownLatch(1);
      CompletableFuture<Boolean> taskInterrupted = new CompletableFuture<>();
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        try {
          t.call(() -> {
            running.countDown();
            try {
              Thread.sleep(60_000);
              taskInterrupted.complete(false);
            } catch (InterruptedException e) {
              taskInterrupted.complete(true);
            }
            return null;
          });
          outcome.complete(null);
        } catch (Throwable e) {
          outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag lost", e));
        }
      });
      caller.start();
      assertTrue(running.await(30, TimeUnit.SECONDS));
      caller.interrupt();
      Throwable e = outcome.get(30, TimeUnit.SECONDS);
      assertTrue(e instanceof NetnsException, String.valueOf(e));
      assertTrue(e.getCause() instanceof InterruptedException);
      assertTrue(taskInterrupted.get(30, TimeUnit.SECONDS), "the abandoned task was interrupted");
      // the thread is not poisoned by that interrupt
      assertEquals(t.netnsId(), t.call(() -> {
        assertFalse(Thread.currentThread().isInterrupted());
        return Proc.threadNetnsId();
      }));
    }
  }

  @Test
  void closeEndsTheThread() {
    NetnsThread t = NetnsThread.start(NetnsTarget.fresh());
    Path task = Path.of("/proc/self/task/" + t.nativeThreadId());
    assertTrue(Files.exists(task));
    Future<String> queued = t.submit(() -> "ran before close");
    t.close();
    assertTrue(queued.isDone());
    assertTrue(t.isClosed());
    assertFalse(t.isAlive());
    assertFalse(Files.exists(task), task + " still exists");
    assertThrows(IllegalStateException.class, () -> t.call(() -> 1));
    assertThrows(IllegalStateException.class, () -> t.submit(() -> 1));
    t.close(); // idempotent
  }
}
