package io.jnftables.client;

import io.jnftables.model.Command;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What a submitted batch added. With {@link CallOptions#withHandles()}, every command that adds
 * something ({@code add}, {@code create}, {@code insert}, {@code replace}) is listed with the
 * handle the kernel gave its object, matched by the object's structure (not by position) from
 * libnftables' echo. A handle is absent when the echo has none (set elements, objects that
 * already existed) or the call did not ask for handles.
 *
 * @param added the commands that add something, in batch order
 * @param handlesRequested whether the call asked for handles
 */
public record SubmitResult(List<Added> added, boolean handlesRequested) {
  /**
   * One command that adds something.
   *
   * @param index the command's index in the batch
   * @param command the command
   * @param path the object it adds
   * @param handle the kernel's handle for it, if echoed
   */
  public record Added(int index, Command command, ObjectPath path, @Nullable Long handle) {
    /** Rejects nulls. */
    public Added {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(path, "path");
    }
  }

  /** Copies the list. */
  public SubmitResult {
    added = List.copyOf(added);
  }

  /** The handle given to the object added by the command at {@code commandIndex}, if known. */
  public OptionalLong handle(int commandIndex) {
    for (Added a : added) {
      if (a.index() == commandIndex && a.handle() != null) {
        return OptionalLong.of(a.handle());
      }
    }
    return OptionalLong.empty();
  }

  /** The entry for the command at {@code commandIndex}, if it adds something. */
  public Optional<Added> at(int commandIndex) {
    return added.stream().filter(a -> a.index() == commandIndex).findFirst();
  }
}
