package io.jnftables.samples;

import static io.jnftables.dsl.Expr.iifname;
import static io.jnftables.dsl.Expr.ip;
import static io.jnftables.dsl.Expr.oifname;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.model.BaseChain;

/**
 * Seed README, "NAT Gateway": masquerade out of the WAN interface, a port forward to an inside
 * server, source NAT of an inside network, and a static 1:1 NAT — in one transaction. Each seed
 * {@code NAT.*} helper is one DSL rule here (see {@code docs/seed-mapping.md}, §4).
 *
 * <p>Interface names are matched by name ({@code oifname}), so the interfaces need not exist when
 * the rules are loaded. Forwarding itself is a sysctl ({@code net.ipv4.ip_forward}, see {@code
 * io.jnftables.sysctl.Sysctl}).
 */
public final class NatGateway {
  public static final String TABLE = "nat";
  public static final String WAN = "eth0";

  private NatGateway() {}

  public static Batch batch() {
    return Builder.create(Family.IP)
        .addTable(TABLE)
        .addChain("prerouting", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100, Policy.ACCEPT))
        // NAT.port_forward(8080, "10.0.0.10", 80)
        .addRule(iifname(WAN).tcp().dport(8080).dnat("10.0.0.10", 80))
        // NAT.static_nat("203.0.113.100", "192.168.1.100"), inbound half
        .addRule(ip().daddr("203.0.113.100").dnat("192.168.1.100"))
        .addChain("postrouting", BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100, Policy.ACCEPT))
        // NAT.static_nat, outbound half
        .addRule(ip().saddr("192.168.1.100").snat("203.0.113.100"))
        // NAT.source_nat("10.0.0.0/24", "203.0.113.1")
        .addRule(ip().saddr("10.0.0.0/24").oifname(WAN).snat("203.0.113.1"))
        // NAT.setup_masquerade("eth0")
        .addRule(oifname(WAN).masquerade())
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "NAT gateway", batch());
  }
}
