package io.jnftables.state;

import java.util.Objects;

/**
 * One difference between the desired and the live ruleset: what is {@code MISSING} (desired, not
 * live), {@code EXTRA} (live, not desired) or {@code CHANGED}; {@code path} names the object, e.g.
 * {@code chain inet filter input}, {@code rule inet filter input #2}, {@code element of set inet
 * filter blocklist}.
 */
public record Difference(Kind kind, String path, String detail) {
  public enum Kind {
    MISSING,
    EXTRA,
    CHANGED
  }

  public Difference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + path + ": " + detail;
  }
}
