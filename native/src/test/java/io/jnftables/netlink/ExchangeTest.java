package io.jnftables.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** When an exchange is complete, and which answers it keeps. */
class ExchangeTest {
  private static final int ACK = Exchange.NLM_F_ACK;

  /** Netlink messages of 20 bytes each: (type, flags, seq) triples. */
  private static byte[] messages(int... typeFlagsSeq) {
    ByteBuffer b = ByteBuffer.allocate(typeFlagsSeq.length / 3 * 20).order(ByteOrder.nativeOrder());
    for (int i = 0; i < typeFlagsSeq.length; i += 3) {
      b.putInt(20).putShort((short) typeFlagsSeq[i]).putShort((short) typeFlagsSeq[i + 1])
          .putInt(typeFlagsSeq[i + 2]).putInt(0).putInt(0);
    }
    return b.array();
  }

  /** An NLMSG_ERROR answering {@code seq} with {@code errno} (0: an ack). */
  private static ByteBuffer error(int seq, int errno) {
    ByteBuffer b = ByteBuffer.allocateDirect(36).order(ByteOrder.nativeOrder());
    b.putInt(36).putShort((short) Exchange.NLMSG_ERROR).putShort((short) 0).putInt(seq).putInt(0)
        .putInt(-errno).putInt(16).putShort((short) 0).putShort((short) 0).putInt(seq).putInt(0);
    return b;
  }

  @Test
  void completeWhenEveryAckedMessageIsAnswered() {
    Exchange x = new Exchange(messages(0x10, 1, 100, 0x0a0c, 1 | ACK, 101, 0x0a0c, 1 | ACK, 102, 0x11, 1, 103));
    assertFalse(x.complete());
    x.accept(error(101, 0), 36);
    assertFalse(x.complete());
    x.accept(error(101, 0), 36); // the same ack twice does not count for another message
    assertFalse(x.complete());
    x.accept(error(102, 0), 36);
    assertTrue(x.complete());
    assertEquals(3 * 36, x.answers().length);
  }

  @Test
  void anErrorOnTheBatchBeginEndsIt() {
    Exchange x = new Exchange(messages(0x10, 1, 200, 0x0a0c, 1 | ACK, 201, 0x11, 1, 202));
    x.accept(error(200, 85), 36); // ERESTART: nothing else comes
    assertTrue(x.complete());
  }

  @Test
  void answersToOtherExchangesAreDropped() {
    Exchange x = new Exchange(messages(0x0a10, 1 | ACK, 300));
    x.accept(error(299, 0), 36);
    assertFalse(x.complete());
    assertArrayEquals(new byte[0], x.answers());
  }

  @Test
  void malformedRequestsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Exchange(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new Exchange(new byte[10]));
    byte[] tooLong = messages(0x0a10, 1, 1);
    tooLong[0] = 64;
    assertThrows(IllegalArgumentException.class, () -> new Exchange(tooLong));
    assertThrows(IllegalArgumentException.class, () -> new Exchange(messages(0x0a10, 1, 5, 0x0a10, 1, 5)));
  }
}
