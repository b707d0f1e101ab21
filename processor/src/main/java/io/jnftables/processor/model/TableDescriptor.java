package io.jnftables.processor.model;

import io.jnftables.annotations.Family;
import java.util.List;
import java.util.Objects;

/**
 * A type annotated {@code @Table}.
 *
 * @param sourceType the annotated type's canonical name, e.g. {@code com.example.Policies.Edge}
 * @param packageName its package, where the ruleset class is generated
 * @param rulesetName the simple name of the generated class, e.g. {@code Policies_EdgeRuleset}
 * @param name the table name
 * @param family the table family
 * @param chains the nested {@code @Chain} types, in declaration order
 * @param anchor the type and its {@code @Table} annotation
 */
public record TableDescriptor(
    String sourceType,
    String packageName,
    String rulesetName,
    String name,
    Family family,
    List<ChainDescriptor> chains,
    Anchor anchor) {
  public TableDescriptor {
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(rulesetName, "rulesetName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    chains = List.copyOf(chains);
    Objects.requireNonNull(anchor, "anchor");
  }
}
