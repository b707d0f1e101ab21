package io.jnftables.client;

import io.jnftables.client.PendingCommit.Outcome;
import io.jnftables.client.PendingCommit.Status;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The rollback timer of an in-process (or any non-helper) client: one daemon thread per pending
 * commit. An orderly JVM exit (System.exit, SIGTERM) rolls a pending commit back from a shutdown
 * hook; a JVM that is killed (SIGKILL, crash) leaves the change in place — only the helper's
 * timer survives that.
 */
final class JvmCommitTimer implements PendingCommit.Control {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final NftExecutor executor;
  private final String rollback;
  private final @Nullable Duration callTimeout;
  private final ScheduledExecutorService timer;
  private final Thread shutdownHook;
  private Status status = Status.PENDING; // guarded by this
  private String detail = ""; // guarded by this

  private JvmCommitTimer(NftExecutor executor, String rollback, @Nullable Duration callTimeout) {
    this.executor = executor;
    this.rollback = rollback;
    this.callTimeout = callTimeout;
    long n = COUNTER.incrementAndGet();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jnft-commit-timer-" + n);
      t.setDaemon(true);
      return t;
    });
    this.shutdownHook = new Thread(() -> fire("JVM exit"), "jnft-commit-exit-" + n);
  }

  /** Arms the timer; the batch has been applied already. */
  static JvmCommitTimer arm(NftExecutor executor, String rollback, Duration timeout,
      @Nullable Duration callTimeout) {
    JvmCommitTimer t = new JvmCommitTimer(executor, rollback, callTimeout);
    t.timer.schedule(() -> t.fire("deadline"), timeout.toNanos(), TimeUnit.NANOSECONDS);
    Runtime.getRuntime().addShutdownHook(t.shutdownHook);
    return t;
  }

  // The lock is held while the rollback runs: a confirm arriving meanwhile sees its outcome.
  private synchronized Outcome fire(String cause) {
    if (status == Status.PENDING) {
      try {
        NftResponse r = executor.execute(NftRequest.text(rollback).withTimeout(callTimeout));
        status = r.ok() ? Status.ROLLED_BACK : Status.ROLLBACK_FAILED;
        detail = r.ok() ? cause : r.error().strip();
      } catch (RuntimeException e) { // executor closed, timed out, helper gone
        status = Status.ROLLBACK_FAILED;
        detail = cause + ": " + e.getMessage();
      }
      decided();
    }
    return new Outcome(status, detail);
  }

  private void decided() {
    timer.shutdownNow();
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is exiting: the hook runs and finds the commit decided
      }
    }
  }

  @Override
  public synchronized Outcome status() {
    return new Outcome(status, detail);
  }

  @Override
  public synchronized Outcome confirm() {
    if (status == Status.PENDING) {
      status = Status.CONFIRMED;
      decided();
    }
    return new Outcome(status, detail);
  }

  @Override
  public Outcome rollbackNow() {
    return fire("request");
  }

  @Override
  public void clientClosing() {
    fire("client closed");
  }
}
