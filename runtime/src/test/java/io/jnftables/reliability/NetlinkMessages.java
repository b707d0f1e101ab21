package io.jnftables.reliability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Just enough netlink parsing to see what went to the kernel and what it answered. */
final class NetlinkMessages {
  static final int NLMSG_ERROR = 2;
  static final int NFNL_MSG_BATCH_BEGIN = 0x10;
  static final int NFT_MSG_NEWSETELEM = 10 << 8 | 12;
  static final int NFT_MSG_DELSETELEM = 10 << 8 | 14;

  /** One message: its type, and for {@code NLMSG_ERROR} the (positive) errno, 0 for an ack. */
  record Message(int type, int seq, int errno) {}

  private NetlinkMessages() {}

  static List<Message> parse(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    List<Message> out = new ArrayList<>();
    int at = 0;
    while (at + 16 <= bytes.length) {
      int len = b.getInt(at);
      int type = b.getShort(at + 4) & 0xffff;
      int seq = b.getInt(at + 8);
      int errno = type == NLMSG_ERROR && len >= 20 ? -b.getInt(at + 16) : 0;
      out.add(new Message(type, seq, errno));
      if (len < 16) {
        break;
      }
      at += (len + 3) & ~3;
    }
    return out;
  }

  /** Whether the messages are a batch of element updates (what the direct route writes). */
  static boolean isElementBatch(byte[] sent) {
    List<Message> m = parse(sent);
    return !m.isEmpty() && m.get(0).type() == NFNL_MSG_BATCH_BEGIN
        && m.stream().anyMatch(x -> x.type() == NFT_MSG_NEWSETELEM || x.type() == NFT_MSG_DELSETELEM);
  }

  /** The errnos of the kernel's error answers (acks left out). */
  static List<Integer> errors(byte[] answers) {
    return parse(answers).stream().filter(x -> x.type() == NLMSG_ERROR && x.errno() != 0)
        .map(Message::errno).toList();
  }
}
