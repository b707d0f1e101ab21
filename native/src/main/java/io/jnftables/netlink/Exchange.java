package io.jnftables.netlink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The bookkeeping of one exchange (see {@link NfnetlinkTransport}): which answers are still
 * awaited, and the answers kept so far. Pure: the transports feed it what they receive.
 */
final class Exchange {
  static final int NLMSG_HDRLEN = 16;
  static final int NLMSG_ERROR = 2;
  static final int NLM_F_ACK = 4;

  /** Sequence number → whether that request message asked for an ack. */
  private final Map<Integer, Boolean> requests = new HashMap<>();
  private int awaited;
  private boolean refused;
  private final ByteArrayOutputStream answers = new ByteArrayOutputStream(256);

  /**
   * Reads the request's headers.
   *
   * @throws IllegalArgumentException if {@code messages} is not a sequence of netlink messages
   */
  Exchange(byte[] messages) {
    ByteBuffer b = ByteBuffer.wrap(messages).order(ByteOrder.nativeOrder());
    int at = 0;
    if (messages.length == 0) {
      throw new IllegalArgumentException("no netlink message to send");
    }
    while (at < messages.length) {
      if (messages.length - at < NLMSG_HDRLEN) {
        throw new IllegalArgumentException("truncated netlink header at byte " + at);
      }
      int len = b.getInt(at);
      if (len < NLMSG_HDRLEN || len > messages.length - at) {
        throw new IllegalArgumentException("netlink message at byte " + at + " has length " + len);
      }
      short flags = b.getShort(at + 6);
      int seq = b.getInt(at + 8);
      boolean ack = (flags & NLM_F_ACK) != 0;
      if (requests.put(seq, ack) != null) {
        throw new IllegalArgumentException("two messages carry sequence number " + seq);
      }
      if (ack) {
        awaited++;
      }
      at += align(len);
    }
  }

  static int align(int len) {
    return (len + 3) & ~3;
  }

  /** Takes what one {@code recv} returned: {@code n} bytes of {@code buf} from position 0. */
  void accept(ByteBuffer buf, int n) {
    ByteBuffer b = buf.duplicate().order(ByteOrder.nativeOrder());
    int at = 0;
    while (n - at >= NLMSG_HDRLEN) {
      int len = b.getInt(at);
      if (len < NLMSG_HDRLEN || len > n - at) {
        break; // a malformed answer: keep what came before it
      }
      int type = b.getShort(at + 4) & 0xffff;
      int seq = b.getInt(at + 8);
      Boolean ack = requests.get(seq);
      if (ack != null) {
        byte[] copy = new byte[len];
        b.get(at, copy);
        answers.write(copy, 0, len);
        if (type == NLMSG_ERROR) {
          if (ack) {
            requests.put(seq, false); // answered: a second answer must not count again
            awaited--;
          } else if (len >= NLMSG_HDRLEN + 4 && b.getInt(at + NLMSG_HDRLEN) != 0) {
            refused = true;
          }
        }
      }
      at += align(len);
    }
  }

  /** Whether every awaited answer came, or the kernel refused the exchange as a whole. */
  boolean complete() {
    return awaited <= 0 || refused;
  }

  /** Whether the kernel refused the exchange as a whole (an error answered a batch begin). */
  boolean refused() {
    return refused;
  }

  byte[] answers() {
    return answers.toByteArray();
  }
}
