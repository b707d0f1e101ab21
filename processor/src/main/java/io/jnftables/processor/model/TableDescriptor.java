package io.jnftables.processor.model;

import io.jnftables.annotations.Family;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A type annotated {@code @Table}.
 *
 * @param sourceType the annotated type's canonical name, e.g. {@code com.example.Policies.Edge}
 * @param packageName its package, where the ruleset class is generated
 * @param rulesetName the simple name of the generated class, e.g. {@code Policies_EdgeRuleset}
 * @param name the table name, the package's {@code @NftDefaults} prefix included
 * @param family the table family (the package's default when the source does not write one)
 * @param flags table flags, nft names ({@code dormant}, {@code owner})
 * @param comment the table comment, or null
 * @param chains the nested {@code @Chain} types, in declaration order
 * @param objects sets, maps, stateful objects and flowtables declared on the type, in order
 * @param anchor the type and its {@code @Table} annotation
 */
public record TableDescriptor(
    String sourceType,
    String packageName,
    String rulesetName,
    String name,
    Family family,
    List<String> flags,
    @Nullable String comment,
    List<ChainDescriptor> chains,
    List<ObjectDescriptor> objects,
    Anchor anchor) {
  public TableDescriptor {
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(rulesetName, "rulesetName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    flags = List.copyOf(flags);
    chains = List.copyOf(chains);
    objects = List.copyOf(objects);
    Objects.requireNonNull(anchor, "anchor");
  }

  /** A table with chains only (no flags, comment or objects). */
  public TableDescriptor(String sourceType, String packageName, String rulesetName, String name, Family family,
      List<ChainDescriptor> chains, Anchor anchor) {
    this(sourceType, packageName, rulesetName, name, family, List.of(), null, chains, List.of(), anchor);
  }
}
