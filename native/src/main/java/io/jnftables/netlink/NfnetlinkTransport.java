package io.jnftables.netlink;

import java.time.Duration;

/**
 * Sends nf_tables netlink messages into one network namespace and returns the kernel's answers.
 *
 * <p>The exchange rule, the same in process and in the helper:
 *
 * <ol>
 *   <li>{@code messages} (netlink messages back to back, headers in host byte order) go to the
 *       kernel in one {@code sendmsg}; the kernel handles them before that call returns.
 *   <li>Answers are read until every message that carries {@code NLM_F_ACK} has its
 *       {@code NLMSG_ERROR} (an ack, or an error), or until an error answers a message without
 *       {@code NLM_F_ACK} (a batch begin refused, e.g. {@code ERESTART} for a stale generation).
 *   <li>Whatever else is queued is then read without waiting, so nothing is left for the next
 *       exchange. Answers whose sequence number is not one of {@code messages}' are dropped.
 * </ol>
 *
 * <p>Implementations are thread-safe; exchanges run one at a time.
 */
public interface NfnetlinkTransport {
  /**
   * One exchange (see the class comment).
   *
   * @param messages netlink messages back to back
   * @param timeout how long to wait for the answers (may be {@code null}: as long as it takes)
   * @return the answers back to back, in the order received
   * @throws NetlinkException if the exchange could not be made; {@link NetlinkException#maybeSent()}
   *     says whether the kernel may have received the messages
   * @throws io.jnftables.libnft.NftTimeoutException if the answers did not come in time
   */
  byte[] transact(byte[] messages, Duration timeout);
}
