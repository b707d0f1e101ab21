package io.jnftables.processor.validation;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.PriorityName;
import io.jnftables.model.stmt.Nat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  /** NAT chains must run after conntrack: the kernel refuses a priority of -200 or less. */
  static final int NAT_MIN_PRIORITY = -200;

  /** Hooks where the kernel runs reject (measured: not postrouting). */
  static final Set<Hook> REJECT_HOOKS = EnumSet.of(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT);

  /**
   * Hooks each NAT statement runs on (measured): snat on postrouting and input, masquerade on
   * postrouting only, dnat and redirect on prerouting and output.
   */
  static Set<Hook> natHooks(Nat.Type type) {
    switch (type) {
      case SNAT:
        return EnumSet.of(Hook.POSTROUTING, Hook.INPUT);
      case MASQUERADE:
        return EnumSet.of(Hook.POSTROUTING);
      case DNAT:
      case REDIRECT:
        return EnumSet.of(Hook.PREROUTING, Hook.OUTPUT);
      default:
        throw new AssertionError(type);
    }
  }

  private record Std(PriorityName name, int value) {}

  private static final List<Std> INET_PRIORITIES = List.of(new Std(PriorityName.RAW, -300),
      new Std(PriorityName.MANGLE, -150), new Std(PriorityName.DSTNAT, -100), new Std(PriorityName.FILTER, 0),
      new Std(PriorityName.SECURITY, 50), new Std(PriorityName.SRCNAT, 100));

  private static final List<Std> BRIDGE_PRIORITIES = List.of(new Std(PriorityName.DSTNAT, -300),
      new Std(PriorityName.FILTER, -200), new Std(PriorityName.OUT, 100), new Std(PriorityName.SRCNAT, 300));

  /** Whether nft accepts the standard priority {@code name} for this family and hook (as nft 1.0.6 does). */
  private static boolean suits(PriorityName name, Family f, Hook hook) {
    if (f == Family.BRIDGE) {
      switch (name) {
        case DSTNAT:
          return hook == Hook.PREROUTING;
        case OUT:
          return hook == Hook.OUTPUT;
        case SRCNAT:
          return hook == Hook.POSTROUTING;
        default:
          return true;
      }
    }
    boolean inet = f == Family.IP || f == Family.IP6 || f == Family.INET;
    switch (name) {
      case FILTER:
        return true;
      case DSTNAT:
        return inet && hook == Hook.PREROUTING;
      case SRCNAT:
        return inet && hook == Hook.POSTROUTING;
      case OUT:
        return false;
      default:
        return inet;
    }
  }

  /** The value of a standard priority for this family and hook, or null when nft refuses the name there. */
  static @Nullable Integer priority(PriorityName name, Family f, Hook hook) {
    for (Std s : f == Family.BRIDGE ? BRIDGE_PRIORITIES : INET_PRIORITIES) {
      if (s.name() == name && suits(name, f, hook)) {
        return s.value();
      }
    }
    return null;
  }

  /** The names nft accepts for this family and hook. */
  static List<String> priorityNames(Family f, Hook hook) {
    List<String> out = new ArrayList<>();
    for (Std s : f == Family.BRIDGE ? BRIDGE_PRIORITIES : INET_PRIORITIES) {
      if (suits(s.name(), f, hook)) {
        out.add(s.name().nftName());
      }
    }
    return out;
  }
}
