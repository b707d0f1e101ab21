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
 * commit. It dies with the JVM — only the helper's timer survives that.
 */
final class JvmCommitTimer implements PendingCommit.Control {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final NftExecutor executor;
  private final String rollback;
  private final @Nullable Duration callTimeout;
  private final ScheduledExecutorService timer;
  private Status status = Status.PENDING; // guarded by this
  private String detail = ""; // guarded by this

  private JvmCommitTimer(NftExecutor executor, String rollback, @Nullable Duration callTimeout) {
    this.executor = executor;
    this.rollback = rollback;
    this.callTimeout = callTimeout;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jnft-commit-timer-" + COUNTER.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Arms the timer; the batch has been applied already. */
  static JvmCommitTimer arm(NftExecutor executor, String rollback, Duration timeout,
      @Nullable Duration callTimeout) {
    JvmCommitTimer t = new JvmCommitTimer(executor, rollback, callTimeout);
    t.timer.schedule(() -> t.fire("deadline"), timeout.toNanos(), TimeUnit.NANOSECONDS);
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
      timer.shutdown();
    }
    return new Outcome(status, detail);
  }

  @Override
  public synchronized Outcome status() {
    return new Outcome(status, detail);
  }

  @Override
  public synchronized Outcome confirm() {
    if (status == Status.PENDING) {
      status = Status.CONFIRMED;
      timer.shutdownNow();
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
    timer.shutdownNow();
  }
}
