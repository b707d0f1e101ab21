package io.jnftables.nfnetlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.StringLiteral;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure parts of direct element updates: message layout, value encodings, set types. */
class EncodingTest {
  private static Expression s(String v) {
    return new StringLiteral(v);
  }

  @Test
  void messagesAreLaidOutAsNetlinkWantsThem() {
    NlWriter w = new NlWriter();
    int m = w.begin(0x0a0c, NlWriter.NLM_F_REQUEST | NlWriter.NLM_F_ACK, 77, 1, 10);
    w.string(1, "t"); // 4 + 2 bytes, padded to 8
    int nest = w.open(3);
    w.u32(1, 0x01020304);
    w.close(nest);
    w.end(m);
    ByteBuffer b = ByteBuffer.wrap(w.toBytes()).order(ByteOrder.nativeOrder());
    assertEquals(16 + 4 + 8 + 4 + 8, b.getInt(0), "nlmsg_len");
    assertEquals(0x0a0c, b.getShort(4));
    assertEquals(NlWriter.NLM_F_REQUEST | NlWriter.NLM_F_ACK, b.getShort(6));
    assertEquals(77, b.getInt(8));
    assertEquals(1, b.get(16), "nfgen_family");
    assertEquals(0, b.get(18), "res_id is big-endian: high byte first");
    assertEquals(10, b.get(19));
    assertEquals(6, b.getShort(20), "string attribute: header + 't' + NUL");
    assertEquals('t', b.get(24));
    assertEquals(0, b.get(25));
    assertEquals(12, b.getShort(28), "nest length");
    assertEquals(3 | NlWriter.NLA_F_NESTED, b.getShort(30) & 0xffff);
    assertEquals(0x01, b.get(36), "u32 payload is big-endian");
    assertEquals(0x04, b.get(39));
  }

  @Test
  void valuesAreEncodedAsNftStoresThem() {
    assertArrayEquals(new byte[] {10, 0, 0, (byte) 255}, DataType.IPV4_ADDR.encode(s("10.0.0.255")));
    byte[] v6 = DataType.IPV6_ADDR.encode(s("2001:db8::1"));
    assertEquals(16, v6.length);
    assertEquals(0x20, v6[0]);
    assertEquals(1, v6[15]);
    assertArrayEquals(new byte[] {0, 22}, DataType.INET_SERVICE.encode(new NumberLiteral(22)));
    assertArrayEquals(new byte[] {(byte) 0x1f, (byte) 0x90}, DataType.INET_SERVICE.encode(s("8080")));
    assertArrayEquals(new byte[] {6}, DataType.INET_PROTO.encode(new NumberLiteral(6)));
    assertArrayEquals(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0x10).array(),
        DataType.MARK.encode(s("0x10")), "mark is in host byte order");
    assertArrayEquals(new byte[] {2, 0, 0x5e, 0x10, 0, (byte) 0xff}, DataType.ETHER_ADDR.encode(s("02:00:5E:10:00:ff")));
    byte[] ifname = DataType.IFNAME.encode(s("eth0"));
    assertEquals(16, ifname.length);
    assertEquals('0', ifname[3]);
    assertEquals(0, ifname[4]);
  }

  /** Anything nft might read differently is left to nft. */
  @ParameterizedTest
  @ValueSource(strings = {"10.1", "010.0.0.1", "10.0.0.256", "10.0.0.0/8", "10.0.0.1-10.0.0.2", "host.example",
      " 10.0.0.1", "10.0.0.1 "})
  void unusualAddressesAreNotEncoded(String text) {
    assertNull(DataType.IPV4_ADDR.encode(s(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh", "022", "65536", "-1", "0x", "1e3"})
  void unusualPortsAreNotEncoded(String text) {
    assertNull(DataType.INET_SERVICE.encode(s(text)));
  }

  @Test
  void outOfRangeAndForeignValuesAreNotEncoded() {
    assertNull(DataType.INET_PROTO.encode(new NumberLiteral(256)));
    assertNull(DataType.MARK.encode(new NumberLiteral(-1)));
    assertNull(DataType.IPV6_ADDR.encode(s("fe80::1%eth0")));
    assertNull(DataType.IPV6_ADDR.encode(s("10.0.0.1")));
    assertNull(DataType.IFNAME.encode(s("eth*")));
    assertNull(DataType.IFNAME.encode(s("a-name-longer-than-15")));
    assertNull(DataType.ETHER_ADDR.encode(s("02:00:5e:10:00")));
  }

  @Test
  void compositeKeyTypesSplitIntoTheirFields() {
    assertEquals(List.of(7), SetInfo.fields(7));
    assertEquals(List.of(7, 13), SetInfo.fields(7 << 6 | 13));
    assertEquals(List.of(12, 8, 19), SetInfo.fields((12 << 6 | 8) << 6 | 19));
  }

  @Test
  void setsWhoseElementsNeedNftAreRecognised() {
    assertNull(new SetInfo(0, List.of(7), 4, 0, 0).unsupported());
    assertNull(new SetInfo(SetInfo.F_MAP, List.of(7, 13), 8, SetInfo.VERDICT, 16).unsupported());
    assertEquals("set flags 0x4", new SetInfo(SetInfo.F_INTERVAL, List.of(7), 4, 0, 0).unsupported());
    assertEquals("set flags 0x48", new SetInfo(SetInfo.F_OBJECT | SetInfo.F_MAP, List.of(7), 4, 0, 0).unsupported());
    assertEquals("key type 4", new SetInfo(0, List.of(4), 4, 0, 0).unsupported(), "integer: byte order unknown");
    assertEquals("key length 6 for types [7, 13]", new SetInfo(0, List.of(7, 13), 6, 0, 0).unsupported());
    assertEquals("data type 4 of length 4", new SetInfo(SetInfo.F_MAP, List.of(7), 4, 4, 4).unsupported());
  }
}
