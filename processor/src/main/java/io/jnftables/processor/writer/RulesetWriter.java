package io.jnftables.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Placeholders;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.processor.model.ChainDescriptor;
import io.jnftables.processor.model.ParameterDescriptor;
import io.jnftables.processor.model.RuleDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import io.jnftables.processor.validation.CheckedTable;
import io.jnftables.processor.validation.CompiledRule;
import io.jnftables.validate.IpPrefix;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code <Type>Ruleset} for a table whose validation report is clean:
 *
 * <pre>{@code
 * @Generated("io.jnftables.processor.NftablesProcessor")
 * public final class FirewallRuleset {
 *   public static final String TABLE = "filter";
 *   public static final Family FAMILY = Family.INET;
 *   public static Table table() { ... }
 *   public static Batch toBatch() { ... }            // replaces the table's contents atomically
 *   public static String toJson() { ... }
 *   public static SubmitResult apply(Nftables nft) { ... }
 *   public static Builder builder() { ... }          // binds the rules that have placeholders
 *   public static final class Input { ... }          // per chain: chain(), a method per @Rule
 *   public static final class InputRules { ... }     // per chain with placeholders: typed rule builder
 *   public static final class Blocklist { ... }      // per set or map: typed element handle
 *   public static final class Builder { ... }
 * }
 * }</pre>
 */
public final class RulesetWriter {
  /** What {@code @Generated} names; the processor's class name (not imported: no dependency). */
  public static final String GENERATOR = "io.jnftables.processor.NftablesProcessor";

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName LIST = ClassName.get(List.class);
  // by name: loading the client's classes inside javac could pull in native code, which the
  // processor never loads
  private static final ClassName NFTABLES = ClassName.get("io.jnftables.client", "Nftables");
  private static final ClassName SUBMIT_RESULT = ClassName.get("io.jnftables.client", "SubmitResult");

  private final CheckedTable checked;
  private final TableDescriptor table;
  private final ClassName self;
  private final Map<String, String> classNames = new LinkedHashMap<>();

  private RulesetWriter(CheckedTable checked) {
    this.checked = checked;
    this.table = checked.table();
    this.self = ClassName.get(table.packageName(), table.rulesetName());
  }

  /** The generated file for a table with chains and rules only (tests and tools). */
  public static JavaFile write(TableDescriptor table, boolean withGenerated, Object... originatingElements) {
    CheckedTable checked = io.jnftables.processor.validation.PolicyValidator.check(table);
    if (!checked.report().isClean()) {
      throw new IllegalStateException("the table has errors: " + checked.report());
    }
    return write(checked, withGenerated, originatingElements);
  }

  /**
   * The generated file for {@code checked}.
   *
   * @param withGenerated whether {@code javax.annotation.processing.Generated} exists where the
   *     code is compiled (it does from Java 9 on)
   * @param originatingElements passed to javapoet so that incremental builds know the source
   */
  public static JavaFile write(CheckedTable checked, boolean withGenerated, Object... originatingElements) {
    if (!checked.report().isClean()) {
      throw new IllegalStateException("the table has errors: " + checked.report());
    }
    return new RulesetWriter(checked).file(withGenerated, originatingElements);
  }

