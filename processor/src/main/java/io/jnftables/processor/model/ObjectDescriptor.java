package io.jnftables.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A set, map, stateful object or flowtable declared on a table type ({@code @Set}, {@code @Map},
 * {@code @Counter}, {@code @Quota}, {@code @Limit}, {@code @CtHelper}, {@code @CtTimeout},
 * {@code @Flowtable}).
 *
 * @param kind which annotation
 * @param name the object's name
 * @param attributes every attribute of the annotation, defaults included: {@code String}, {@code
 *     Long}, {@code Integer}, {@code Boolean}, or {@code List<String>} (arrays; enum constants by
 *     their nft names)
 * @param explicitAttributes the attributes the source writes out
 * @param anchor the table type and this annotation
 */
public record ObjectDescriptor(
    Kind kind, String name, Map<String, Object> attributes, Set<String> explicitAttributes, Anchor anchor) {

  /** The annotations, with the nft keyword of each. */
  public enum Kind {
    SET("set", "Set"),
    MAP("map", "Map"),
    COUNTER("counter", "Counter"),
    QUOTA("quota", "Quota"),
    LIMIT("limit", "Limit"),
    CT_HELPER("ct helper", "CtHelper"),
    CT_TIMEOUT("ct timeout", "CtTimeout"),
    FLOWTABLE("flowtable", "Flowtable");

    private final String nft;
    private final String annotation;

    Kind(String nft, String annotation) {
      this.nft = nft;
      this.annotation = annotation;
    }

    /** The nft keyword, e.g. {@code ct helper}. */
    public String nft() {
      return nft;
    }

    /** The annotation's simple name, e.g. {@code CtHelper}. */
    public String annotation() {
      return annotation;
    }
  }

  public ObjectDescriptor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    explicitAttributes = Set.copyOf(explicitAttributes);
    Objects.requireNonNull(anchor, "anchor");
  }

  public @Nullable Object attribute(String name) {
    return attributes.get(name);
  }

  public String string(String name) {
    Object v = attributes.get(name);
    return v == null ? "" : v.toString();
  }

  public long number(String name) {
    Object v = attributes.get(name);
    return v instanceof Number n ? n.longValue() : 0;
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(attributes.get(name));
  }

  @SuppressWarnings("unchecked")
  public java.util.List<String> strings(String name) {
    Object v = attributes.get(name);
    return v instanceof java.util.List<?> l ? (java.util.List<String>) l : java.util.List.of();
  }
}
