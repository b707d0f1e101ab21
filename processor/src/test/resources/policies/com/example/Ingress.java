package com.example;

import io.jnftables.annotations.Chain;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Flowtable;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Rule;
import io.jnftables.annotations.Table;

/** Early drops on the loopback device, and a flowtable (JSON only here: this kernel has none). */
public final class Ingress {
  private Ingress() {}

  @Table(name = "early", family = Family.NETDEV)
  public interface Early {
    @Chain(name = "lo_in", hook = Hook.INGRESS, device = "lo", priority = -500)
    interface LoIn {
      @Rule("ip saddr 203.0.113.0/24 drop")
      void bogons();
    }
  }

  @Table(name = "fast", family = Family.INET)
  @Flowtable(name = "ft", devices = "lo")
  public interface Fast {
    @Chain(name = "fwd", hook = Hook.FORWARD)
    interface Fwd {
      @Rule("meta l4proto tcp flow add @ft")
      void offload();
    }
  }
}
