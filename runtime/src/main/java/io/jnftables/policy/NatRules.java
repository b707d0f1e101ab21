package io.jnftables.policy;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.TerminalExpr;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * NAT rules from {@link Nat}, each with the chain it belongs in (by default {@code prerouting}
 * for destination NAT, {@code postrouting} for source NAT, as {@link Nat#setup} creates them).
 * Applied to a builder with {@code builder.pipe(rules)}: each rule is added to its chain of the
 * builder's current table (the seed's default {@code nat} when there is none), and the builder's
 * family decides the statement's form ({@code dnat ip to …} in inet, {@code dnat to …} in ip).
 */
public final class NatRules implements UnaryOperator<Builder> {
  /** Where a rule goes: before routing (destination NAT) or after it (source NAT). */
  public enum Hook {
    PREROUTING,
    POSTROUTING
  }

  /**
   * One rule and its chain; {@code addresses} is the family of the addresses the rule names
   * ({@code IP} or {@code IP6}), null when it names none (masquerade, redirect).
   */
  public record Placed(Hook hook, String chain, TerminalExpr rule, @Nullable Family addresses) {
    public Placed {
      Objects.requireNonNull(hook, "hook");
      Validate.name("chain", chain);
      Objects.requireNonNull(rule, "rule");
    }
  }

  private final List<Placed> rules;

  NatRules(List<Placed> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules in the order they are added. */
  public List<Placed> rules() {
    return rules;
  }

  /** The same rules with the chain of each hook renamed (the seed's {@code chain:} option). */
  public NatRules chains(String prerouting, String postrouting) {
    Validate.name("chain", prerouting);
    Validate.name("chain", postrouting);
    List<Placed> out = new ArrayList<>();
    for (Placed p : rules) {
      out.add(new Placed(p.hook(), p.hook() == Hook.PREROUTING ? prerouting : postrouting, p.rule(), p.addresses()));
    }
    return new NatRules(out);
  }

  /** The same rules, all in {@code chain} (for a helper whose rules share one hook). */
  public NatRules chain(String chain) {
    Validate.name("chain", chain);
    if (rules.stream().map(Placed::hook).distinct().count() > 1) {
      throw new IllegalStateException("these NAT rules go to prerouting and postrouting: use chains(pre, post)");
    }
    return chains(chain, chain);
  }

  /** These rules followed by {@code more}. */
  public NatRules and(NatRules more) {
    List<Placed> out = new ArrayList<>(rules);
    out.addAll(more.rules);
    return new NatRules(out);
  }

  /**
   * Adds the rules to {@code builder}: each to its chain of the current table (or table
   * {@code nat}). An address of the wrong family for the builder's table (IPv6 in an ip table)
   * throws before anything is added. The builder's chain context is the last rule's chain.
   */
  @Override
  public Builder apply(Builder builder) {
    Family f = builder.family();
    for (Placed p : rules) {
      if (f != Family.INET && p.addresses() != null && p.addresses() != f) {
        throw new InvalidValueException("NAT rule", p.rule().toString(), "its addresses are "
            + (p.addresses() == Family.IP6 ? "IPv6" : "IPv4") + " but the table family is " + f.nftName());
      }
      if (f != Family.INET && f != Family.IP && f != Family.IP6) {
        throw new InvalidValueException("NAT rule", p.rule().toString(), "NAT needs an inet, ip or ip6 table, not "
            + f.nftName());
      }
    }
    Builder b = builder.currentTable() == null ? builder.table(Nat.DEFAULT_TABLE) : builder;
    for (Placed p : rules) {
      b = b.chain(p.chain()).addRule(p.rule());
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NatRules n && n.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  /** The rules as nft text, one {@code chain: rule} per line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Placed p : rules) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p.chain()).append(": ").append(p.rule());
    }
    return sb.toString();
  }
}
