package io.jnftables.processor.validation;

import io.jnftables.processor.model.Anchor;
import java.util.Objects;

/** One diagnostic, filled in, and where it belongs. */
public record Finding(Diagnostic diagnostic, String message, Anchor anchor) {
  public Finding {
    Objects.requireNonNull(diagnostic, "diagnostic");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(anchor, "anchor");
  }

  public static Finding of(Diagnostic diagnostic, Anchor anchor, Object... args) {
    return new Finding(diagnostic, diagnostic.format(args), anchor);
  }

  public boolean isError() {
    return diagnostic.severity() == Diagnostic.Severity.ERROR;
  }
}
