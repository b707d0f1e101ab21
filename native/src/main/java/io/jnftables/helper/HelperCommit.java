package io.jnftables.helper;

import io.jnftables.libnft.NftResult;
import java.time.Duration;

/**
 * A commit whose rollback timer runs in one helper process ({@link NftHelper#arm}). Every
 * operation goes to the process that armed it: if that process died, the timer died with it, and
 * the operations throw a {@link HelperException} saying so (a restarted helper knows nothing of
 * the commit).
 *
 * <p>Results: {@code rc} 0 and output {@code confirmed}, {@code armed}, {@code rolled-back:CAUSE}
 * or {@code rollback-failed:CAUSE} (CAUSE {@code deadline} or {@code request}; the error holds
 * nft's message); {@link NftHelper#RC_REFUSED} with the state as output when the commit was no
 * longer armed (confirming too late).
 */
public final class HelperCommit {
  private final NftHelper helper;
  private final HelperProcess process;
  private final long id;
  private final NftResult applied;

  HelperCommit(NftHelper helper, HelperProcess process, long id, NftResult applied) {
    this.helper = helper;
    this.process = process;
    this.id = id;
    this.applied = applied;
  }

  /** The answer to the apply document: if it failed, nothing was armed. */
  public NftResult applied() {
    return applied;
  }

  /** The commit's id in its helper. */
  public long id() {
    return id;
  }

  /** The pid of the helper holding the timer. */
  public long helperPid() {
    return process.pid();
  }

  /** Whether the helper holding the timer is still running. */
  public boolean helperAlive() {
    return process.isAlive();
  }

  /** Disarms the timer; refused (with the state) if the rollback already ran. */
  public NftResult confirm(Duration timeout) {
    return op(HelperProcess.OP_COMMIT_CONFIRM, timeout);
  }

  /** Runs the rollback now; refused (with the state) if the commit is no longer armed. */
  public NftResult rollbackNow(Duration timeout) {
    return op(HelperProcess.OP_COMMIT_ROLLBACK, timeout);
  }

  /** The commit's state in the helper. */
  public NftResult status(Duration timeout) {
    return op(HelperProcess.OP_COMMIT_STATUS, timeout);
  }

  private NftResult op(int op, Duration timeout) {
    if (!process.isAlive()) {
      throw new HelperException(process.name() + ", which held the rollback timer of commit " + id
          + ", is gone (" + process.describeDeath() + ")");
    }
    return helper.commitOp(process, op, id, timeout);
  }

  @Override
  public String toString() {
    return "HelperCommit[" + id + " in " + process.name() + "]";
  }
}
