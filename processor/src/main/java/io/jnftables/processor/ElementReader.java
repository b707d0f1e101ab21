package io.jnftables.processor;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import com.palantir.javapoet.TypeName;
import io.jnftables.annotations.PriorityName;
import io.jnftables.processor.model.ChainDescriptor;
import io.jnftables.processor.model.ObjectDescriptor;
import io.jnftables.processor.model.ParamType;
import io.jnftables.processor.model.ParameterDescriptor;
import io.jnftables.processor.model.Misplaced;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
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
  static final String DEFAULTS = "io.jnftables.annotations.NftDefaults";
  static final String RULE_BODY = "io.jnftables.dsl.RuleBody";

  /** The object annotations, each with its container ({@code @Set.List}). */
  static final Map<String, ObjectDescriptor.Kind> OBJECTS = objects();

  private static Map<String, ObjectDescriptor.Kind> objects() {
    Map<String, ObjectDescriptor.Kind> m = new LinkedHashMap<>();
    for (ObjectDescriptor.Kind k : ObjectDescriptor.Kind.values()) {
      m.put("io.jnftables.annotations." + k.annotation(), k);
    }
    return m;
  }

  private final Elements elements;
  private final Types types;

  ElementReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Types the table's rules mention that javac has not resolved (yet): a type another processor
   * generates in a later round. Empty when everything resolves.
   */
  List<String> unresolved(TypeElement type) {
    List<String> out = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      if (mirror(member, CHAIN) == null) {
        continue;
      }
      for (Element m : member.getEnclosedElements()) {
        if (m instanceof ExecutableElement method && mirror(m, RULE) != null) {
          if (method.getReturnType().getKind() == TypeKind.ERROR) {
            out.add(method.getReturnType().toString());
          }
          for (VariableElement p : method.getParameters()) {
            if (containsError(p.asType())) {
              out.add(p.asType().toString());
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean containsError(TypeMirror t) {
    if (t.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (t instanceof DeclaredType d) {
      for (TypeMirror a : d.getTypeArguments()) {
        if (containsError(a)) {
          return true;
        }
      }
    }
    return false;
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
    AnnotationMirror defaults = mirror(packageOf(type), DEFAULTS);
    if (defaults != null) {
      String prefix = string(defaults, "tablePrefix");
      Family defaultFamily = enumValue(defaults, "family", Family.class);
      if (prefix == null || defaultFamily == null) {
        return null;
      }
      name = prefix + name;
      if (!explicit(table).contains("family")) {
        family = defaultFamily;
      }
    }
    List<String> flags = new ArrayList<>();
    for (AnnotationValue v : list(table, "flags")) {
      flags.add(nftName(v));
    }
    String comment = string(table, "comment");
    List<ObjectDescriptor> objects = new ArrayList<>();
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      String annotation = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      ObjectDescriptor.Kind kind = OBJECTS.get(annotation);
      if (kind != null) {
        objects.add(object(m, kind, JavacAnchor.of(type, m)));
      } else if (annotation.endsWith(".List") && OBJECTS.containsKey(annotation.substring(0, annotation.length() - 5))) {
        ObjectDescriptor.Kind k = OBJECTS.get(annotation.substring(0, annotation.length() - 5));
        int ordinal = 0;
        for (AnnotationValue v : list(m, "value")) {
          if (v.getValue() instanceof AnnotationMirror inner) {
            objects.add(object(inner, k, JavacAnchor.repeated(type, inner, k.annotation(), ordinal++)));
          }
        }
      }
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
        flags,
        comment == null || comment.isEmpty() ? null : comment,
        chains,
        objects,
        JavacAnchor.of(type, table));
  }

  private ObjectDescriptor object(AnnotationMirror m, ObjectDescriptor.Kind kind, JavacAnchor anchor) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(m).entrySet()) {
      attributes.put(e.getKey().getSimpleName().toString(), plain(e.getValue()));
    }
    Object name = attributes.get("name");
    return new ObjectDescriptor(kind, name instanceof String s ? s : "", attributes, explicit(m), anchor);
  }

  /** An annotation value as a plain Java value: strings, numbers, booleans, enum nft names, lists of strings. */
  private static Object plain(AnnotationValue v) {
    Object o = v.getValue();
    if (o instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object item : list) {
        out.add(String.valueOf(plain((AnnotationValue) item)));
      }
      return out;
    }
    if (o instanceof VariableElement constant) {
      return constant.getSimpleName().toString().toLowerCase(Locale.ROOT);
    }
    if (o instanceof Integer i) {
      return i.longValue();
    }
    return o == null ? "" : o;
  }

  private static String nftName(AnnotationValue v) {
    return v.getValue() instanceof VariableElement c ? c.getSimpleName().toString().toLowerCase(Locale.ROOT)
        : String.valueOf(v.getValue());
  }

  private static Set<String> explicit(AnnotationMirror m) {
    Set<String> explicit = new LinkedHashSet<>();
    for (ExecutableElement e : m.getElementValues().keySet()) {
      explicit.add(e.getSimpleName().toString());
    }
    return explicit;
  }

  private @Nullable ChainDescriptor chain(TypeElement type, AnnotationMirror chain, Family family) {
    String name = string(chain, "name");
    ChainType chainType = enumValue(chain, "type", ChainType.class);
    Hook hook = enumValue(chain, "hook", Hook.class);
    Integer priority = value(chain, "priority", Integer.class);
    PriorityName priorityName = enumValue(chain, "priorityName", PriorityName.class);
    Policy policy = enumValue(chain, "policy", Policy.class);
    String device = string(chain, "device");
    String comment = string(chain, "comment");
    if (name == null || chainType == null || hook == null || priority == null || priorityName == null
        || policy == null || device == null || comment == null) {
      return null;
    }
    List<RuleDescriptor> rules = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      AnnotationMirror rule = mirror(member, RULE);
      if (rule != null && member instanceof ExecutableElement method) {
        RuleDescriptor r = rule(method, rule);
        if (r == null) {
          return null;
        }
        rules.add(r);
      }
    }
    return new ChainDescriptor(
        type.getQualifiedName().toString(), name, chainType, hook, priority, priorityName, policy,
        device.isEmpty() ? null : device, comment.isEmpty() ? null : comment, explicit(chain), rules,
        JavacAnchor.of(type, chain));
  }

  private @Nullable RuleDescriptor rule(ExecutableElement method, AnnotationMirror rule) {
    String text = string(rule, "value");
    String comment = string(rule, "comment");
    if (text == null || comment == null) {
      return null;
    }
    JavacAnchor anchor = JavacAnchor.of(method, rule);
    List<ParameterDescriptor> parameters = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      parameters.add(new ParameterDescriptor(p.getSimpleName().toString(), TypeName.get(p.asType()),
          paramType(p.asType()), anchor));
    }
    RuleDescriptor.DslMethod dsl = null;
    if (text.isEmpty()) {
      TypeElement body = elements.getTypeElement(RULE_BODY);
      TypeMirror returns = method.getReturnType();
      boolean isBody = body != null && returns.getKind() == TypeKind.DECLARED
          && types.isAssignable(returns, types.erasure(body.asType()));
      dsl = new RuleDescriptor.DslMethod(method.getModifiers().contains(Modifier.STATIC), isBody, returns.toString());
    }
    return new RuleDescriptor(method.getSimpleName().toString(), text, comment.isEmpty() ? null : comment,
        parameters, dsl, anchor);
  }

  private static final Map<String, ParamType.Scalar> SCALARS = Map.of(
      "java.lang.Integer", ParamType.Scalar.INT,
      "java.lang.Short", ParamType.Scalar.INT,
      "java.lang.Long", ParamType.Scalar.LONG,
      "java.lang.String", ParamType.Scalar.STRING,
      "java.net.Inet4Address", ParamType.Scalar.INET4ADDRESS,
      "java.net.Inet6Address", ParamType.Scalar.INET6ADDRESS,
      "java.net.InetAddress", ParamType.Scalar.INETADDRESS,
      "io.jnftables.validate.IpAddress", ParamType.Scalar.IPADDRESS,
      "io.jnftables.validate.IpPrefix", ParamType.Scalar.IPPREFIX);

  private static final Set<String> COLLECTIONS = Set.of("java.util.Set", "java.util.List", "java.util.Collection");

  /** What a placeholder can do with a parameter of type {@code t}, or null. */
  static @Nullable ParamType paramType(TypeMirror t) {
    switch (t.getKind()) {
      case INT:
      case SHORT:
        return new ParamType(ParamType.Scalar.INT, false);
      case LONG:
        return new ParamType(ParamType.Scalar.LONG, false);
      case DECLARED:
        DeclaredType d = (DeclaredType) t;
        String name = ((TypeElement) d.asElement()).getQualifiedName().toString();
        ParamType.Scalar scalar = SCALARS.get(name);
        if (scalar != null) {
          return new ParamType(scalar, false);
        }
        if (COLLECTIONS.contains(name) && d.getTypeArguments().size() == 1) {
          TypeMirror arg = d.getTypeArguments().get(0);
          if (arg.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((javax.lang.model.type.WildcardType) arg).getExtendsBound();
            if (bound == null) {
              return null;
            }
            arg = bound;
          }
          ParamType element = arg.getKind() == TypeKind.DECLARED ? paramType(arg) : null;
          return element == null || element.collection() ? null : new ParamType(element.scalar(), true);
        }
        return null;
      default:
        return null;
    }
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

  /** A {@code @Set}, {@code @Map}, … on a type that is not a {@code @Table} type, else null. */
  @Nullable Misplaced misplacedObject(Element type, ObjectDescriptor.Kind kind) {
    if (isTableType(type)) {
      return null;
    }
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      String annotation = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (annotation.equals("io.jnftables.annotations." + kind.annotation())) {
        return new Misplaced(Misplaced.Kind.OBJECT_OUTSIDE_TABLE, kind.annotation(), describe(type),
            JavacAnchor.of(type, m));
      }
      if (annotation.equals("io.jnftables.annotations." + kind.annotation() + ".List")) {
        for (AnnotationValue v : list(m, "value")) {
          if (v.getValue() instanceof AnnotationMirror inner) {
            return new Misplaced(Misplaced.Kind.OBJECT_OUTSIDE_TABLE, kind.annotation(), describe(type),
                JavacAnchor.repeated(type, inner, kind.annotation(), 0));
          }
        }
      }
    }
    return null;
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

  private List<AnnotationValue> list(AnnotationMirror m, String name) {
    AnnotationValue v = valueOf(m, name);
    List<AnnotationValue> out = new ArrayList<>();
    if (v != null && v.getValue() instanceof List<?> l) {
      for (Object o : l) {
        out.add((AnnotationValue) o);
      }
    }
    return out;
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
