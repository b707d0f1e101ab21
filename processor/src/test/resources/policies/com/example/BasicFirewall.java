package com.example;

import io.jnftables.annotations.Chain;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.annotations.Rule;
import io.jnftables.annotations.Table;

/** A host firewall: drop what is not allowed in, let everything out. */
@Table(name = "filter", family = Family.INET)
public interface BasicFirewall {
  @Chain(name = "input", type = ChainType.FILTER, hook = Hook.INPUT, policy = Policy.DROP)
  interface Input {
    @Rule("iif \"lo\" accept")
    void loopback();

    @Rule("ct state established,related accept")
    void established();

    @Rule("ct state invalid drop")
    void invalid();

    @Rule("ip saddr 10.0.0.0/8 tcp dport { ssh, 80, 443 } ct state new jump services")
    void services();

    @Rule("ip6 saddr fe80::/10 meta l4proto ipv6-icmp accept")
    void linkLocal();

    @Rule("tcp dport 1000-2000 log prefix \"high \" reject with tcp reset")
    void high();
  }

  @Chain(name = "services")
  interface Services {
    @Rule("counter accept")
    void count();
  }

  @Chain(name = "output", hook = Hook.OUTPUT, priority = -10)
  interface Output {}
}
