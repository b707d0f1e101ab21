package io.jnftables.client;

import io.jnftables.model.Command;
import org.jspecify.annotations.Nullable;

/**
 * Refused before reaching the kernel: the client is scoped to the tables it owns, and a command
 * touches another table, every table ({@code flush ruleset}), or one it cannot tell. Pass
 * {@link CallOptions#allowingForeignTables()} to do it anyway.
 */
public final class ForeignTableException extends NftablesException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ForeignTableException(
      String message, int commandIndex, @Nullable Command command, @Nullable ObjectPath path, String request) {
    super(message, "", NftErrno.UNKNOWN, commandIndex, command, path, request, null);
  }
}
