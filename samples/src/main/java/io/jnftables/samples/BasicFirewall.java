package io.jnftables.samples;

import io.jnftables.annotations.Chain;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.annotations.Rule;
import io.jnftables.annotations.Table;

/**
 * The seed README's basic firewall as an annotated policy: drop by default, accept loopback and
 * established/related traffic, drop invalid packets, allow SSH, HTTP and HTTPS — for IPv4 and
 * IPv6 alike (an {@code inet} table). The processor generates {@code BasicFirewallRuleset}.
 */
@Table(name = "filter", family = Family.INET)
public interface BasicFirewall {

  @Chain(name = "input", type = ChainType.FILTER, hook = Hook.INPUT, priority = 0, policy = Policy.DROP)
  interface Input {
    @Rule("iifname \"lo\" accept")
    void loopback();

    @Rule("ct state established,related accept")
    void established();

    @Rule("ct state invalid drop")
    void invalid();

    @Rule("tcp dport { ssh, http, https } accept")
    void services();
  }
}
