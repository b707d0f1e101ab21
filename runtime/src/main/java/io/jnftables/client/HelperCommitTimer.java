package io.jnftables.client;

import io.jnftables.client.PendingCommit.Outcome;
import io.jnftables.client.PendingCommit.Status;
import io.jnftables.helper.HelperCommit;
import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftResult;
import java.time.Duration;

/**
 * The rollback timer held by the privileged helper: the helper decides, so every question goes
 * to it. Once an outcome is final it is kept here, because the helper forgets a commit when the
 * next one is armed.
 */
final class HelperCommitTimer implements PendingCommit.Control {
  /** Commit operations are tiny; a helper that does not answer within this is dead or wedged. */
  private static final Duration OP_TIMEOUT = Duration.ofSeconds(10);

  private final HelperCommit commit;
  private Outcome decided; // guarded by this; null while pending

  HelperCommitTimer(HelperCommit commit) {
    this.commit = commit;
  }

  @Override
  public synchronized Outcome status() {
    return decided != null ? decided : remember(ask(() -> commit.status(OP_TIMEOUT)));
  }

  @Override
  public synchronized Outcome confirm() {
    return decided != null ? decided : remember(ask(() -> commit.confirm(OP_TIMEOUT)));
  }

  @Override
  public synchronized Outcome rollbackNow() {
    return decided != null ? decided : remember(ask(() -> commit.rollbackNow(OP_TIMEOUT)));
  }

  /** Nothing to do: the helper rolls back by itself when its input ends. */
  @Override
  public void clientClosing() {}

  private Outcome remember(Outcome o) {
    if (o.status() != Status.PENDING) {
      decided = o;
    }
    return o;
  }

  private interface Op {
    NftResult run();
  }

  private Outcome ask(Op op) {
    NftResult r;
    try {
      r = op.run();
    } catch (NftException e) { // the helper died: what did it do before? Its stderr says.
      return fromDeath(e.getMessage());
    }
    return parse(r);
  }

  /** The helper's words: armed | confirmed | rolled-back:CAUSE | rollback-failed:CAUSE. */
  private Outcome parse(NftResult r) {
    String state = r.output().strip();
    int colon = state.indexOf(':');
    String word = colon < 0 ? state : state.substring(0, colon);
    String cause = colon < 0 ? "" : state.substring(colon + 1);
    return switch (word) {
      case "armed" -> PendingCommit.outcome(Status.PENDING, "");
      case "confirmed" -> PendingCommit.outcome(Status.CONFIRMED, "");
      case "rolled-back" -> PendingCommit.outcome(Status.ROLLED_BACK, cause);
      case "rollback-failed" -> PendingCommit.outcome(Status.ROLLBACK_FAILED, cause + ": " + r.error().strip());
      default -> throw new IllegalStateException("the helper answered commit " + commit.id()
          + " with \"" + state + "\": " + r.error().strip());
    };
  }

  /** The helper logs each rollback on stderr before it could die, so its last words decide. */
  private Outcome fromDeath(String message) {
    String id = "commit " + commit.id() + " ";
    if (message.contains(id + "was not confirmed; rolled back")) {
      return PendingCommit.outcome(Status.ROLLED_BACK, "by the helper before it ended: " + message);
    }
    if (message.contains(id + "was not confirmed; its rollback")) {
      return PendingCommit.outcome(Status.ROLLBACK_FAILED, message);
    }
    return PendingCommit.outcome(Status.LOST, message);
  }
}
