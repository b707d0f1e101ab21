package io.jnftables.client;

/**
 * nftables features that some kernels lack (a module not built or not loadable). Each is probed
 * with a dry run in the client's namespace when the client opens; see {@link Capabilities}.
 */
public enum KernelFeature {
  /** Flowtables (software fast path, {@code nf_flow_table}). */
  FLOWTABLE("add table inet jnft_probe\n"
      + "add flowtable inet jnft_probe ft { hook ingress priority 0; devices = { lo }; }"),
  /** The {@code queue} statement (userspace queueing, {@code nft_queue}). */
  QUEUE("add table inet jnft_probe\nadd chain inet jnft_probe c\n"
      + "add rule inet jnft_probe c queue num 0"),
  /** Base chains on the netdev egress hook (kernel 5.16 and later). */
  NETDEV_EGRESS("add table netdev jnft_probe\n"
      + "add chain netdev jnft_probe c { type filter hook egress device lo priority 0; }"),
  /** Synproxy objects and statements ({@code nft_synproxy}). */
  SYNPROXY("add table inet jnft_probe\nadd synproxy inet jnft_probe sp { mss 1460; wscale 7; }"),
  /** Transparent proxying ({@code tproxy}, {@code nft_tproxy}). */
  TPROXY("add table inet jnft_probe\n"
      + "add chain inet jnft_probe c { type filter hook prerouting priority -150; }\n"
      + "add rule inet jnft_probe c meta l4proto tcp tproxy ip to 127.0.0.1:1");

  private final String probe;

  KernelFeature(String probe) {
    this.probe = probe;
  }

  /** The nft commands whose dry run tells whether the kernel has this feature. */
  String probe() {
    return probe;
  }
}
