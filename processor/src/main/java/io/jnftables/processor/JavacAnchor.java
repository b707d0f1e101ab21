package io.jnftables.processor;

import io.jnftables.processor.model.Anchor;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.jspecify.annotations.Nullable;

/** An {@link Anchor} in javac terms: what {@code Messager.printMessage} needs to point at. */
record JavacAnchor(Element element, @Nullable AnnotationMirror annotation, @Nullable AnnotationValue value)
    implements Anchor {

  static JavacAnchor of(Element element, @Nullable AnnotationMirror annotation) {
    return new JavacAnchor(element, annotation, null);
  }

  @Override
  public Anchor attribute(String name) {
    if (annotation == null) {
      return this;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return new JavacAnchor(element, annotation, e.getValue());
      }
    }
    return new JavacAnchor(element, annotation, null);
  }
}
