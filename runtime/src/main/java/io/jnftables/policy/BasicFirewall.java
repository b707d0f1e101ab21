package io.jnftables.policy;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.Per;
import io.jnftables.dsl.TerminalExpr;
import io.jnftables.model.BaseChain;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.Validate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The seed's {@code setup_basic_firewall}: an input base chain with policy drop that accepts
 * loopback, established and related traffic, drops invalid packets, accepts IPv6 neighbour
 * discovery (inet and ip6), and opens the given services, SSH with a rate limit of new
 * connections. Immutable; {@link #toBatch()} gives one transaction:
 *
 * <pre>
 * add table inet filter
 * add chain inet filter input { type filter hook input priority 0; policy drop; }
 * flush chain inet filter input
 * add rule inet filter input iifname "lo" accept
 * add rule inet filter input ct state established,related accept
 * add rule inet filter input ct state invalid drop
 * add rule inet filter input icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept
 * add rule inet filter input tcp dport 22 ct state new limit rate 10/minute accept
 * </pre>
 *
 * Unlike the seed (three separate submissions, the SSH rate limit silently lost), it is atomic,
 * the rate limit is applied, and applying it again replaces the chain's rules rather than adding
 * them twice ({@code flush chain} in the same transaction). The neighbour discovery rule is not in
 * the seed: without it IPv6 does not work behind the drop policy (neighbours never resolve).
 */
public final class BasicFirewall {
  static final BasicFirewall DEFAULTS =
      new BasicFirewall(Family.INET, "filter", "input", 0, List.of(Service.SSH), Allow.defaults().rateLimit(10, Per.MINUTE),
          false);

  private final Family family;
  private final String table;
  private final String chain;
  private final int priority;
  private final List<Service> services;
  private final Allow ssh;
  private final boolean log;

  private BasicFirewall(Family family, String table, String chain, int priority, List<Service> services, Allow ssh,
      boolean log) {
    this.family = family;
    this.table = table;
    this.chain = chain;
    this.priority = priority;
    this.services = services;
    this.ssh = ssh;
    this.log = log;
  }

  /** The table's family: inet (default, IPv4 and IPv6), ip or ip6. */
  public BasicFirewall family(Family family) {
    if (family != Family.INET && family != Family.IP && family != Family.IP6) {
      throw new InvalidValueException("basic firewall family", family.nftName(), "one of inet, ip, ip6 (an input hook"
          + " with conntrack)");
    }
    return new BasicFirewall(family, table, chain, priority, services, ssh, log);
  }

  /** The table's name (default {@code filter}). */
  public BasicFirewall table(String table) {
    return new BasicFirewall(family, Validate.name("table", table), chain, priority, services, ssh, log);
  }

  /** The input chain's name (default {@code input}; the seed used {@code INPUT}). */
  public BasicFirewall chain(String chain) {
    return new BasicFirewall(family, table, Validate.name("chain", chain), priority, services, ssh, log);
  }

  /** The input chain's priority (default 0, nft's {@code filter}). */
  public BasicFirewall priority(int priority) {
    return new BasicFirewall(family, table, chain, priority, services, ssh, log);
  }

  /** The services to open, in this order (the seed's {@code allow_services:}; default SSH). */
  public BasicFirewall allow(Service... services) {
    return allow(List.of(services));
  }

  public BasicFirewall allow(List<Service> services) {
    List<Service> s = List.copyOf(new LinkedHashSet<>(services));
    return new BasicFirewall(family, table, chain, priority, s, ssh, log);
  }

  /** At most {@code perMinute} new SSH connections a minute (the seed's {@code ssh_rate_limit:}, default 10). */
  public BasicFirewall sshRateLimit(long perMinute) {
    return new BasicFirewall(family, table, chain, priority, services, ssh.rateLimit(perMinute, Per.MINUTE), log);
  }

  /** At most {@code rate} new SSH connections per {@code per}, with a burst of {@code burst}. */
  public BasicFirewall sshRateLimit(long rate, Per per, long burst) {
    return new BasicFirewall(family, table, chain, priority, services, ssh.rateLimit(rate, per, burst), log);
  }

  /** SSH without a rate limit. */
  public BasicFirewall noSshRateLimit() {
    return new BasicFirewall(family, table, chain, priority, services, ssh.noRateLimit(), log);
  }

  /** Log accepted new service connections with the seed's prefixes ({@code "SSH: "}, …). */
  public BasicFirewall log(boolean log) {
    return new BasicFirewall(family, table, chain, priority, services, ssh, log);
  }

  public Family family() {
    return family;
  }

  public String table() {
    return table;
  }

  public String chain() {
    return chain;
  }

  public List<Service> services() {
    return services;
  }

  /** The input chain's rules in order. */
  public List<TerminalExpr> rules() {
    List<TerminalExpr> out = new ArrayList<>();
    out.add(Policies.acceptLoopback());
    out.add(Policies.acceptEstablished());
    out.add(Policies.dropInvalid());
    if (family != Family.IP) {
      // Neighbour discovery is untracked: without this rule the drop policy cuts IPv6 off entirely.
      out.add(Policies.acceptNeighborDiscovery());
    }
    for (Service s : services) {
      Allow a = s == Service.SSH ? ssh : Allow.defaults();
      out.add(Policies.allow(s, log ? a.log() : a));
    }
    return List.copyOf(out);
  }

  /**
   * The builder after the firewall's commands, with its table and chain as context: more rules
   * can follow ({@code .addRule(Policies.allowAny())}).
   */
  public Builder toBuilder() {
    Builder b = Builder.create(family)
        .addTable(table)
        .addChain(chain, BaseChain.of(ChainType.FILTER, Hook.INPUT, priority, Policy.DROP))
        // Re-applying replaces the rules instead of appending them a second time.
        .flushChain(chain)
        .chain(chain);
    for (TerminalExpr r : rules()) {
      b = b.addRule(r);
    }
    return b;
  }

  /** The firewall as one transaction. */
  public Batch toBatch() {
    return toBuilder().build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BasicFirewall f && f.family == family && f.table.equals(table) && f.chain.equals(chain)
        && f.priority == priority && f.services.equals(services) && f.ssh.equals(ssh) && f.log == log;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, table, chain, priority, services, ssh, log);
  }

  @Override
  public String toString() {
    return "BasicFirewall[" + family.nftName() + " " + table + " " + chain + ", allow " + services + ", ssh " + ssh + "]";
  }
}
