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
  static final int NLMSG_DONE = 3;
  static final int NLM_F_ACK = 4;
  /** {@code NLM_F_ROOT | NLM_F_MATCH}: on a get request, either makes it a dump. */
  static final int NLM_F_DUMP = 0x300;

  /** What a request message waits for. */
  private enum Awaits {
    NOTHING, // no ack asked: only an error can answer it
    ACK, // its NLMSG_ERROR (an ack, or an error)
    DONE, // a dump: its answers, ended by NLMSG_DONE (or an NLMSG_ERROR if the kernel refused it)
    ANSWERED // its ack, end or error came: a second one must not count again
  }

  /** Sequence number → what that request message still waits for. */
  private final Map<Integer, Awaits> requests = new HashMap<>();
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
      Awaits awaits = (flags & NLM_F_DUMP) != 0 ? Awaits.DONE
          : (flags & NLM_F_ACK) != 0 ? Awaits.ACK : Awaits.NOTHING;
      if (requests.put(seq, awaits) != null) {
        throw new IllegalArgumentException("two messages carry sequence number " + seq);
      }
      if (awaits != Awaits.NOTHING) {
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
      Awaits awaits = requests.get(seq);
      if (awaits != null) {
        byte[] copy = new byte[len];
        b.get(at, copy);
        answers.write(copy, 0, len);
        boolean ends = type == NLMSG_ERROR || (type == NLMSG_DONE && awaits == Awaits.DONE);
        if (ends && (awaits == Awaits.ACK || awaits == Awaits.DONE)) {
          requests.put(seq, Awaits.ANSWERED);
          awaited--;
        } else if (type == NLMSG_ERROR && awaits == Awaits.NOTHING
            && len >= NLMSG_HDRLEN + 4 && b.getInt(at + NLMSG_HDRLEN) != 0) {
          refused = true;
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
