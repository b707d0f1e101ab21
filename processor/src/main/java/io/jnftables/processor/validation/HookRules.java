package io.jnftables.processor.validation;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which base chains the kernel accepts, kept to what was checked against nft 1.0.6 and this
 * project's kernel (each combination was tried in a fresh network namespace):
 *
 * <ul>
 *   <li>hooks by family: ip, ip6, bridge: prerouting, input, forward, output, postrouting; inet:
 *       those and ingress; arp: input, output; netdev: ingress, egress;
 *   <li>nat chains: ip, ip6, inet only, on prerouting, input, output, postrouting (not forward);
 *   <li>route chains: ip, ip6, inet only, on output only;
 *   <li>ingress and egress chains need a device (nft: "Missing `device' in this chain
 *       definition"), which {@code @Chain} has no attribute for yet.
 * </ul>
 */
final class HookRules {
  private HookRules() {}

  private static final Set<Hook> IP_HOOKS =
      EnumSet.of(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING);

  static Set<Hook> hooks(Family family) {
    switch (family) {
      case IP:
      case IP6:
      case BRIDGE:
        return IP_HOOKS;
      case INET:
        EnumSet<Hook> inet = EnumSet.copyOf(IP_HOOKS);
        inet.add(Hook.INGRESS);
        return inet;
      case ARP:
        return EnumSet.of(Hook.INPUT, Hook.OUTPUT);
      case NETDEV:
        return EnumSet.of(Hook.INGRESS, Hook.EGRESS);
      default:
        throw new AssertionError(family);
    }
  }

  static Set<Family> families(ChainType type) {
    return type == ChainType.FILTER
        ? EnumSet.allOf(Family.class)
        : EnumSet.of(Family.IP, Family.IP6, Family.INET);
  }

  static Set<Hook> hooks(ChainType type) {
    switch (type) {
      case FILTER:
        return EnumSet.complementOf(EnumSet.of(Hook.NONE));
      case NAT:
        return EnumSet.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING);
      case ROUTE:
        return EnumSet.of(Hook.OUTPUT);
      default:
        throw new AssertionError(type);
    }
  }

  static boolean needsDevice(Hook hook) {
    return hook == Hook.INGRESS || hook == Hook.EGRESS;
  }
}
