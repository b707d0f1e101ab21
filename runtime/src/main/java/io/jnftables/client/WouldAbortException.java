package io.jnftables.client;

import org.jspecify.annotations.Nullable;

/**
 * Refused before reaching libnftables: libnftables 1.0.6 would abort the whole process on this
 * input (an {@code assert} or {@code BUG()} inside it calls {@code abort()}: a JVM using the
 * in-process backend would die with exit code 134, a helper process would die the same way). The
 * check runs on every request of every client, whatever its backend, and cannot be turned off.
 *
 * <p>{@link #commandIndex()} and {@link #objectPath()} name the command (for nft text, the
 * index counts the commands of the text); the message says what to do instead. The inputs
 * refused (see {@code docs/client.md}, "Inputs that would abort libnftables"):
 *
 * <ul>
 *   <li>JSON {@code delete} of a {@code ct timeout} or {@code ct expectation} object, by name or
 *       by handle: nft 1.0.6's JSON parser hands the evaluator an object type it does not know.
 *       Delete it with nft text instead ({@code delete ct timeout inet t name}; text cannot delete
 *       these by handle), or delete its table.</li>
 * </ul>
 *
 * <p>{@link #errno()} is {@link NftErrno#UNKNOWN} and {@link #nftMessage()} is empty: nft never
 * saw the request. The ruleset is unchanged.
 */
public final class WouldAbortException extends NftablesException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public WouldAbortException(String message, int commandIndex, @Nullable ObjectPath path, String request) {
    super(message, "", NftErrno.UNKNOWN, commandIndex, null, path, request, null);
  }
}