  private JavaFile file(boolean withGenerated, Object... originatingElements) {
    String chainNames = table.chains().stream()
        .map(c -> "{@code " + c.name() + "}")
        .collect(Collectors.joining(", "));
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The nftables table declared by {@code $L}:\n", table.sourceType())
        .addJavadoc("{@code table $L $L}$L.\n", table.family().nftName(), table.name(),
            table.chains().isEmpty() ? ", without chains" : " with chains " + chainNames)
        .addJavadoc("\n")
        .addJavadoc("<p>Generated by the jnftables annotation processor from the annotations of the source\n")
        .addJavadoc("type. The rule texts were parsed when it compiled; this class builds the same statements\n")
        .addJavadoc("directly and parses nothing at run time. Edit the annotations, not this file.\n");
    for (Object element : originatingElements) {
      if (element instanceof javax.lang.model.element.Element e) {
        type.addOriginatingElement(e);
      }
    }
    if (withGenerated) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build());
    }
    type.addField(FieldSpec.builder(String.class, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The table name.\n")
        .initializer("$L", JavaLiterals.string(table.name()))
        .build());
    type.addField(FieldSpec.builder(Family.class, "FAMILY", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The table family.\n")
        .initializer("$T.$L", Family.class, table.family().name())
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(MethodSpec.methodBuilder("table")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Table.class)
        .addJavadoc("The table, with its flags and comment.\n")
        .addStatement("return new $T(FAMILY, TABLE, null, $L, $L)", Table.class, strings(table.flags()),
            stringOrNull(table.comment()))
        .build());
    type.addMethod(MethodSpec.methodBuilder("toBatch")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Batch.class)
        .addJavadoc("The policy as one atomic transaction: creates the table, or replaces everything it holds.\n")
        .addJavadoc("Rules whose text has placeholders are left out; bind them with {@link #builder()}.\n")
        .addJavadoc("\n@see Builder#toBatch()\n")
        .addStatement("return builder().toBatch()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("toJson")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addJavadoc("The libnftables JSON of {@link #toBatch()}: {@code {\"nftables\":[...]}}.\n")
        .addStatement("return toBatch().toJson()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("apply")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(SUBMIT_RESULT)
        .addParameter(NFTABLES, "nft")
        .addJavadoc("Submits {@link #toBatch()}: one transaction the kernel applies whole or not at all.\n")
        .addStatement("return nft.submit(toBatch())")
        .build());
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self.nestedClass("Builder"))
        .addJavadoc("A builder that binds the rules with placeholders, chain by chain.\n")
        .addStatement("return new Builder()")
        .build());

    for (int c = 0; c < table.chains().size(); c++) {
      type.addType(chainClass(table.chains().get(c), checked.chains().get(c)));
      TypeSpec rules = chainRules(table.chains().get(c));
      if (rules != null) {
        type.addType(rules);
      }
    }
    for (int i = 0; i < table.objects().size(); i++) {
      NftObject o = checked.objects().get(i);
      if (o instanceof NamedSet s) {
        type.addType(setClass(s, table.objects().get(i).strings("flags")));
      }
    }
    type.addType(builderClass());
    return JavaFile.builder(table.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  // ------------------------------------------------------------------------------------ names

  /** A Java class name for an nft name, unique among the nested classes. */
  private String className(String key, String nftName, String suffix) {
    return classNames.computeIfAbsent(key, k -> {
      String base = camel(nftName, true) + suffix;
      if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
        base = "N" + base;
      }
      String name = base;
      for (int i = 2; classNames.containsValue(name) || name.equals("Builder") || name.equals(table.rulesetName()); i++) {
        name = base + i;
      }
      return name;
    });
  }

  static String camel(String s, boolean upper) {
    StringBuilder sb = new StringBuilder();
    boolean up = upper;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        sb.append(up ? Character.toUpperCase(c) : sb.length() == 0 && !upper ? Character.toLowerCase(c) : c);
        up = false;
      } else {
        up = true;
      }
    }
    return sb.toString();
  }

  private String chainClassName(ChainDescriptor chain) {
    return className("chain " + chain.name(), chain.simpleName(), "");
  }

  private String rulesClassName(ChainDescriptor chain) {
    return className("rules " + chain.name(), chain.simpleName(), "Rules");
  }

  private static boolean bound(RuleDescriptor rule) {
    return !rule.parameters().isEmpty();
  }

  // ------------------------------------------------------------------------------------ chains

  private TypeSpec chainClass(ChainDescriptor chain, CheckedTable.CompiledChain compiled) {
    TypeSpec.Builder t = TypeSpec.classBuilder(chainClassName(chain))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Chain {@code $L}$L, declared by {@code $L}.\n", JavaLiterals.comment(chain.name()),
            chain.isBase() ? " (" + chain.type().name().toLowerCase(Locale.ROOT) + " hook "
                + chain.hook().nftName() + ")" : "", chain.simpleName())
        .addField(FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", JavaLiterals.string(chain.name())).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder m = MethodSpec.methodBuilder("chain")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Chain.class)
        .addJavadoc("The chain, as {@code toBatch()} creates it.\n");
    if (chain.isBase()) {
      // The model holds a chain's devices as a list: none, or the one @Chain(device) names.
      CodeBlock devices = chain.device() == null
          ? CodeBlock.of("$T.of()", List.class)
          : CodeBlock.of("$T.of($L)", List.class, stringOrNull(chain.device()));
      m.addStatement("return new $T(FAMILY, TABLE, NAME, new $T($T.$L, $T.$L, $L, $T.$L, $L), null, $L, null)",
          Chain.class, BaseChain.class, ChainType.class, chain.type().name(), Hook.class, chain.hook().name(),
          compiled.priority(), Policy.class, chain.policy().name(), devices,
          stringOrNull(chain.comment()));
    } else {
      m.addStatement("return new $T(FAMILY, TABLE, NAME, null, null, $L, null)", Chain.class,
          stringOrNull(chain.comment()));
    }
    t.addMethod(m.build());
    for (int i = 0; i < chain.rules().size(); i++) {
      t.addMethod(ruleMethod(chain, chain.rules().get(i), compiled.rules().get(i)));
    }
    return t.build();
  }

  private MethodSpec ruleMethod(ChainDescriptor chain, RuleDescriptor rule, @Nullable CompiledRule compiled) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(rule.method())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Rule.class);
    for (ParameterDescriptor p : rule.parameters()) {
      m.addParameter(ParameterSpec.builder(p.javaType(), p.name()).build());
    }
    CodeBlock body;
    if (rule.isDsl()) {
      m.addJavadoc("The rule {@code $L.$L()} builds with the DSL.\n", chain.simpleName(), rule.method());
      ClassName source = ClassName.bestGuess(chain.sourceType());
      String args = rule.parameters().stream().map(ParameterDescriptor::name).collect(Collectors.joining(", "));
      m.addStatement("$T body = $T.$L($L)", io.jnftables.dsl.RuleBody.class, source, rule.method(), args);
      CodeBlock comment = rule.comment() != null ? CodeBlock.of("$L", JavaLiterals.string(rule.comment()))
          : CodeBlock.of("body.comment()");
      m.addStatement("return $T.of(FAMILY, TABLE, NAME, body.statements(FAMILY)).withComment($L)", Rule.class, comment);
      return m.build();
    }
    if (compiled == null) {
      throw new IllegalStateException("rule " + rule.method() + "() was not compiled");
    }
    m.addJavadoc("<pre>$L</pre>\n", JavaLiterals.javadoc(rule.text()));
    Map<List<Object>, CodeBlock> subst = new LinkedHashMap<>();
    for (CompiledRule.Slot slot : compiled.slots()) {
      subst.put(slot.path(), value(rule, slot));
      if (!rule.parameters().isEmpty()) {
        m.addJavadoc("@param $L fills {@code $$$L}\n", slot.placeholder(), slot.placeholder());
      }
    }
    body = ModelCode.statements(compiled.statements(), subst);
    CodeBlock make = CodeBlock.of("$T.of(FAMILY, TABLE, NAME, $L)", Rule.class, body);
    if (rule.comment() != null) {
      make = CodeBlock.of("$L.withComment($L)", make, JavaLiterals.string(rule.comment()));
    }
    if (!rule.parameters().isEmpty()) {
      m.addJavadoc("@throws io.jnftables.validate.InvalidValueException if a value does not fit where its"
          + " placeholder stands\n");
    }
    return m.addStatement("return $L", make).build();
  }

  /** Code for the value of one placeholder use. */
  private static CodeBlock value(RuleDescriptor rule, CompiledRule.Slot slot) {
    String what = JavaLiterals.string("$" + slot.placeholder() + " of " + rule.method() + "()");
    String p = slot.placeholder();
    switch (slot.carrier()) {
      case STRING:
        return CodeBlock.of("$T.checkString($L, $L, $L)", Placeholders.class, p, slot.max(), what);
      case LONG:
        return CodeBlock.of("$T.checkNumber($L, $LL, $L)", Placeholders.class, p, slot.max(), what);
      case INT:
        return CodeBlock.of("(int) $T.checkNumber($L, $LL, $L)", Placeholders.class, p, slot.max(), what);
      default:
        break;
    }
    CodeBlock one = one(slot, "v", what);
    if (slot.collection()) {
      return CodeBlock.of("$T.set($L, v -> $L, $L)", Placeholders.class, p, one, what);
    }
    return one(slot, p, what);
  }

  private static CodeBlock one(CompiledRule.Slot slot, String v, String what) {
    switch (slot.conversion()) {
      case IPV4:
        return CodeBlock.of("$T.ipv4($L, $L)", Placeholders.class, v, what);
      case IPV6:
        return CodeBlock.of("$T.ipv6($L, $L)", Placeholders.class, v, what);
      case PREFIX4:
        return CodeBlock.of("$T.prefix4($L, $L)", Placeholders.class, v, what);
      case PREFIX6:
        return CodeBlock.of("$T.prefix6($L, $L)", Placeholders.class, v, what);
      case NUMBER:
        return CodeBlock.of("$T.number($L, $LL, $L)", Placeholders.class, v, slot.max(), what);
      case STRING:
        return CodeBlock.of("$T.string($L, $L, $L)", Placeholders.class, v, slot.max(), what);
      default:
        throw new AssertionError(slot.conversion());
    }
  }

  /** The typed builder of a chain's rules with placeholders, or null if it has none. */
  private @Nullable TypeSpec chainRules(ChainDescriptor chain) {
    if (chain.rules().stream().noneMatch(RulesetWriter::bound)) {
      return null;
    }
    ClassName rules = self.nestedClass(rulesClassName(chain));
    ClassName chainClass = self.nestedClass(chainClassName(chain));
    TypeSpec.Builder t = TypeSpec.classBuilder(rules)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The rules of chain {@code $L} that have placeholders: each call adds one rule, at the place of\n",
            JavaLiterals.comment(chain.name()))
        .addJavadoc("its {@code @Rule} among the chain's rules, after the ones added by earlier calls.\n")
        .addField(self.nestedClass("Builder"), "builder", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(self.nestedClass("Builder"), "builder")
            .addStatement("this.builder = builder").build());
    for (RuleDescriptor rule : chain.rules()) {
      if (!bound(rule)) {
        continue;
      }
      MethodSpec.Builder m = MethodSpec.methodBuilder(rule.method())
          .addModifiers(Modifier.PUBLIC)
          .returns(rules)
          .addJavadoc("Adds {@link $T#$L}.\n", chainClass, rule.method());
      List<String> args = new ArrayList<>();
      for (ParameterDescriptor p : rule.parameters()) {
        m.addParameter(p.javaType(), p.name());
        args.add(p.name());
      }
      m.addStatement("builder.$L.add($T.$L($L))", field(chain, rule), chainClass, rule.method(), String.join(", ", args));
      t.addMethod(m.addStatement("return this").build());
    }
    return t.build();
  }

  private String field(ChainDescriptor chain, RuleDescriptor rule) {
    return camel(chainClassName(chain), false) + "_" + rule.method();
  }

  private TypeSpec builderClass() {
    ClassName builder = self.nestedClass("Builder");
    TypeSpec.Builder t = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Binds the rules whose text has placeholders, then builds the policy's transaction.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    TypeName ruleList = ParameterizedTypeName.get(LIST, ClassName.get(Rule.class));
    for (ChainDescriptor chain : table.chains()) {
      for (RuleDescriptor rule : chain.rules()) {
        if (bound(rule)) {
          t.addField(FieldSpec.builder(ruleList, field(chain, rule), Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T<>()", ArrayList.class).build());
        }
      }
      if (chain.rules().stream().anyMatch(RulesetWriter::bound)) {
        ClassName rules = self.nestedClass(rulesClassName(chain));
        t.addMethod(MethodSpec.methodBuilder(camel(chainClassName(chain), false))
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), rules), "rules")
            .addJavadoc("Adds rules to chain {@code $L}.\n", JavaLiterals.comment(chain.name()))
            .addStatement("rules.accept(new $T(this))", rules)
            .addStatement("return this")
            .build());
      }
    }
    MethodSpec.Builder m = MethodSpec.methodBuilder("toBatch")
        .addModifiers(Modifier.PUBLIC)
        .returns(Batch.class)
        .addJavadoc("One atomic transaction that makes the table exactly the policy, whatever it held before:\n")
        .addJavadoc("{@code add table} (so that the delete finds it), {@code delete table} (its chains, rules,\n")
        .addJavadoc("sets, elements and objects), then the table, its objects, chains and rules in declaration\n")
        .addJavadoc("order. Submitting it again gives the same table; counters and elements added at run\n")
        .addJavadoc("time start over.\n")
        .addStatement("$T.Builder batch = $T.builder()", Batch.class, Batch.class)
        .addStatement("batch.add($T.of(FAMILY, TABLE))", Table.class)
        .addStatement("batch.command($T.delete($T.of(FAMILY, TABLE)))", Command.class, Table.class)
        .addStatement("batch.add(table())");
    for (int i = 0; i < table.objects().size(); i++) {
      NftObject o = checked.objects().get(i);
      if (o instanceof NamedSet s) {
        m.addStatement("batch.add($T.declaration())", self.nestedClass(setClassName(s)));
      } else {
        m.addStatement("batch.add($L)", ModelCode.record(o));
      }
    }
    for (ChainDescriptor chain : table.chains()) {
      m.addStatement("batch.add($T.chain())", self.nestedClass(chainClassName(chain)));
    }
    for (ChainDescriptor chain : table.chains()) {
      ClassName chainClass = self.nestedClass(chainClassName(chain));
      for (RuleDescriptor rule : chain.rules()) {
        if (bound(rule)) {
          m.addStatement("$L.forEach(batch::add)", field(chain, rule));
        } else {
          m.addStatement("batch.add($T.$L())", chainClass, rule.method());
        }
      }
    }
    t.addMethod(m.addStatement("return batch.build()").build());
    t.addMethod(MethodSpec.methodBuilder("toJson")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The libnftables JSON of {@link #toBatch()}.\n")
        .addStatement("return toBatch().toJson()")
        .build());
    t.addMethod(MethodSpec.methodBuilder("apply")
        .addModifiers(Modifier.PUBLIC)
        .returns(SUBMIT_RESULT)
        .addParameter(NFTABLES, "nft")
        .addJavadoc("Submits {@link #toBatch()}.\n")
        .addStatement("return nft.submit(toBatch())")
        .build());
    return t.build();
  }

  // ------------------------------------------------------------------------------------ sets and maps

  private String setClassName(NamedSet s) {
    return className("set " + s.name(), s.name(), s.isMap() ? "Map" : "Set");
  }

  /** A Java type for one part of an element, and the code that makes its model value. */
  private record Part(TypeName type, String name, String conversion) {}

  private static Part part(String nftType, String name, String what) {
    switch (nftType) {
      case "ipv4_addr":
        return new Part(ClassName.get(Inet4Address.class), name, "$T.ipv4(%s, " + what + ")");
      case "ipv6_addr":
        return new Part(ClassName.get(Inet6Address.class), name, "$T.ipv6(%s, " + what + ")");
      case "inet_service":
        return new Part(TypeName.INT, name, "$T.number(%s, 65535L, " + what + ")");
      case "inet_proto":
        return new Part(TypeName.INT, name, "$T.number(%s, 255L, " + what + ")");
      case "mark":
      case "ct_mark":
        return new Part(TypeName.LONG, name, "$T.number(%s, 4294967295L, " + what + ")");
      case "ifname":
        return new Part(ClassName.get(String.class), name, "$T.string(%s, 15, " + what + ")");
      default:
        return new Part(ClassName.get(String.class), name, "$T.string(%s, 255, " + what + ")");
    }
  }

  private static List<Part> parts(List<String> types, String what) {
    List<Part> out = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (String t : types) {
      String base = camel(t, false);
      String name = base;
      for (int i = 2; used.contains(name); i++) {
        name = base + i;
      }
      used.add(name);
      out.add(part(t, name, what));
    }
    return out;
  }

  private TypeSpec setClass(NamedSet s, List<String> declaredFlags) {
    ClassName cls = self.nestedClass(setClassName(s));
    String kind = s.isMap() ? "map" : "set";
    String what = JavaLiterals.string("element of @" + s.name());
    List<Part> keyParts = parts(s.type(), what);
    boolean concat = keyParts.size() > 1;
    TypeSpec.Builder t = TypeSpec.classBuilder(cls)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The $L {@code @$L} ({@code $L$L}): typed commands for its $L. Each method returns a\n", kind,
            JavaLiterals.comment(s.name()), String.join(" . ", s.type()),
            s.isMap() ? " : " + s.mapType() : "", s.isMap() ? "entries" : "elements")
        .addJavadoc("batch to submit; it does not touch the kernel itself.\n")
        .addField(FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", JavaLiterals.string(s.name())).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (declaredFlags.contains("dynamic")) {
      t.addJavadoc("\n<p>Declared {@code dynamic}: nft 1.0.6's JSON has no such flag, so the set is created without\n"
          + "it; the kernel still lets rules add elements to it.\n");
    }
    t.addMethod(MethodSpec.methodBuilder("declaration")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(NamedSet.class)
        .addJavadoc("The $L as {@code toBatch()} creates it, initial elements included.\n", kind)
        .addStatement("return $L", ModelCode.record(s))
        .build());
    TypeName key;
    if (concat) {
      ClassName rec = cls.nestedClass("Key");
      TypeSpec.Builder r = TypeSpec.recordBuilder(rec)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addJavadoc("One key of type {@code $L}.\n", String.join(" . ", s.type()));
      MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
      for (Part p : keyParts) {
        ctor.addParameter(p.type(), p.name());
      }
      r.recordConstructor(ctor.build());
      t.addType(r.build());
      key = rec;
    } else {
      key = keyParts.get(0).type();
    }
    MethodSpec.Builder expr = MethodSpec.methodBuilder("key")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Expression.class)
        .addParameter(key, "k");
    if (concat) {
      List<CodeBlock> parts = new ArrayList<>();
      for (Part p : keyParts) {
        parts.add(CodeBlock.of(String.format(p.conversion(), "k." + p.name() + "()"), Placeholders.class));
      }
      expr.addStatement("return new $T($T.of($L))", ConcatExpr.class, LIST, parts.stream().collect(CodeBlock.joining(", ")));
    } else {
      expr.addStatement("return $L", CodeBlock.of(String.format(keyParts.get(0).conversion(), "k"), Placeholders.class));
    }
    t.addMethod(expr.build());
    boolean interval = s.flags().contains("interval") && !concat
        && (s.type().get(0).equals("ipv4_addr") || s.type().get(0).equals("ipv6_addr"));
    if (interval) {
      String conv = s.type().get(0).equals("ipv4_addr") ? "prefix4" : "prefix6";
      t.addMethod(MethodSpec.methodBuilder("key")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(Expression.class)
          .addParameter(IpPrefix.class, "k")
          .addStatement("return $T.$L(k, $L)", Placeholders.class, conv, what)
          .build());
    }
    boolean timeout = s.flags().contains("timeout");
    if (s.isMap()) {
      mapMethods(t, s, key, keyParts, what);
      return t.build();
    }
    List<TypeName> keyTypes = new ArrayList<>(List.of(key));
    if (interval) {
      keyTypes.add(ClassName.get(IpPrefix.class));
    }
    for (TypeName k : keyTypes) {
      TypeName array = ArrayTypeName.of(k);
      t.addMethod(elements("add", "Adds elements (one transaction).", "add", array, null).build());
      t.addMethod(elements("delete", "Deletes elements (one transaction).", "delete", array, null).build());
      t.addMethod(MethodSpec.methodBuilder("replace")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .varargs(true)
          .returns(Batch.class)
          .addParameter(array, "elements")
          .addJavadoc("Makes these the set's only elements, in one transaction ({@code flush set} then {@code add}).\n")
          .addStatement("return $T.builder().command($T.flush($T.set(FAMILY, TABLE, NAME, $L, $L))).addAll(add(elements)).build()",
              Batch.class, Command.class, NamedSet.class, strings(s.type()), strings(List.of()))
          .build());
      if (timeout) {
        t.addMethod(elements("add", "Adds elements that expire after {@code timeout} (whole seconds).", "add",
            array, ParameterSpec.builder(Duration.class, "timeout").build()).build());
      }
    }
    return t.build();
  }

  private MethodSpec.Builder elements(String name, String doc, String verb, TypeName array,
      @Nullable ParameterSpec timeout) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .varargs(true)
        .returns(Batch.class)
        .addJavadoc("$L\n", doc);
    if (timeout != null) {
      m.addParameter(timeout);
    }
    m.addParameter(array, "elements");
    m.addStatement("$T<$T> out = new $T<>()", List.class, Expression.class, ArrayList.class);
    if (timeout != null) {
      m.beginControlFlow("if (timeout.isNegative() || timeout.isZero() || timeout.getNano() != 0)")
          .addStatement("throw new $T(\"timeout\", timeout, \"a positive number of whole seconds\")",
              io.jnftables.validate.InvalidValueException.class)
          .endControlFlow();
      m.addStatement("for (var e : elements) out.add(new $T(key(e), timeout.getSeconds(), null, null, $T.of()))",
          ElemExpr.class, LIST);
    } else {
      m.addStatement("for (var e : elements) out.add(key(e))");
    }
    m.addStatement("return $T.builder().command(new $T($T.$L, $T.of(FAMILY, TABLE, NAME, out))).build()",
        Batch.class, Command.class, io.jnftables.model.Verb.class, verb.toUpperCase(Locale.ROOT), Element.class);
    return m;
  }

  private void mapMethods(TypeSpec.Builder t, NamedSet s, TypeName key, List<Part> keyParts, String what) {
    String valueType = s.mapType() == null ? "" : s.mapType();
    TypeName value;
    CodeBlock valueExpr;
    if (valueType.equals("verdict")) {
      value = ClassName.get(Verdict.class);
      valueExpr = CodeBlock.of("new $T(v)", VerdictExpr.class);
    } else {
      Part p = part(valueType, "value", what);
      value = p.type();
      valueExpr = CodeBlock.of(String.format(p.conversion(), "v"), Placeholders.class);
    }
    t.addMethod(MethodSpec.methodBuilder("value")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Expression.class)
        .addParameter(value, "v")
        .addStatement("return $L", valueExpr)
        .build());
    t.addMethod(MethodSpec.methodBuilder("put")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Batch.class)
        .addParameter(key, "key")
        .addParameter(value, "value")
        .addJavadoc("Adds the entry {@code key : value}.\n")
        .addStatement("return $T.builder().command($T.add($T.of(FAMILY, TABLE, NAME, $T.of(new $T(key(key), value(value)))))).build()",
            Batch.class, Command.class, Element.class, LIST, MappingExpr.class)
        .build());
    t.addMethod(MethodSpec.methodBuilder("delete")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .varargs(true)
        .returns(Batch.class)
        .addParameter(ArrayTypeName.of(key), "keys")
        .addJavadoc("Deletes the entries of these keys.\n")
        .addStatement("$T<$T> out = new $T<>()", List.class, Expression.class, ArrayList.class)
        .addStatement("for (var k : keys) out.add(key(k))")
        .addStatement("return $T.builder().command($T.delete($T.of(FAMILY, TABLE, NAME, out))).build()",
            Batch.class, Command.class, Element.class)
        .build());
    TypeName entries = ParameterizedTypeName.get(ClassName.get(Map.class), key.box(), value.box());
    t.addMethod(MethodSpec.methodBuilder("replace")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Batch.class)
        .addParameter(entries, "entries")
        .addJavadoc("Makes these the map's only entries, in one transaction ({@code flush map} then {@code add}).\n")
        .addStatement("$T<$T> out = new $T<>()", List.class, Expression.class, ArrayList.class)
        .addStatement("entries.forEach((k, v) -> out.add(new $T(key(k), value(v))))", MappingExpr.class)
        .addStatement("$T.Builder b = $T.builder().command($T.flush($T.map(FAMILY, TABLE, NAME, $L, $L, $L)))",
            Batch.class, Batch.class, Command.class, NamedSet.class, strings(s.type()), JavaLiterals.string(valueType),
            strings(List.of()))
        .beginControlFlow("if (!out.isEmpty())")
        .addStatement("b.command($T.add($T.of(FAMILY, TABLE, NAME, out)))", Command.class, Element.class)
        .endControlFlow()
        .addStatement("return b.build()")
        .build());
  }

  // ------------------------------------------------------------------------------------ literals

  private static CodeBlock strings(List<String> values) {
    return CodeBlock.of("$T.of($L)", LIST,
        values.stream().map(JavaLiterals::string).collect(Collectors.joining(", ")));
  }

  private static CodeBlock stringOrNull(@Nullable String value) {
    return value == null ? CodeBlock.of("null") : CodeBlock.of("$L", JavaLiterals.string(value));
  }
}
