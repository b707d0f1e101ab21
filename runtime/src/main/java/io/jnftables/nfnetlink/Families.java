package io.jnftables.nfnetlink;

import io.jnftables.annotations.Family;

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
}
