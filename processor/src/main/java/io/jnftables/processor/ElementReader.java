package io.jnftables.processor;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.processor.model.ChainDescriptor;
import io.jnftables.processor.model.Misplaced;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * The parse step: reads annotated elements into {@link io.jnftables.processor.model} descriptors
 * (rule text included, through the runtime's parser). Annotation values are read from the
 * mirrors, not through reflection proxies, and a value javac could not resolve (a source error it
 * reports itself) makes the reader return nothing for that element.
 */
final class ElementReader {
  static final String TABLE = "io.jnftables.annotations.Table";
  static final String CHAIN = "io.jnftables.annotations.Chain";
  static final String RULE = "io.jnftables.annotations.Rule";

  private final Elements elements;

  ElementReader(Elements elements) {
    this.elements = elements;
  }

  /** The table declared by {@code type}, or null if its annotation values are unusable. */
  @Nullable TableDescriptor table(TypeElement type) {
    AnnotationMirror table = mirror(type, TABLE);
    if (table == null) {
      return null;
    }
    String name = string(table, "name");
    Family family = enumValue(table, "family", Family.class);
    if (name == null || family == null) {
      return null;
    }
    List<ChainDescriptor> chains = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      AnnotationMirror chain = mirror(member, CHAIN);
      if (chain != null && member instanceof TypeElement chainType) {
        ChainDescriptor c = chain(chainType, chain, family);
        if (c == null) {
          return null;
        }
        chains.add(c);
      }
    }
    return new TableDescriptor(
        type.getQualifiedName().toString(),
        packageOf(type).getQualifiedName().toString(),
        rulesetName(type),
        name,
        family,
        chains,
        JavacAnchor.of(type, table));
  }

  private @Nullable ChainDescriptor chain(TypeElement type, AnnotationMirror chain, Family family) {
    String name = string(chain, "name");
    ChainType chainType = enumValue(chain, "type", ChainType.class);
    Hook hook = enumValue(chain, "hook", Hook.class);
    Integer priority = value(chain, "priority", Integer.class);
    Policy policy = enumValue(chain, "policy", Policy.class);
    if (name == null || chainType == null || hook == null || priority == null || policy == null) {
      return null;
    }
    Set<String> explicit = new LinkedHashSet<>();
    for (ExecutableElement e : chain.getElementValues().keySet()) {
      explicit.add(e.getSimpleName().toString());
    }
    List<RuleDescriptor> rules = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      AnnotationMirror rule = mirror(member, RULE);
      if (rule != null && member.getKind() == ElementKind.METHOD) {
        String text = string(rule, "value");
        if (text == null) {
          return null;
        }
        rules.add(RuleDescriptor.parse(
            member.getSimpleName().toString(), text, family, JavacAnchor.of(member, rule)));
      }
    }
    return new ChainDescriptor(
        type.getQualifiedName().toString(), name, chainType, hook, priority, policy, explicit, rules,
        JavacAnchor.of(type, chain));
  }

  /** A {@code @Rule} method whose enclosing type is not a {@code @Chain} type, else null. */
  @Nullable Misplaced misplacedRule(Element method) {
    AnnotationMirror rule = mirror(method, RULE);
    Element owner = method.getEnclosingElement();
    if (rule == null || mirror(owner, CHAIN) != null) {
      return null;
    }
    return new Misplaced(Misplaced.Kind.RULE_OUTSIDE_CHAIN,
        owner.getSimpleName() + "." + method.getSimpleName() + "()", describe(owner), JavacAnchor.of(method, rule));
  }

  /** A {@code @Chain} type whose enclosing element is not a {@code @Table} type, else null. */
  @Nullable Misplaced misplacedChain(Element type) {
    AnnotationMirror chain = mirror(type, CHAIN);
    Element owner = type.getEnclosingElement();
    if (chain == null || (owner != null && isTableType(owner))) {
      return null;
    }
    return new Misplaced(Misplaced.Kind.CHAIN_OUTSIDE_TABLE,
        type.getSimpleName().toString(), owner == null ? "no type" : describe(owner), JavacAnchor.of(type, chain));
  }

  /** A {@code @Table} on something other than a class, interface or record, else null. */
  @Nullable Misplaced misplacedTable(Element type) {
    AnnotationMirror table = mirror(type, TABLE);
    if (table == null || isTableKind(type.getKind())) {
      return null;
    }
    String kind = type.getKind() == ElementKind.ENUM ? "an enum"
        : type.getKind() == ElementKind.ANNOTATION_TYPE ? "an annotation type"
        : "a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    return new Misplaced(Misplaced.Kind.TABLE_ON_WRONG_KIND, type.getSimpleName().toString(), kind,
        JavacAnchor.of(type, table));
  }

  static boolean isTableKind(ElementKind kind) {
    return kind == ElementKind.CLASS || kind == ElementKind.INTERFACE || kind.name().equals("RECORD");
  }

  private boolean isTableType(Element e) {
    return e instanceof TypeElement && isTableKind(e.getKind()) && mirror(e, TABLE) != null;
  }

  private static String describe(Element e) {
    String kind;
    switch (e.getKind()) {
      case PACKAGE:
        return "package " + ((PackageElement) e).getQualifiedName();
      case INTERFACE:
        kind = "interface ";
        break;
      case ENUM:
        kind = "enum ";
        break;
      case ANNOTATION_TYPE:
        kind = "annotation type ";
        break;
      default:
        kind = e.getKind().name().equals("RECORD") ? "record " : "class ";
        break;
    }
    return kind + e.getSimpleName();
  }

  /** {@code Outer_InnerRuleset} for {@code pkg.Outer.Inner}. */
  static String rulesetName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name.append("Ruleset").toString();
  }

  private PackageElement packageOf(Element e) {
    return elements.getPackageOf(e);
  }

  static @Nullable AnnotationMirror mirror(Element e, String annotation) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      Element type = m.getAnnotationType().asElement();
      if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(annotation)) {
        return m;
      }
    }
    return null;
  }

  private @Nullable String string(AnnotationMirror m, String name) {
    return value(m, name, String.class);
  }

  private <T> @Nullable T value(AnnotationMirror m, String name, Class<T> type) {
    AnnotationValue v = valueOf(m, name);
    Object o = v == null ? null : v.getValue();
    return type.isInstance(o) ? type.cast(o) : null;
  }

  private <E extends Enum<E>> @Nullable E enumValue(AnnotationMirror m, String name, Class<E> type) {
    AnnotationValue v = valueOf(m, name);
    if (v == null || !(v.getValue() instanceof VariableElement constant)) {
      return null;
    }
    try {
      return Enum.valueOf(type, constant.getSimpleName().toString());
    } catch (IllegalArgumentException e) {
      return null; // a constant this processor does not know (newer annotations jar)
    }
  }

  private @Nullable AnnotationValue valueOf(AnnotationMirror m, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(m).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
