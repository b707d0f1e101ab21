package io.jnftables.client;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.netns.NetnsTarget;
import java.time.Duration;

/**
 * The JVM side of the crash tests, run as a child JVM: opens a client with backend
 * {@code args[2]} bound to the named namespace {@code args[0]}, submits the drop-all batch
 * confirmed with a timeout of {@code args[1]} milliseconds, prints {@code ARMED <helper pid or 0>}
 * and waits to be killed, never confirming.
 */
public final class ConfirmedCommitChild {
  private ConfirmedCommitChild() {}

  public static void main(String[] args) throws Exception {
    Nftables nft = Nftables.builder().netns(NetnsTarget.named(args[0]))
        .backend(Nftables.Backend.valueOf(args[2])).ownTable(Family.INET, "filter").probeCapabilities(false).open();
    nft.submitConfirmed(Batch.parse(ConfirmedCommitKernelTest.DROP_ALL), Duration.ofMillis(Long.parseLong(args[1])));
    System.out.println("ARMED " + (nft.executor() instanceof HelperExecutor h ? h.pid() : 0));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
