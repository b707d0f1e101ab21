package io.jnftables.processor.model;

/**
 * Where a declaration is in the source, for diagnostics: an element and its annotation. Opaque to
 * the model and the validators; the front end that made it knows how to report on it.
 */
public interface Anchor {
  /**
   * The anchor of one attribute of the annotation: its value where the source writes it, else
   * the annotation itself.
   */
  Anchor attribute(String name);
}
