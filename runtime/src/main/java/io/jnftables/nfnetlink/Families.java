package io.jnftables.nfnetlink;

import io.jnftables.annotations.Family;
import org.jspecify.annotations.Nullable;

/** nft families as the kernel numbers them ({@code NFPROTO_*}). */
final class Families {
  private Families() {}

  static int nfproto(Family f) {
    return switch (f) {
      case INET -> 1;
      case IP -> 2;
      case ARP -> 3;
      case NETDEV -> 5;
      case BRIDGE -> 7;
      case IP6 -> 10;
    };
  }

  /** The family the kernel numbers {@code nfproto}, or null for one nft does not have. */
  static @Nullable Family family(int nfproto) {
    for (Family f : Family.values()) {
      if (nfproto(f) == nfproto) {
        return f;
      }
    }
    return null;
  }
}
