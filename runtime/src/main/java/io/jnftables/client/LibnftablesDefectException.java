package io.jnftables.client;

import io.jnftables.model.Command;
import org.jspecify.annotations.Nullable;

/**
 * Refused before reaching libnftables: on this request libnftables 1.0.6 would misbehave — print
 * from freed memory, or abort the process (in process, the JVM). Nothing was sent and nothing
 * changed. The message says which defect and what to do instead; {@link #defect()} names it.
 */
public final class LibnftablesDefectException extends NftablesException {
  private static final long serialVersionUID = 1L;

  private final String defect;

  /**
   * Creates the exception.
   *
   * @param defect a stable name of the libnftables defect, e.g. {@code table-flags-json}
   */
  public LibnftablesDefectException(
      String defect, String message, int commandIndex, @Nullable Command command, @Nullable ObjectPath path, String request) {
    super(message, "", NftErrno.UNKNOWN, commandIndex, command, path, request, null);
    this.defect = defect;
  }

  /** The libnftables defect the request would have hit, e.g. {@code table-flags-json}. */
  public String defect() {
    return defect;
  }
}
