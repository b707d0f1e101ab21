package io.jnftables.processor.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A method annotated {@code @Rule}, as written: its text (parsed by the validator, which binds
 * {@code $name} placeholders to the parameters) or, without text, a DSL method the generated code
 * calls at run time.
 *
 * @param method the method's name, e.g. {@code loopback}
 * @param text the rule text as written; empty for a DSL rule
 * @param comment the rule comment, or null
 * @param parameters the method's parameters, in order
 * @param dsl what the method is, for a DSL rule (empty text); null otherwise
 * @param anchor the method and its {@code @Rule} annotation
 */
public record RuleDescriptor(
    String method,
    String text,
    @Nullable String comment,
    List<ParameterDescriptor> parameters,
    @Nullable DslMethod dsl,
    Anchor anchor) {
  public RuleDescriptor {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(text, "text");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(anchor, "anchor");
  }

  /** A text rule without parameters or comment. */
  public static RuleDescriptor of(String method, String text, Anchor anchor) {
    return new RuleDescriptor(method, text, null, List.of(), null, anchor);
  }

  public boolean isDsl() {
    return text.isEmpty();
  }

  /**
   * A {@code @Rule} method without text.
   *
   * @param isStatic whether the method is static (the generated code calls it without an instance)
   * @param returnsRuleBody whether it returns {@code io.jnftables.dsl.RuleBody} or a subtype
   * @param returnType the declared return type, for messages
   */
  public record DslMethod(boolean isStatic, boolean returnsRuleBody, String returnType) {
    public DslMethod {
      Objects.requireNonNull(returnType, "returnType");
    }
  }
}
