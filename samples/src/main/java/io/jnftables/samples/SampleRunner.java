package io.jnftables.samples;

import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;

/**
 * What every sample's {@code main} does: choose the network namespace from the arguments, print
 * the batch as JSON, apply it as one transaction, and print what the kernel lists back. The
 * machine's own firewall is never touched unless it is named.
 */
public final class SampleRunner {
  private SampleRunner() {}

  /**
   * The namespace named by the first argument ({@code ip netns add NAME}, then pass {@code NAME}),
   * or a fresh throwaway one that disappears when the client closes.
   */
  public static NetnsTarget target(String[] args) {
    return args.length > 0 ? NetnsTarget.named(args[0]) : NetnsTarget.fresh();
  }

  /** Opens a client on {@link #target(String[])}. Needs root (or CAP_NET_ADMIN and CAP_SYS_ADMIN). */
  public static Nftables open(String[] args) {
    return Nftables.open(target(args));
  }

  /** Prints the batch's JSON, submits it through {@code nft}, and returns the listing. */
  public static Ruleset apply(Nftables nft, String title, Batch batch) {
    System.out.println("# " + title + ": batch sent to libnftables");
    System.out.println(batch.toJson());
    nft.submit(batch);
    return nft.listRuleset();
  }

  /** Prints the ruleset as {@code nft list ruleset} shows it. */
  public static void printRuleset(Nftables nft) {
    System.out.println("# the kernel lists back:");
    System.out.print(nft.listRulesetText());
  }

  /** {@link #apply} then {@link #printRuleset}, in the namespace {@code args} name: a sample's whole main. */
  public static void run(String[] args, String title, Batch batch) {
    try (Nftables nft = open(args)) {
      apply(nft, title, batch);
      printRuleset(nft);
    }
  }
}
