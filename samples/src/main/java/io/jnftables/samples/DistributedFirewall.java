package io.jnftables.samples;

import static io.jnftables.dsl.Expr.ip;
import static io.jnftables.dsl.Expr.ref;
import static io.jnftables.dsl.Expr.sourceIp;
import static io.jnftables.dsl.Expr.state;
import static io.jnftables.dsl.Expr.tcp;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.batch.SetSpec;
import io.jnftables.client.Nftables;
import io.jnftables.dsl.CtState;
import io.jnftables.dsl.Per;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed README, "Distributed Firewall Support" ("Command Building Without Execution", "Atomic
 * Multi-Command Operations", "Complete Distributed Firewall Example"): a control node builds the
 * ruleset without any kernel, serializes it to libnftables JSON (here a file stands in for the
 * transport), and firewall nodes apply what they receive, each in one transaction.
 *
 * <p>Two node shims are shown: {@link #applyRaw} hands the JSON to libnftables as it is (the
 * seed's minimal shim), {@link #applyTyped} decodes it into a {@link Batch} first, so that a
 * malformed document is refused before it reaches the kernel and a failing command is named.
 */
public final class DistributedFirewall {
  public static final String TABLE = "filter";

  private DistributedFirewall() {}

  /** The seed's {@code build_firewall_config()}, plus the rule that uses its blocklist. */
  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain("INPUT", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP))
        .addSet("blocklist", SetSpec.of("ipv4_addr"))
        .addElements("1.2.3.4", "5.6.7.8")
        .chain("INPUT")
        .addRule(sourceIp("127.0.0.1").accept())
        .addRule(ip().saddr(ref("blocklist")).drop())
        .addRule(tcp().dport(22).append(state(CtState.NEW)).limit(10, Per.MINUTE).accept())
        .build();
  }

  /** Control node: the batch's JSON, written to {@code file} (the transport's payload). */
  public static Path export(Batch batch, Path file) {
    try {
      return Files.writeString(file, batch.toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Firewall node, minimal shim: the JSON goes to libnftables unchanged. */
  public static Ruleset applyRaw(Nftables node, String json) {
    node.runJson(json);
    return node.listRuleset();
  }

  /** Firewall node, typed shim: the JSON is decoded (and so checked) into a batch, then submitted. */
  public static Ruleset applyTyped(Nftables node, String json) {
    node.submit(Batch.of(JsonCodec.decodeCommands(json)));
    return node.listRuleset();
  }

  /**
   * Builds and exports the ruleset, then applies it on every node named in {@code args} (network
   * namespace names), or on two throwaway namespaces standing in for two firewall nodes.
   */
  public static void main(String[] args) throws IOException {
    Path file = Files.createTempFile("jnftables-firewall-", ".json");
    try {
      export(batch(), file);
      System.out.println("# control node wrote " + Files.size(file) + " bytes to " + file);
      List<NetnsTarget> nodes = new ArrayList<>();
      for (String name : args) {
        nodes.add(NetnsTarget.named(name));
      }
      if (nodes.isEmpty()) {
        nodes = List.of(NetnsTarget.fresh(), NetnsTarget.fresh());
      }
      String json = Files.readString(file, StandardCharsets.UTF_8);
      for (int i = 0; i < nodes.size(); i++) {
        try (Nftables node = Nftables.open(nodes.get(i))) {
          Ruleset listed = i % 2 == 0 ? applyRaw(node, json) : applyTyped(node, json);
          System.out.printf("# node %d (%s, %s shim): %d rule(s)%n", i + 1, nodes.get(i),
              i % 2 == 0 ? "raw" : "typed", listed.rules().size());
          System.out.print(node.listRulesetText());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
