package io.jnftables.processor;

import io.jnftables.processor.model.Anchor;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Anchor} in javac terms: what {@code Messager.printMessage} needs to point at. A
 * repeated annotation ({@code @Set} written twice, which javac wraps in the implicit {@code
 * @Set.List}) has no position javac can find from its mirror; it keeps its ordinal among the
 * annotations of its type, so the processor can find its source tree instead.
 *
 * @param repeated the annotation's simple name when it is one of several of its type, else null
 * @param ordinal its index among the annotations of that type on the element
 * @param attributeName the attribute this anchor is about, or null for the whole annotation
 */
record JavacAnchor(
    Element element, @Nullable AnnotationMirror annotation, @Nullable AnnotationValue value,
    @Nullable String repeated, int ordinal, @Nullable String attributeName)
    implements Anchor {

  static JavacAnchor of(Element element, @Nullable AnnotationMirror annotation) {
    return new JavacAnchor(element, annotation, null, null, -1, null);
  }

  static JavacAnchor repeated(Element element, AnnotationMirror annotation, String simpleName, int ordinal) {
    return new JavacAnchor(element, annotation, null, simpleName, ordinal, null);
  }

  @Override
  public Anchor attribute(String name) {
    if (annotation == null) {
      return this;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return new JavacAnchor(element, annotation, e.getValue(), repeated, ordinal, name);
      }
    }
    return new JavacAnchor(element, annotation, null, repeated, ordinal, null);
  }
}
