package io.jnftables.batch;

import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Statement;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.Validate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A set or map element with options: {@code Elem.of("10.0.0.1").timeout(Duration.ofHours(1))
 * .comment("ssh brute force").counter()}, or a map entry {@code Elem.mapping(22, Verdict.ACCEPT)}.
 */
public final class Elem {
  private final Object value;
  private final @Nullable Object mapValue;
  private final @Nullable Long timeout;
  private final @Nullable Long expires;
  private final @Nullable String comment;
  private final boolean counter;

  private Elem(Object value, @Nullable Object mapValue, @Nullable Long timeout, @Nullable Long expires,
      @Nullable String comment, boolean counter) {
    this.value = Objects.requireNonNull(value, "value");
    this.mapValue = mapValue;
    this.timeout = timeout;
    this.expires = expires;
    this.comment = comment;
    this.counter = counter;
  }

  /** A set element: an address, prefix, range, port, {@code Tuple}… checked against the set's type. */
  public static Elem of(Object value) {
    return new Elem(value, null, null, null, null, false);
  }

  /** A map element {@code key : value}. */
  public static Elem mapping(Object key, Object value) {
    return new Elem(key, Objects.requireNonNull(value, "map value"), null, null, null, false);
  }

  /** The element expires this long after it is added (the set needs the {@code timeout} flag). */
  public Elem timeout(Duration timeout) {
    return new Elem(value, mapValue, seconds("timeout", timeout), expires, comment, counter);
  }

  /** The element expires after this time, less than its timeout (as listings show it). */
  public Elem expires(Duration expires) {
    return new Elem(value, mapValue, timeout, seconds("expires", expires), comment, counter);
  }

  public Elem comment(String comment) {
    return new Elem(value, mapValue, timeout, expires, Validate.comment(comment), counter);
  }

  /** A counter on this element (the set needs the {@code counter} statement for every element, or this one). */
  public Elem counter() {
    return new Elem(value, mapValue, timeout, expires, comment, true);
  }

  Object value() {
    return value;
  }

  @Nullable Object mapValue() {
    return mapValue;
  }

  @Nullable Long timeoutSeconds() {
    return timeout;
  }

  @Nullable Long expiresSeconds() {
    return expires;
  }

  @Nullable String comment() {
    return comment;
  }

  List<Statement> statements() {
    return counter ? List.of(Counter.NEW) : List.of();
  }

  boolean hasOptions() {
    return timeout != null || expires != null || comment != null || counter;
  }

  private static long seconds(String what, Duration d) {
    if (d.isNegative() || d.isZero() || d.getNano() != 0) {
      throw new InvalidValueException(what, d, "a positive number of whole seconds");
    }
    return d.getSeconds();
  }

  @Override
  public String toString() {
    return value + (mapValue == null ? "" : " : " + mapValue) + (timeout == null ? "" : " timeout " + timeout + "s")
        + (comment == null ? "" : " comment \"" + comment + "\"") + (counter ? " counter" : "");
  }
}
