package io.jnftables.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.jnftables.processor.model.Misplaced;
import io.jnftables.processor.model.ObjectDescriptor;
import io.jnftables.processor.model.TableDescriptor;
import io.jnftables.processor.validation.CheckedTable;
import io.jnftables.processor.validation.Diagnostic;
import io.jnftables.processor.validation.Finding;
import io.jnftables.processor.validation.PolicyValidator;
import io.jnftables.processor.validation.Report;
import io.jnftables.processor.writer.RulesetWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code @Table} policies and generates their {@code <Type>Ruleset} classes.
 *
 * <p>Per table: read (descriptors, rule text parsed) → validate (a report) → write, only if the
 * report has no errors. Findings are reported on the element, its annotation and the offending
 * annotation value, so that IDEs underline the rule text itself. The processor looks at {@code
 * @Chain} and {@code @Rule} too, to report the ones outside a table; it claims none of them
 * ({@code process} returns false), and an unexpected exception becomes an {@code NFT100} error on
 * the element being processed instead of crashing javac. A table whose rule methods mention a type
 * javac has not resolved yet (one another processor generates) is retried in the next round; if
 * it still does not resolve when processing is over, that is an {@code NFT143} error.
 */
@AutoService(Processor.class)
public final class NftablesProcessor extends AbstractProcessor {

  /** Tables whose types did not resolve yet, by qualified name: retried in the next round. */
  private final Map<String, List<String>> deferred = new LinkedHashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>(List.of(ElementReader.TABLE, ElementReader.CHAIN, ElementReader.RULE));
    for (String object : ElementReader.OBJECTS.keySet()) {
      types.add(object);
      types.add(object + ".List");
    }
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      ElementReader reader = new ElementReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
      Map<String, TypeElement> tables = new LinkedHashMap<>();
      for (String name : deferred.keySet()) {
        TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
        if (t != null) {
          tables.put(name, t);
        }
      }
      deferred.clear();
      for (Element e : annotated(round, ElementReader.TABLE)) {
        if (e instanceof TypeElement t) {
          tables.putIfAbsent(t.getQualifiedName().toString(), t);
        } else {
          guarded(e, () -> table(reader, e, round));
        }
      }
      for (TypeElement e : tables.values()) {
        guarded(e, () -> table(reader, e, round));
      }
      if (round.processingOver()) {
        for (Map.Entry<String, List<String>> d : deferred.entrySet()) {
          TypeElement t = processingEnv.getElementUtils().getTypeElement(d.getKey());
          if (t != null) {
            processingEnv.getMessager().printMessage(Kind.ERROR, Diagnostic.UNRESOLVED_TYPE.format(
                t.getSimpleName(), String.join(", ", d.getValue()), t.getQualifiedName()), t);
          }
        }
        deferred.clear();
      }
      for (Map.Entry<String, ObjectDescriptor.Kind> object : ElementReader.OBJECTS.entrySet()) {
        Set<Element> annotatedTypes = new LinkedHashSet<>(annotated(round, object.getKey()));
        annotatedTypes.addAll(annotated(round, object.getKey() + ".List"));
        for (Element e : annotatedTypes) {
          guarded(e, () -> misplaced(reader.misplacedObject(e, object.getValue())));
        }
      }
      for (Element e : annotated(round, ElementReader.CHAIN)) {
        guarded(e, () -> misplaced(reader.misplacedChain(e)));
      }
      for (Element e : annotated(round, ElementReader.RULE)) {
        guarded(e, () -> misplaced(reader.misplacedRule(e)));
      }
    } catch (Throwable t) {
      internalError(null, "the round", t);
    }
    return false;
  }

  private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  private void table(ElementReader reader, Element e, RoundEnvironment round) {
    Misplaced wrongKind = reader.misplacedTable(e);
    if (wrongKind != null) {
      misplaced(wrongKind);
      return;
    }
    TypeElement type = (TypeElement) e;
    List<String> unresolved = reader.unresolved(type);
    if (!unresolved.isEmpty()) {
      // maybe generated by another processor in this round: retry in the next one
      deferred.put(type.getQualifiedName().toString(), unresolved);
      return;
    }
    TableDescriptor table = reader.table(type);
    if (table == null) {
      return; // javac reports the unusable annotation values itself
    }
    CheckedTable checked = PolicyValidator.check(table);
    Report report = checked.report();
    report(report);
    if (!report.isClean()) {
      return;
    }
    boolean generatedExists =
        processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    JavaFile file = RulesetWriter.write(checked, generatedExists, e);
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException ex) { // FilerException included: e.g. the class exists already
      report(Report.of(List.of(Finding.of(Diagnostic.WRITE_FAILED, table.anchor(),
          table.packageName() + "." + table.rulesetName(), ex.getMessage()))));
    }
  }

  private void misplaced(@Nullable Misplaced m) {
    if (m != null) {
      report(PolicyValidator.validate(m));
    }
  }

  private void report(Report report) {
    Messager messager = processingEnv.getMessager();
    for (Finding f : report.findings()) {
      Kind kind = f.isError() ? Kind.ERROR : Kind.WARNING;
      JavacAnchor a = (JavacAnchor) f.anchor();
      if (a.repeated() != null && printAtTree(kind, f.message(), a)) {
        continue;
      }
      if (a.annotation() == null) {
        messager.printMessage(kind, f.message(), a.element());
      } else if (a.value() == null) {
        messager.printMessage(kind, f.message(), a.element(), a.annotation());
      } else {
        messager.printMessage(kind, f.message(), a.element(), a.annotation(), a.value());
      }
    }
  }

  /**
   * Reports on the source tree of a repeated annotation (and its attribute), found through the
   * compiler's tree API; false when that is not available (not javac) or the tree is not found.
   */
  private boolean printAtTree(Kind kind, String message, JavacAnchor a) {
    try {
      com.sun.source.util.Trees trees = com.sun.source.util.Trees.instance(processingEnv);
      com.sun.source.util.TreePath path = trees.getPath(a.element());
      if (path == null || !(path.getLeaf() instanceof com.sun.source.tree.ClassTree cls)) {
        return false;
      }
      int n = 0;
      for (com.sun.source.tree.AnnotationTree at : cls.getModifiers().getAnnotations()) {
        String type = at.getAnnotationType().toString();
        if (!(type.equals(a.repeated()) || type.endsWith("." + a.repeated()))) {
          continue;
        }
        if (n++ != a.ordinal()) {
          continue;
        }
        com.sun.source.tree.Tree target = at;
        if (a.attributeName() != null) {
          for (com.sun.source.tree.ExpressionTree arg : at.getArguments()) {
            if (arg instanceof com.sun.source.tree.AssignmentTree assign
                && assign.getVariable().toString().equals(a.attributeName())) {
              target = assign.getExpression();
            }
          }
        }
        trees.printMessage(kind, message, target, path.getCompilationUnit());
        return true;
      }
      return false;
    } catch (IllegalArgumentException | LinkageError e) {
      return false; // not javac
    }
  }

  private void guarded(Element e, Runnable step) {
    try {
      step.run();
    } catch (Throwable t) {
      internalError(e, e.toString(), t);
    }
  }

  private void internalError(@Nullable Element e, String what, Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    String cause = t + (stack.length > 0 ? " at " + stack[0] : "");
    String message = Diagnostic.INTERNAL_ERROR.format(what, cause);
    if (e == null) {
      processingEnv.getMessager().printMessage(Kind.ERROR, message);
    } else {
      processingEnv.getMessager().printMessage(Kind.ERROR, message, e);
    }
  }
}
