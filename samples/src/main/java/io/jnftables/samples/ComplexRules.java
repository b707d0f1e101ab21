package io.jnftables.samples;

import static io.jnftables.dsl.Expr.ctState;
import static io.jnftables.dsl.Expr.expr;
import static io.jnftables.dsl.Expr.sourceIp;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.LogLevel;
import io.jnftables.dsl.Per;
import io.jnftables.dsl.RuleExpr;
import io.jnftables.dsl.TerminalExpr;

/**
 * Seed README, "Build Complex Rules (New API)" and "Expr Module - Composable Expression
 * Building": one rule that chains a source prefix, a protocol and port, a conntrack state, a rate
 * limit with a burst, a log line at a level and a counter before its verdict; a batch of several
 * rules; and rules composed from reusable fragments (the seed's {@code def ssh(rule, source)}).
 *
 * <p>The seed's {@code protocol(:tcp) |> dport(22)} is {@code protocol("tcp").dport(22)} here;
 * it matches TCP over IPv4 and IPv6 alike ({@code meta l4proto tcp}), where the seed's {@code ip
 * protocol tcp} never matched IPv6.
 */
public final class ComplexRules {
  public static final String TABLE = "filter";
  public static final String CHAIN = "INPUT";

  private ComplexRules() {}

  /** The seed's sophisticated rule. */
  public static TerminalExpr sshAccess() {
    return expr()
        .sourceIp("10.0.0.0/8")
        .protocol("tcp")
        .dport(22)
        .ctState(CtState.NEW)
        .limit(10, Per.MINUTE, 5)
        .log("SSH_ACCESS: ", LogLevel.INFO)
        .counter()
        .accept();
  }

  /** A reusable fragment: established or related connections. */
  public static RuleExpr establishedRelated() {
    return ctState(CtState.ESTABLISHED, CtState.RELATED);
  }

  /** A reusable fragment with a parameter: SSH from {@code source}. */
  public static RuleExpr ssh(String source) {
    return sourceIp(source).protocol("tcp").dport(22);
  }

  /** The seed's {@code ssh_rule}: two fragments, then statements and a verdict. */
  public static TerminalExpr composedSsh() {
    return ssh("192.168.0.0/16").append(establishedRelated())
        .limit(10, Per.MINUTE, 5).log("SSH: ", LogLevel.INFO).counter().accept();
  }

  /** Every rule above, and the seed's two-rule batch, in one regular chain of an inet table. */
  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain(CHAIN)
        .addRule(sshAccess())
        .addRule(expr().sourceIp("10.0.0.0/8").drop())
        .addRule(establishedRelated().accept())
        .addRule(composedSsh())
        .build();
  }

  public static void main(String[] args) {
    System.out.println("# the rule as nft text: " + sshAccess());
    SampleRunner.run(args, "complex rules", batch());
  }
}
