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

  /** A 20-byte answer of {@code type} (a dump part, or NLMSG_DONE) for {@code seq}. */
  private static ByteBuffer answer(int type, int seq) {
    ByteBuffer b = ByteBuffer.allocateDirect(20).order(ByteOrder.nativeOrder());
    b.putInt(20).putShort((short) type).putShort((short) 2).putInt(seq).putInt(0).putInt(0);
    return b;
  }

  @Test
  void aDumpIsCompleteAtItsDoneAndKeepsEveryPart() {
    Exchange x = new Exchange(messages(0x0a01, 1 | Exchange.NLM_F_DUMP, 400));
    x.accept(answer(0x0a00, 400), 20); // NEWTABLE parts, over several receives
    assertFalse(x.complete());
    x.accept(answer(0x0a00, 400), 20);
    assertFalse(x.complete());
    x.accept(error(400, 0), 36); // not expected, but an error ends a dump too
    assertTrue(x.complete());
    Exchange y = new Exchange(messages(0x0a01, 1 | Exchange.NLM_F_DUMP, 401));
    y.accept(answer(0x0a00, 401), 20);
    y.accept(answer(Exchange.NLMSG_DONE, 401), 20);
    assertTrue(y.complete());
    assertFalse(y.refused());
    assertEquals(40, y.answers().length);
  }

  @Test
  void doneEndsOnlyADump() {
    Exchange x = new Exchange(messages(0x0a0a, 1 | ACK, 500));
    x.accept(answer(Exchange.NLMSG_DONE, 500), 20);
    assertFalse(x.complete());
    x.accept(error(500, 0), 36);
    assertTrue(x.complete());
  }
}
