package io.jnftables.policy;

import static io.jnftables.dsl.Expr.ctState;
import static io.jnftables.dsl.Expr.expr;
import static io.jnftables.dsl.Expr.icmpv6Type;
import static io.jnftables.dsl.Expr.iifname;
import static io.jnftables.dsl.Expr.l4proto;
import static io.jnftables.dsl.Expr.oneOf;
import static io.jnftables.dsl.Expr.vmap;

import io.jnftables.client.Nftables;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.Icmpv6Type;
import io.jnftables.dsl.Key;
import io.jnftables.dsl.RuleExpr;
import io.jnftables.dsl.TerminalExpr;
import io.jnftables.model.stmt.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The seed's {@code NFTables.Policy}: canned filter rules. Each helper is one DSL rule for the
 * builder's current chain, so they compose with everything else a {@code Builder} does:
 *
 * <pre>{@code
 * Batch batch = Builder.create(Family.INET)
 *     .addTable("filter")
 *     .addChain("input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP))
 *     .addRule(Policies.acceptLoopback())
 *     .addRule(Policies.acceptEstablished())
 *     .addRule(Policies.dropInvalid())
 *     .addRule(Policies.allowSsh(10))          // ct state new limit rate 10/minute
 *     .addRule(Policies.allowDns())            // UDP and TCP 53
 *     .build();
 * }</pre>
 *
 * or {@link #basicFirewall()} for the whole input chain in one transaction. Rules match IPv4 and
 * IPv6 alike ({@code tcp dport 22} is {@code meta l4proto tcp} underneath, never {@code ip
 * protocol}). Named {@code Policies} because {@code io.jnftables.annotations.Policy} is the chain
 * policy ({@code Policy.DROP}) these rules are used with.
 */
public final class Policies {
  private Policies() {}

  /** {@code iifname "lo" accept}. */
  public static TerminalExpr acceptLoopback() {
    return iifname("lo").accept();
  }

  /** {@code ct state established,related accept}: replies and related traffic (ICMP errors, FTP data). */
  public static TerminalExpr acceptEstablished() {
    return ctState(CtState.ESTABLISHED, CtState.RELATED).accept();
  }

  /** {@code ct state invalid drop}. */
  public static TerminalExpr dropInvalid() {
    return ctState(CtState.INVALID).drop();
  }

  /**
   * {@code icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert }
   * accept}: IPv6 neighbour discovery, which conntrack leaves untracked. Under a drop policy
   * without it, IPv6 neighbours never resolve and no IPv6 traffic gets through (the seed's basic
   * firewall had this flaw; {@link BasicFirewall} includes this rule in inet and ip6 tables).
   */
  public static TerminalExpr acceptNeighborDiscovery() {
    return icmpv6Type(oneOf(Icmpv6Type.ND_ROUTER_SOLICIT, Icmpv6Type.ND_ROUTER_ADVERT, Icmpv6Type.ND_NEIGHBOR_SOLICIT,
        Icmpv6Type.ND_NEIGHBOR_ADVERT)).accept();
  }

  /**
   * The seed's {@code stateful}: accept established and related, drop invalid, in one rule:
   * {@code ct state vmap { established : accept, related : accept, invalid : drop }}.
   */
  public static TerminalExpr stateful() {
    // A verdict map is one lookup for both of the seed's rules; insertion order keeps the JSON stable.
    Map<CtState, Verdict> m = new LinkedHashMap<>();
    m.put(CtState.ESTABLISHED, Verdict.ACCEPT);
    m.put(CtState.RELATED, Verdict.ACCEPT);
    m.put(CtState.INVALID, Verdict.DROP);
    return vmap(Key.ct("state"), m);
  }

  /** {@code tcp dport 22 accept}. */
  public static TerminalExpr allowSsh() {
    return allow(Service.SSH, Allow.defaults());
  }

  /** {@code tcp dport 22 ct state new limit rate N/minute accept} (the seed's {@code rate_limit:}). */
  public static TerminalExpr allowSsh(long newConnectionsPerMinute) {
    return allow(Service.SSH, Allow.defaults().rateLimit(newConnectionsPerMinute, io.jnftables.dsl.Per.MINUTE));
  }

  public static TerminalExpr allowSsh(Allow options) {
    return allow(Service.SSH, options);
  }

  /** {@code tcp dport 80 accept}. */
  public static TerminalExpr allowHttp() {
    return allow(Service.HTTP, Allow.defaults());
  }

  public static TerminalExpr allowHttp(Allow options) {
    return allow(Service.HTTP, options);
  }

  /** {@code tcp dport 443 accept}. */
  public static TerminalExpr allowHttps() {
    return allow(Service.HTTPS, Allow.defaults());
  }

  public static TerminalExpr allowHttps(Allow options) {
    return allow(Service.HTTPS, options);
  }

  /** {@code meta l4proto { tcp, udp } th dport 53 accept}: DNS over UDP and TCP. */
  public static TerminalExpr allowDns() {
    return allow(Service.DNS, Allow.defaults());
  }

  public static TerminalExpr allowDns(Allow options) {
    return allow(Service.DNS, options);
  }

  /**
   * The rule that opens {@code service}: {@code tcp dport P [ct state new limit rate N/PER [burst B
   * packets]] [counter] [log prefix "…"] accept}; for a service on UDP and TCP, {@code meta l4proto
   * { tcp, udp } th dport P …}.
   */
  public static TerminalExpr allow(Service service, Allow options) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(options, "options");
    RuleExpr r = service.transports().size() == 1
        ? service.transports().get(0).select().dport(service.port())
        : l4proto(oneOf(service.transports().stream().map(Transport::nft).toArray())).th().dport(service.port());
    if (options.rate() > 0) {
      r = r.ctState(CtState.NEW);
      r = options.burst() == 0 ? r.limit(options.rate(), options.per()) : r.limit(options.rate(), options.per(), options.burst());
    }
    if (options.counts()) {
      r = r.counter();
    }
    if (options.logs()) {
      String prefix = options.logPrefix();
      r = r.log(prefix == null ? service.logPrefix() : prefix);
    }
    return r.accept();
  }

  /** {@code accept}: everything that reaches the rule. */
  public static TerminalExpr allowAny() {
    return allowAny(false);
  }

  /** {@code [log prefix "ALLOW ANY: "] accept}. */
  public static TerminalExpr allowAny(boolean log) {
    return (log ? expr().log("ALLOW ANY: ") : expr()).accept();
  }

  /** {@code drop}: everything that reaches the rule. */
  public static TerminalExpr denyAll() {
    return denyAll(false);
  }

  /** {@code [log prefix "DENY ALL: "] drop}. */
  public static TerminalExpr denyAll(boolean log) {
    return (log ? expr().log("DENY ALL: ") : expr()).drop();
  }

  /**
   * The seed's {@code setup_basic_firewall} options, to adjust and then apply: inet table
   * {@code filter}, input base chain {@code input} with policy drop, SSH allowed with at most 10 new
   * connections a minute.
   */
  public static BasicFirewall basicFirewall() {
    return BasicFirewall.DEFAULTS;
  }

  /** Applies {@link #basicFirewall()} through {@code nft}: one transaction. */
  public static void setupBasicFirewall(Nftables nft) {
    setupBasicFirewall(nft, BasicFirewall.DEFAULTS);
  }

  /** Applies {@code firewall} through {@code nft}: table, chain and rules in one transaction. */
  public static void setupBasicFirewall(Nftables nft, BasicFirewall firewall) {
    nft.submit(firewall.toBatch());
  }
}
