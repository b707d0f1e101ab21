package io.jnftables.client;

import io.jnftables.batch.Batch;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A batch applied by {@link Nftables#submitConfirmed}: unless {@link #confirm()} is called before
 * the deadline, the tables it covers are put back as they were before it, in one transaction.
 *
 * <pre>{@code
 * PendingCommit c = nft.submitConfirmed(newPolicy, Duration.ofSeconds(30));
 * if (stillReachable()) {
 *   c.confirm();            // keeps the new policy; throws if the rollback already ran
 * }                         // else: restored at the deadline, also if this JVM dies (helper)
 * }</pre>
 *
 * <p>Who decides: with the privileged helper, the helper holds the timer and runs the rollback
 * itself, so its answer is the truth ({@link #status()} asks it); in process, a timer thread of
 * the client does. {@code confirm} and the timer race fairly: whichever comes first wins, and the
 * other sees the outcome. Thread-safe.
 */
public final class PendingCommit {
  /** Where a commit stands. */
  public enum Status {
    /** Applied; the rollback is armed. */
    PENDING,
    /** Confirmed: the change stays, the rollback is gone. */
    CONFIRMED,
    /** Not confirmed in time (or {@link #rollbackNow()}): the covered tables are as before. */
    ROLLED_BACK,
    /** The rollback ran and the kernel refused it; {@link #detail()} has nft's message. */
    ROLLBACK_FAILED,
    /**
     * The helper that held the timer died (killed) before deciding: the change may still be in
     * place. {@link #detail()} says how it died.
     */
    LOST
  }

  /** What the timer's holder says; {@code detail} explains a terminal state. */
  record Outcome(Status status, String detail) {}

  /** The timer's holder: a thread of this JVM, or the helper process. */
  interface Control {
    Outcome status();

    /** Confirms if still pending; returns the outcome either way. */
    Outcome confirm();

    /** Rolls back if still pending; returns the outcome either way. */
    Outcome rollbackNow();

    /** The client is closing: roll back if still pending, release threads. Never throws. */
    void clientClosing();
  }

  private final Batch batch;
  private final Set<TableRef> tables;
  private final String rollback;
  private final Duration timeout;
  private final Instant deadline;
  private final Control control;

  PendingCommit(Batch batch, Set<TableRef> tables, String rollback, Duration timeout,
      Instant deadline, Control control) {
    this.batch = batch;
    this.tables = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(tables));
    this.rollback = rollback;
    this.timeout = timeout;
    this.deadline = deadline;
    this.control = control;
  }

  /** Where the commit stands now (with the helper, asked of the helper). */
  public Status status() {
    return control.status().status();
  }

  /**
   * Why the commit ended as it did: nft's message for {@link Status#ROLLBACK_FAILED}, how the
   * helper died for {@link Status#LOST}, what ran the rollback for {@link Status#ROLLED_BACK}
   * ("deadline" or "request"); empty while pending or once confirmed.
   */
  public String detail() {
    return control.status().detail();
  }

  /**
   * Keeps the change: disarms the rollback. Confirming a confirmed commit does nothing.
   *
   * @throws IllegalStateException if the rollback already ran (too late: the tables are as they
   *     were before), or the helper holding it died; the message says which
   */
  public void confirm() {
    Outcome o = control.confirm();
    if (o.status() != Status.CONFIRMED) {
      throw notPending("confirm", o);
    }
  }

  /**
   * Restores the covered tables now instead of at the deadline.
   *
   * @throws IllegalStateException if the commit is no longer pending
   * @throws NftablesException if the kernel refused the rollback (status
   *     {@link Status#ROLLBACK_FAILED})
   */
  public void rollbackNow() {
    Status before = control.status().status();
    if (before != Status.PENDING) {
      throw notPending("roll back", control.status());
    }
    Outcome o = control.rollbackNow();
    if (o.status() == Status.ROLLBACK_FAILED) {
      throw new NftablesException("the rollback of a confirmed commit failed", o.detail(), rollback);
    }
    if (o.status() != Status.ROLLED_BACK) {
      throw notPending("roll back", o);
    }
  }

  /**
   * Waits until the commit is decided (confirmed, rolled back, failed or lost) or {@code max}
   * has passed, and returns the status then.
   */
  public Status awaitDecision(Duration max) {
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      Status s = status();
      if (s != Status.PENDING || System.nanoTime() - end >= 0) {
        return s;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(20, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return status();
      }
    }
  }

  private IllegalStateException notPending(String what, Outcome o) {
    String why = switch (o.status()) {
      case CONFIRMED -> "it was already confirmed";
      case ROLLED_BACK -> "it was rolled back (" + o.detail() + "): the tables " + tables
          + " are as they were before it";
      case ROLLBACK_FAILED -> "its rollback ran and failed: " + o.detail();
      case LOST -> "the helper holding its rollback died: " + o.detail();
      case PENDING -> "it is still pending"; // a confirm that did not take
    };
    return new IllegalStateException("cannot " + what + " the commit: " + why);
  }

  /** The batch that was applied. */
  public Batch batch() {
    return batch;
  }

  /** The tables the rollback restores (deleted if they did not exist before). */
  public Set<TableRef> tables() {
    return tables;
  }

  /** The nft text that restores the tables: what runs if the commit is not confirmed. */
  public String rollback() {
    return rollback;
  }

  /** How long the caller had to confirm. */
  public Duration timeout() {
    return timeout;
  }

  /** When the rollback runs unless confirmed (wall clock, approximate; the timer is monotonic). */
  public Instant deadline() {
    return deadline;
  }

  void clientClosing() {
    control.clientClosing();
  }

  @Override
  public String toString() {
    return "PendingCommit[" + tables + ", deadline " + deadline + "]";
  }

  static Outcome outcome(Status status, String detail) {
    return new Outcome(Objects.requireNonNull(status), detail == null ? "" : detail);
  }
}
