package com.example;

import io.jnftables.annotations.Chain;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Rule;
import io.jnftables.annotations.Table;

public final class Policies {
  private Policies() {}

  @Table(name = "nat", family = Family.IP)
  public interface Edge {
    @Chain(name = "post", type = ChainType.NAT, hook = Hook.POSTROUTING, priority = 100)
    interface Post {
      @Rule("oifname \"eth0\" ip daddr != 192.168.1.0/24 counter")
      void count();
    }
  }
}
