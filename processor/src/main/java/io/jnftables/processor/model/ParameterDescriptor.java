package io.jnftables.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parameter of a {@code @Rule} method.
 *
 * @param name the parameter name, which {@code $name} in the rule text refers to
 * @param javaType the declared type, as generated code writes it
 * @param type what a placeholder can do with it, or null if no placeholder can take this type
 * @param anchor the method, its {@code @Rule} annotation (messages land on the rule text)
 */
public record ParameterDescriptor(String name, TypeName javaType, @Nullable ParamType type, Anchor anchor) {
  public ParameterDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(anchor, "anchor");
  }
}
