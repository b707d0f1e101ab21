package io.jnftables.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateTest {

  private static void invalid(String expectedMessagePart, Runnable r) {
    InvalidValueException e = assertThrows(InvalidValueException.class, r::run);
    assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.1, 10.0.0.1",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "1::1, 1::1",
    "2001:DB8::1, 2001:db8::1",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "::, ::",
    "::1, ::1",
    "1:0:0:1:0:0:0:1, 1:0:0:1::1",
    "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
    "::ffff:1.2.3.4, ::ffff:1.2.3.4",
    "fe80::1:2, fe80::1:2",
  })
  void addressesAreCanonicalAsNftListsThem(String in, String out) {
    assertEquals(out, Validate.address(in));
  }

  @Test
  void fourAndSixteenCharacterTextsAreAddressesNotBytes() {
    // The seed read any 4- or 16-byte string as raw bytes.
    assertEquals("1::1", Validate.address("1::1"));
    assertEquals("192.168.100.0/24", Validate.prefix("192.168.100.0/24").toString());
    assertEquals("2001:db8:85a3::1", Validate.address("2001:db8:85a3::1"));
  }

  @Test
  void ipv4Errors() {
    invalid("leading zero", () -> Validate.ipv4("010.0.0.1"));
    invalid("outside 0..255", () -> Validate.ipv4("256.0.0.1"));
    invalid("four octets", () -> Validate.ipv4("1.2.3"));
    invalid("exactly four octets", () -> Validate.ipv4("1.2.3.4.5"));
    invalid("not allowed", () -> Validate.ipv4("1.2.3.x"));
    invalid("empty", () -> Validate.ipv4(""));
    invalid("IPv4 address \"host.example\"", () -> Validate.ipv4("host.example"));
  }

  @Test
  void ipv6Errors() {
    invalid("only once", () -> Validate.ipv6("1::2::3"));
    invalid("more than four hex digits", () -> Validate.ipv6("12345::1"));
    invalid("eight groups", () -> Validate.ipv6("1:2:3:4:5:6:7"));
    invalid("not allowed", () -> Validate.ipv6("g::1"));
    invalid("zone ids", () -> Validate.ipv6("fe80::1%eth0"));
    invalid("too many groups", () -> Validate.ipv6("1:2:3:4:5:6:7:8:9"));
    invalid("empty group", () -> Validate.ipv6("1:2:3::4:5:6:7:"));
    invalid("may appear only once", () -> Validate.ipv6("1:::2"));
  }

  @Test
  void prefixes() {
    IpPrefix p = Validate.prefix("10.1.2.3/8");
    assertEquals("10.0.0.0/8", p.toString());
    assertEquals(8, p.length());
    assertTrue(Validate.prefix("10.0.0.1").isHost());
    assertEquals("2001:db8::/32", Validate.prefix("2001:db8:ffff::/32").toString());
    invalid("longer than the 32 bits", () -> Validate.prefix("10.0.0.0/33"));
    invalid("longer than the 128 bits", () -> Validate.prefix("::/129"));
    invalid("must be a number", () -> Validate.prefix("10.0.0.0/x"));
    invalid("must be a number", () -> Validate.prefix("10.0.0.0/"));
    invalid("must be a number", () -> Validate.prefix("10.0.0.0/-1"));
  }

  @Test
  void addressRanges() {
    IpAddress[] r = Validate.addressRange("10.0.0.1", "10.0.0.9");
    assertEquals("10.0.0.1", r[0].toString());
    invalid("first address is above the last", () -> Validate.addressRange("10.0.0.9", "10.0.0.1"));
    invalid("both ends must be IPv4 or both IPv6", () -> Validate.addressRange("10.0.0.1", "::1"));
  }

  @Test
  void ipAddressValue() {
    IpAddress a = IpAddress.parse("192.168.1.1");
    assertArrayEquals(new byte[] {(byte) 192, (byte) 168, 1, 1}, a.bytes());
    assertEquals(a, IpAddress.ofBytes(new byte[] {(byte) 192, (byte) 168, 1, 1}));
    assertEquals("192.168.0.0", a.network(16).toString());
    assertFalse(a.isIpv6());
    assertEquals(128, IpAddress.parse("::").bits());
    invalid("4 or 16 bytes", () -> IpAddress.ofBytes(new byte[5]));
  }

  @Test
  void portsAndNumbers() {
    assertEquals(65535, Validate.port(65535));
    invalid("invalid port 70000: outside 0..65535", () -> Validate.port(70000));
    invalid("outside 0..65535", () -> Validate.port(-1));
    invalid("first port is above the last", () -> Validate.portRange(9000, 8000));
    Validate.portRange(22, 22);
    assertEquals(63, Validate.dscp(63));
    invalid("invalid DSCP 64", () -> Validate.dscp(64));
    assertEquals(0xffff_ffffL, Validate.mark(0xffff_ffffL));
    invalid("invalid mark 4294967296", () -> Validate.mark(0x1_0000_0000L));
    invalid("must be positive", () -> Validate.rate("limit rate", 0));
    invalid("must not be negative", () -> Validate.nonNegative("limit burst", -1));
    invalid("outside 0..255", () -> Validate.u8("ip ttl", 256));
    invalid("outside 0..65535", () -> Validate.u16("ct zone", 65536));
    invalid("outside 0..4294967295", () -> Validate.u32("x", -1));
  }

  @Test
  void names() {
    assertEquals("filter", Validate.name("table", "filter"));
    assertEquals("a.b-c/d_e", Validate.name("chain", "a.b-c/d_e"));
    invalid("invalid table name \"\": it is empty", () -> Validate.name("table", ""));
    invalid("must start with a letter", () -> Validate.name("chain", "1abc"));
    invalid("not allowed", () -> Validate.name("set", "a b"));
    invalid("longer than 255 bytes", () -> Validate.name("set", "a".repeat(256)));
  }

  @Test
  void interfaceNames() {
    assertEquals("eth0", Validate.ifname("eth0"));
    assertEquals("a".repeat(15), Validate.ifname("a".repeat(15)));
    invalid("it is 16 bytes; the kernel allows 15 (IFNAMSIZ 16 with the NUL)", () -> Validate.ifname("a".repeat(16)));
    invalid("empty", () -> Validate.ifname(""));
    invalid("'/' is not allowed", () -> Validate.ifname("eth/0"));
    invalid("':' is not allowed", () -> Validate.ifname("eth0:1"));
    invalid("' ' is not allowed", () -> Validate.ifname("eth 0"));
    invalid("are not interface names", () -> Validate.ifname(".."));
    invalid("'*' is not allowed in an interface name", () -> Validate.ifname("eth*"));
    assertEquals("eth*", Validate.ifnamePattern("eth*"));
    invalid("'*' is a wildcard only at the end", () -> Validate.ifnamePattern("e*h"));
  }

  @Test
  void macs() {
    assertEquals("00:11:22:aa:bb:cc", Validate.mac("00:11:22:AA:BB:CC"));
    assertEquals("00:11:22:33:44:55", Validate.mac("00-11-22-33-44-55"));
    invalid("six hex pairs", () -> Validate.mac("00:11:22:33:44"));
    invalid("\"0g\" is not a hex pair", () -> Validate.mac("0g:11:22:33:44:55"));
    invalid("\"1\" is not a hex pair", () -> Validate.mac("1:11:22:33:44:55"));
  }

  @Test
  void logPrefixesAndComments() {
    assertEquals("SSH: ", Validate.logPrefix("SSH: "));
    assertEquals("x".repeat(127), Validate.logPrefix("x".repeat(127)));
    invalid("it is 128 bytes; nft allows 127", () -> Validate.logPrefix("x".repeat(128)));
    invalid("'\"' is not allowed", () -> Validate.logPrefix("a\"b"));
    invalid("'\\u000a' is not allowed", () -> Validate.logPrefix("a\nb"));
    invalid("nft allows 127", () -> Validate.comment("é".repeat(64)));
  }

  @Test
  void theExceptionNamesWhatAndValue() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Validate.port(70000));
    assertEquals("port", e.what());
    assertEquals("70000", e.value());
    assertTrue(e instanceof IllegalArgumentException);
  }
}
