package io.jnftables.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.processor.model.Anchor;
import io.jnftables.processor.model.ChainDescriptor;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The validator on its own: descriptors in, a report out, no compiler involved. */
class PolicyValidatorTest {
  /** Names where a finding would be reported, e.g. {@code chain:a/hook}. */
  private record At(String where) implements Anchor {
    @Override
    public Anchor attribute(String name) {
      return new At(where + "/" + name);
    }
  }

  private static ChainDescriptor chain(String name, Hook hook, String... rules) {
    List<RuleDescriptor> rs = new java.util.ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      rs.add(RuleDescriptor.of("r" + i, rules[i], new At("rule:" + name + "." + i)));
    }
    return new ChainDescriptor("p.T." + name, name, ChainType.FILTER, hook, 0, Policy.ACCEPT,
        Set.of("name", "hook"), rs, new At("chain:" + name));
  }

  private static TableDescriptor table(ChainDescriptor... chains) {
    return new TableDescriptor("p.T", "p", "TRuleset", "t", Family.INET, List.of(chains), new At("table"));
  }

  private static List<String> summary(Report report) {
    return report.findings().stream()
        .map(f -> f.diagnostic().id() + "@" + ((At) f.anchor()).where())
        .collect(Collectors.toList());
  }

  @Test
  void aValidTableIsClean() {
    Report r = PolicyValidator.validate(table(
        chain("input", Hook.INPUT, "tcp dport 22 jump ssh", "accept"),
        chain("ssh", Hook.NONE, "counter accept")));
    assertEquals(List.of(), r.findings());
    assertTrue(r.isClean());
  }

  @Test
  void loopsCountOnlyWhenABaseChainReachesThem() {
    // a <-> b unreachable: the kernel accepts it (checked with nft 1.0.6)
    assertEquals(List.of(), summary(PolicyValidator.validate(table(
        chain("input", Hook.INPUT, "accept"),
        chain("a", Hook.NONE, "jump b"),
        chain("b", Hook.NONE, "goto a")))));
    assertEquals(List.of("NFT113@rule:b.0/value"), summary(PolicyValidator.validate(table(
        chain("input", Hook.INPUT, "jump a"),
        chain("a", Hook.NONE, "jump b"),
        chain("b", Hook.NONE, "goto a")))));
    assertEquals(List.of("NFT113@rule:a.0/value"), summary(PolicyValidator.validate(table(
        chain("input", Hook.INPUT, "jump a"),
        chain("a", Hook.NONE, "goto a")))));
  }

  @Test
  void findingsAnchorOnTheAttributeThatIsWrong() {
    Report r = PolicyValidator.validate(table(
        chain("in put", Hook.INPUT, "acept"),
        chain("x", Hook.EGRESS),
        chain("x", Hook.NONE, "jump nowhere")));
    assertEquals(
        List.of("NFT103@chain:in put/name", "NFT107@chain:x/hook", "NFT104@chain:x/name",
            "NFT117@rule:in put.0/value", "NFT111@rule:x.0/value"),
        summary(r));
    assertEquals(false, r.isClean());
  }

  @Test
  void warningsAloneKeepAReportClean() {
    ChainDescriptor regular = new ChainDescriptor("p.T.R", "r", ChainType.NAT, Hook.NONE, 0, Policy.DROP,
        Set.of("name", "type", "policy"), List.of(), new At("chain:r"));
    Report r = PolicyValidator.validate(table(regular));
    assertEquals(List.of("NFT115@chain:r/type", "NFT115@chain:r/policy"), summary(r));
    assertTrue(r.isClean());
  }
}
