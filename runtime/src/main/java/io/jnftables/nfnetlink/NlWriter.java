package io.jnftables.nfnetlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes netlink messages: headers in host byte order (as netlink wants), attributes 4-byte
 * aligned, integer payloads big-endian (as nf_tables wants) unless written raw.
 */
final class NlWriter {
  static final int NLM_F_REQUEST = 0x1;
  static final int NLM_F_ACK = 0x4;
  static final int NLM_F_EXCL = 0x200;
  static final int NLM_F_CREATE = 0x400;
  static final int NLA_F_NESTED = 0x8000;

  private ByteBuffer buf = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());

  /** Starts a message with its {@code struct nfgenmsg}; returns where it starts. */
  int begin(int type, int flags, int seq, int family, int resId) {
    align();
    int start = buf.position();
    ensure(20);
    buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
    buf.put((byte) family).put((byte) 0).putShort(toBigEndian((short) resId)); // res_id is big-endian
    return start;
  }

  private static short toBigEndian(short v) {
    return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? v : Short.reverseBytes(v);
  }

  void end(int start) {
    buf.putInt(start, buf.position() - start);
  }

  void string(int type, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    byte[] z = Arrays.copyOf(utf8, utf8.length + 1);
    bytes(type, z);
  }

  void u32(int type, int value) {
    header(type, 4);
    buf.order(ByteOrder.BIG_ENDIAN).putInt(value).order(ByteOrder.nativeOrder());
  }

  void u64(int type, long value) {
    header(type, 8);
    buf.order(ByteOrder.BIG_ENDIAN).putLong(value).order(ByteOrder.nativeOrder());
  }

  void bytes(int type, byte[] value) {
    header(type, value.length);
    buf.put(value);
    align();
  }

  /** Opens a nested attribute; close it with {@link #close}. */
  int open(int type) {
    align();
    int start = buf.position();
    header(type | NLA_F_NESTED, 0);
    return start;
  }

  void close(int start) {
    buf.putShort(start, (short) (buf.position() - start));
  }

  private void header(int type, int payload) {
    align();
    ensure(4 + payload + 3);
    buf.putShort((short) (4 + payload)).putShort((short) type);
  }

  private void align() {
    int pad = (-buf.position()) & 3;
    ensure(pad);
    for (int i = 0; i < pad; i++) {
      buf.put((byte) 0);
    }
  }

  private void ensure(int more) {
    if (buf.remaining() < more) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more + 256))
          .order(ByteOrder.nativeOrder());
      buf.flip();
      bigger.put(buf);
      buf = bigger;
    }
  }

  int size() {
    return buf.position();
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf.array(), buf.position());
  }
}
