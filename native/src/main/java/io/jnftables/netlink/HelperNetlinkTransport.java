package io.jnftables.netlink;

import io.jnftables.helper.HelperException;
import io.jnftables.helper.NetlinkReply;
import io.jnftables.helper.NftHelper;
import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * An {@link NfnetlinkTransport} through the privileged helper ({@link NftHelper#netlink}): the
 * helper relays the messages on its own netlink socket, in its namespace, and validates them
 * first (one batch of set element updates, single {@code GETSET}/{@code GETGEN} lookups, or the
 * {@code GETTABLE} dump).
 *
 * <p>How the helper's answers map:
 *
 * <ul>
 *   <li>answered: the kernel's answers are returned (its errors are {@code NLMSG_ERROR} messages
 *       in them);
 *   <li>refused by the helper (malformed, not allowed, or a helper that does not know the
 *       operation): {@link NetlinkException} with {@code maybeSent() == false}, so the caller may
 *       fall back to libnftables;
 *   <li>a system call failed in the helper: {@link NetlinkException}, {@code maybeSent()} false for
 *       {@code socket}, {@code setsockopt} and {@code sendmsg} (netlink fails a send only before the
 *       kernel sees it), true for {@code poll} and {@code recv};
 *   <li>the helper died or could not be started or used: {@link NetlinkException} with
 *       {@code maybeSent() == true}, the {@link HelperException} as its cause;
 *   <li>no answer within the timeout: {@link NftTimeoutException}, unchanged.
 * </ul>
 *
 * <p>Thread-safe: the helper serves one request at a time, each caller gets its own answer.
 */
public final class HelperNetlinkTransport implements NfnetlinkTransport {
  private final NftHelper helper;

  /** A transport through {@code helper} (which stays owned by the caller). */
  public HelperNetlinkTransport(NftHelper helper) {
    this.helper = Objects.requireNonNull(helper, "helper");
  }

  @Override
  public byte[] transact(byte[] messages, Duration timeout) {
    NetlinkReply reply;
    try {
      reply = helper.netlink(messages, timeout);
    } catch (NftTimeoutException e) {
      throw e;
    } catch (NftException e) { // HelperException: died mid-call; also an interrupted wait
      throw new NetlinkException(helper + ": " + e.getMessage(), true, e);
    }
    if (reply.ok()) {
      return reply.answers();
    }
    throw new NetlinkException(reply.error().isEmpty() ? reply.toString() : reply.error(),
        reply.mayHaveReachedKernel());
  }

  /** The helper this transport relays through. */
  public NftHelper helper() {
    return helper;
  }

  @Override
  public String toString() {
    return "HelperNetlinkTransport[" + helper + "]";
  }
}
