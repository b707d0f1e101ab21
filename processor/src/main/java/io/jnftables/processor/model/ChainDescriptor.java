package io.jnftables.processor.model;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A type annotated {@code @Chain}, nested in its table's type.
 *
 * @param sourceType the annotated type's canonical name
 * @param name the chain name
 * @param type the chain type (meaningful for base chains only)
 * @param hook the hook, {@link Hook#NONE} for a regular chain
 * @param priority the base chain priority
 * @param policy the base chain policy
 * @param explicitAttributes the {@code @Chain} attributes the source writes out (the others are
 *     defaults), e.g. {@code name, hook, policy}
 * @param rules its {@code @Rule} methods, in declaration order
 * @param anchor the type and its {@code @Chain} annotation
 */
public record ChainDescriptor(
    String sourceType,
    String name,
    ChainType type,
    Hook hook,
    int priority,
    Policy policy,
    Set<String> explicitAttributes,
    List<RuleDescriptor> rules,
    Anchor anchor) {
  public ChainDescriptor {
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hook, "hook");
    Objects.requireNonNull(policy, "policy");
    explicitAttributes = Set.copyOf(explicitAttributes);
    rules = List.copyOf(rules);
    Objects.requireNonNull(anchor, "anchor");
  }

  /** Whether this is a base chain, attached to a hook. */
  public boolean isBase() {
    return hook != Hook.NONE;
  }
}
