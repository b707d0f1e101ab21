package io.jnftables.client;

import io.jnftables.model.Command;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A request to nftables did not succeed. For a batch the kernel rejected, it says which command
 * failed and why: {@link #nftMessage()} (nft's own text), {@link #errno()} (the error class, read
 * from that text), {@link #commandIndex()}, {@link #command()} and {@link #objectPath()}. The
 * ruleset is as it was before the request: a batch is one transaction.
 *
 * <p>Subclasses: {@link NftablesTimeoutException} (no answer in time), {@link ExecutorException}
 * (the executor could not run the request), {@link ForeignTableException} (refused before
 * reaching the kernel: a table the client does not own), {@link LibnftablesDefectException}
 * (refused before reaching libnftables, which would misbehave on it).
 */
public class NftablesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String nftMessage;
  private final NftErrno errno;
  private final int commandIndex;
  private final transient @Nullable Command command;
  private final @Nullable ObjectPath objectPath;
  private final String request;

  /** A rejected request whose failing command is not known. */
  public NftablesException(String what, String nftMessage, String request) {
    this(what + ": " + nftMessage.strip(), nftMessage, NftErrno.fromMessage(nftMessage), -1, null,
        null, request, null);
  }

  /**
   * The general form.
   *
   * @param message the exception's message (say what failed and what to do)
   * @param nftMessage nft's error text, {@code ""} if nft said nothing
   * @param errno the error class
   * @param commandIndex the index of the failing command in its batch, or -1 if unknown
   * @param command the failing command, if known
   * @param objectPath the object the failing command acts on, if known
   * @param request the request (JSON or nft text), for logs
   * @param cause the underlying cause, if any
   */
  public NftablesException(
      String message,
      String nftMessage,
      NftErrno errno,
      int commandIndex,
      @Nullable Command command,
      @Nullable ObjectPath objectPath,
      String request,
      @Nullable Throwable cause) {
    super(message, cause);
    this.nftMessage = Objects.requireNonNull(nftMessage, "nftMessage");
    this.errno = Objects.requireNonNull(errno, "errno");
    this.commandIndex = commandIndex;
    this.command = command;
    this.objectPath = objectPath;
    this.request = Objects.requireNonNull(request, "request");
  }

  /** The error text libnftables printed, unchanged ({@code ""} if it said nothing). */
  public String nftMessage() {
    return nftMessage;
  }

  /** The error class read from nft's message, e.g. {@link NftErrno#EEXIST}. */
  public NftErrno errno() {
    return errno;
  }

  /** The index of the failing command in its batch (0-based), if known. */
  public OptionalInt commandIndex() {
    return commandIndex < 0 ? OptionalInt.empty() : OptionalInt.of(commandIndex);
  }

  /** The failing command, if known. */
  public Optional<Command> command() {
    return Optional.ofNullable(command);
  }

  /** The object the failing command acts on (family, table, chain, name), if known. */
  public Optional<ObjectPath> objectPath() {
    return Optional.ofNullable(objectPath);
  }

  /** The request that failed (JSON or nft text), for logs. */
  public String request() {
    return request;
  }
}
