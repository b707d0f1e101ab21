package io.jnftables.processor.model;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.annotations.PriorityName;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A type annotated {@code @Chain}, nested in its table's type.
 *
 * @param sourceType the annotated type's canonical name
 * @param name the chain name
 * @param type the chain type (meaningful for base chains only)
 * @param hook the hook, {@link Hook#NONE} for a regular chain
 * @param priority the base chain priority, or the offset from {@code priorityName}
 * @param priorityName a standard priority by name, {@link PriorityName#NONE} for a plain number
 * @param policy the base chain policy
 * @param device the device of an ingress/egress chain, or null
 * @param comment the chain comment, or null
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
    PriorityName priorityName,
    Policy policy,
    @Nullable String device,
    @Nullable String comment,
    Set<String> explicitAttributes,
    List<RuleDescriptor> rules,
    Anchor anchor) {
  public ChainDescriptor {
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hook, "hook");
    Objects.requireNonNull(priorityName, "priorityName");
    Objects.requireNonNull(policy, "policy");
    explicitAttributes = Set.copyOf(explicitAttributes);
    rules = List.copyOf(rules);
    Objects.requireNonNull(anchor, "anchor");
  }

  /** A chain with a numeric priority, no device and no comment. */
  public ChainDescriptor(String sourceType, String name, ChainType type, Hook hook, int priority, Policy policy,
      Set<String> explicitAttributes, List<RuleDescriptor> rules, Anchor anchor) {
    this(sourceType, name, type, hook, priority, PriorityName.NONE, policy, null, null, explicitAttributes, rules,
        anchor);
  }

  /** Whether this is a base chain, attached to a hook. */
  public boolean isBase() {
    return hook != Hook.NONE;
  }

  /** The simple name of the source type, e.g. {@code Input}. */
  public String simpleName() {
    return sourceType.substring(sourceType.lastIndexOf('.') + 1);
  }
}
