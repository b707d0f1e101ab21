package io.jnftables.netns;

import java.util.concurrent.Future;

/**
 * Brief busy-waiting at the two ends of a hand-off between a caller and a namespace thread.
 *
 * <p>Why: on a virtual machine, waking a parked thread whose vCPU has gone idle costs far more
 * than the work handed over. Measured on this project's 2-vCPU Firecracker VMs: a submit-and-wait
 * round trip to a {@link NetnsThread} took 7 µs p50 while the other vCPU was busy and 77–84 µs
 * p50 once the machine was idle — as much as the libnftables call it carries (80–100 µs for one
 * set element). Spinning for a bounded time before parking keeps both threads on-CPU across the
 * hand-off; the bounds cap the CPU spent when nothing comes.
 */
public final class Handoff {
  private Handoff() {}

  /** How long a worker (a namespace thread, the helper's reader) polls for its next input before parking. */
  public static final long WORKER_SPIN_NANOS = 100_000;

  /** How long a caller polls for its result before parking in {@code Future.get}. */
  public static final long CALLER_SPIN_NANOS = 500_000;

  /**
   * Polls {@code future} until it is done or {@code spinNanos} have passed; the caller then gets
   * the result (or parks) as usual.
   */
  public static void awaitBriefly(Future<?> future, long spinNanos) {
    if (future.isDone()) {
      return;
    }
    long end = System.nanoTime() + spinNanos;
    while (!future.isDone() && System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }
}
