package io.jnftables.nfnetlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the kernel's answers: messages, their attributes, and errors with their messages. */
final class NlAnswers {
  static final int NLMSG_ERROR = 2;
  private static final int NLM_F_CAPPED = 0x100;
  private static final int NLM_F_ACK_TLVS = 0x200;
  private static final int NLMSGERR_ATTR_MSG = 1;

  /** One answer: its header and where its payload lies in {@code data}. */
  record Message(int type, int flags, int seq, ByteBuffer data, int payload, int end) {
    /** For {@code NLMSG_ERROR}: the (positive) errno, 0 for an ack. */
    int errno() {
      return -data.getInt(payload);
    }

    /** For {@code NLMSG_ERROR}: the kernel's extended-ack message, if it sent one. */
    @Nullable String errorMessage() {
      if ((flags & NLM_F_ACK_TLVS) == 0) {
        return null;
      }
      // struct nlmsgerr: int error, then the request: its header alone if capped, else whole.
      int origLen = data.getInt(payload + 4);
      int at = payload + 4 + ((flags & NLM_F_CAPPED) != 0 ? 16 : (origLen + 3) & ~3);
      for (Attr a : NlAnswers.attrs(data, at, end)) {
        if (a.type() == NLMSGERR_ATTR_MSG) {
          return a.string();
        }
      }
      return null;
    }

    /** The attributes after the {@code struct nfgenmsg}. */
    List<Attr> attrs() {
      return NlAnswers.attrs(data, payload + 4, end);
    }

    int family() {
      return data.get(payload) & 0xff;
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
