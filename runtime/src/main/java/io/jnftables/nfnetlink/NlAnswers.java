package io.jnftables.nfnetlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the kernel's answers: messages, their errno if they are errors, their attributes. */
final class NlAnswers {
  static final int NLMSG_ERROR = 2;

  /** One answer: its header and where its payload lies in {@code data}. */
  record Message(int type, int flags, int seq, ByteBuffer data, int payload, int end) {
    /** For {@code NLMSG_ERROR}: the (positive) errno, 0 for an ack. */
    int errno() {
      return -data.getInt(payload);
    }

    /** The attributes after the {@code struct nfgenmsg}. */
    List<Attr> attrs() {
      return NlAnswers.attrs(data, payload + 4, end);
    }
  }

  /** One attribute: its type (flags masked off) and where its payload lies. */
  record Attr(int type, ByteBuffer data, int at, int len) {
    int u32() {
      return data.order(ByteOrder.BIG_ENDIAN).getInt(at);
    }

    String string() {
      int n = len;
      while (n > 0 && data.get(at + n - 1) == 0) {
        n--;
      }
      byte[] b = new byte[n];
      data.get(at, b);
      return new String(b, StandardCharsets.UTF_8);
    }

    List<Attr> nested() {
      return attrs(data, at, at + len);
    }
  }

  private NlAnswers() {}

  static List<Message> messages(byte[] answers) {
    ByteBuffer b = ByteBuffer.wrap(answers).order(ByteOrder.nativeOrder());
    List<Message> out = new ArrayList<>();
    int at = 0;
    while (answers.length - at >= 16) {
      int len = b.getInt(at);
      if (len < 16 || len > answers.length - at) {
        break;
      }
      out.add(new Message(b.getShort(at + 4) & 0xffff, b.getShort(at + 6) & 0xffff, b.getInt(at + 8), b, at + 16, at + len));
      at += (len + 3) & ~3;
    }
    return out;
  }

  static List<Attr> attrs(ByteBuffer data, int from, int to) {
    ByteBuffer b = data.duplicate().order(ByteOrder.nativeOrder());
    List<Attr> out = new ArrayList<>();
    int at = from;
    while (to - at >= 4) {
      int len = b.getShort(at) & 0xffff;
      int type = b.getShort(at + 2) & 0x3fff;
      if (len < 4 || len > to - at) {
        break;
      }
      out.add(new Attr(type, data.duplicate(), at + 4, len - 4));
      at += (len + 3) & ~3;
    }
    return out;
  }
}
