package io.jnftables.model;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What makes a chain a base chain: the hook it is attached to, its type and priority, and the
 * policy for packets no rule decided on. {@code devices} are for netdev (and inet ingress)
 * chains: one ({@code device "eth0"}) or several ({@code devices = { eth0, eth1 }}).
 *
 * <p>nft 1.0.6's JSON carries at most one device ({@code "dev"}) and does not list it back; the
 * text listing has them all (see {@code Nftables.listRuleset(Fidelity.TEXT)}).
 */
public record BaseChain(
    ChainType type, Hook hook, int priority, @Nullable Policy policy, List<String> devices) {
  public BaseChain {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hook, "hook");
    if (hook == Hook.NONE) {
      throw new IllegalArgumentException("a base chain needs a hook; use a regular chain instead");
    }
    devices = List.copyOf(devices);
  }

  public static BaseChain of(ChainType type, Hook hook, int priority, Policy policy) {
    return new BaseChain(type, hook, priority, policy, List.of());
  }

  /** A base chain on one device, e.g. a netdev ingress chain. */
  public static BaseChain onDevice(ChainType type, Hook hook, int priority, @Nullable Policy policy, String device) {
    return new BaseChain(type, hook, priority, policy, List.of(Objects.requireNonNull(device, "device")));
  }

  /** The device of a chain on exactly one device; {@code null} with none or several (see {@link #devices()}). */
  public @Nullable String device() {
    return devices.size() == 1 ? devices.get(0) : null;
  }

  /** The same base chain on these devices. */
  public BaseChain withDevices(List<String> newDevices) {
    return new BaseChain(type, hook, priority, policy, newDevices);
  }
}
