package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.sysctl.SysctlType.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysctlTypeTest {
  private static final SysctlType BOOL = SysctlType.bool();
  private static final SysctlType RANGE = SysctlType.intRange(1, 2_147_483, "seconds");
  private static final SysctlType RP = SysctlType.choice(
      Option.of(0, "off"), Option.of(1, "strict"), Option.of(2, "loose"));
  private static final SysctlType ROUTING = SysctlType.choice(
      Option.of(-1, "none"), Option.of(0, "type 2"), Option.of(1, "same as 0"));
  private static final SysctlType PORTS = SysctlType.portRange();

  @Test
  void boolAcceptsZeroAndOneAndWritesThemCanonically() {
    assertEquals("0", BOOL.normalize("0"));
    assertEquals("1", BOOL.normalize("1"));
    assertEquals("1", BOOL.normalize(" 1\n"));
    assertEquals("1", BOOL.normalize("\t01 "));
    assertEquals("0", BOOL.normalize("-0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "-1", "true", "false", "", " ", "1 1", "0x1", "+1", "1.0", "١", "1\u00a0",
      "on", "1e0", "99999999999999999999"})
  void boolRefusesEverythingElse(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BOOL.normalize(value));
    assertFalse(e.getMessage().isBlank());
    assertFalse(BOOL.accepts(value));
  }

  @Test
  void boolMessageSaysWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BOOL.normalize("2"));
    assertEquals("\"2\" is not allowed; expected 0 or 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BOOL.normalize("yes"));
    assertEquals("\"yes\" is not a decimal integer", e.getMessage());
  }

  @Test
  void intRangeIncludesBothBoundsAndNothingBeyond() {
    assertEquals("1", RANGE.normalize("1"));
    assertEquals("2147483", RANGE.normalize("2147483"));
    assertEquals("60", RANGE.normalize("0060"));
    assertFalse(RANGE.accepts("0"));
    assertFalse(RANGE.accepts("2147484"));
    assertFalse(RANGE.accepts("-1"));
    assertFalse(RANGE.accepts("2147483648"));
    assertFalse(RANGE.accepts("12345678901"));
    assertFalse(RANGE.accepts("60s"));
    assertFalse(RANGE.accepts("6 0"));
    assertEquals("1..2147483 (seconds)", RANGE.allowed());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RANGE.normalize("0"));
    assertEquals("0 is out of range; expected 1..2147483 (seconds)", e.getMessage());
  }

  @Test
  void intRangeCoversTheWholeIntRangeWhenAsked() {
    SysctlType full = SysctlType.intRange(Integer.MIN_VALUE, Integer.MAX_VALUE, "");
    assertEquals("2147483647", full.normalize("2147483647"));
    assertEquals("-2147483648", full.normalize("-2147483648"));
    assertFalse(full.accepts("2147483648"));
    assertFalse(full.accepts("-2147483649"));
    assertThrows(IllegalArgumentException.class, () -> SysctlType.intRange(0, 1L << 31, ""));
    assertThrows(IllegalArgumentException.class, () -> SysctlType.intRange(2, 1, ""));
  }

  @Test
  void choiceAcceptsOnlyItsOptions() {
    assertEquals("2", RP.normalize("2"));
    assertFalse(RP.accepts("3"));
    assertFalse(RP.accepts("-1"));
    assertEquals("-1", ROUTING.normalize("-1"));
    assertFalse(ROUTING.accepts("-2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RP.normalize("3"));
    assertEquals("\"3\" is not allowed; expected one of 0 (off), 1 (strict), 2 (loose)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SysctlType.choice(Option.of(1, "a")));
    assertThrows(IllegalArgumentException.class, () -> SysctlType.choice(Option.of(1, "a"), Option.of(1, "b")));
  }

  @Test
  void portRangeIsTwoPortsInOrderWrittenWithATab() {
    assertEquals("1024\t65535", PORTS.normalize("1024 65535"));
    assertEquals("32768\t60999", PORTS.normalize("32768\t60999"));
    assertEquals("2000\t2000", PORTS.normalize("  2000   2000 \n"));
    assertEquals("1\t1", PORTS.normalize("1 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 100", "100 65536", "200 100", "100", "100 200 300", "a b", "100-200",
      "100,200", "", " ", "-1 5", "1024 65535x", "1024\n65535"})
  void portRangeRefusesTheRest(String value) {
    assertThrows(IllegalArgumentException.class, () -> PORTS.normalize(value));
  }

  @Test
  void portRangeMessageSaysTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PORTS.normalize("200 100"));
    assertEquals("\"200 100\" is not allowed; expected 1 <= LOW <= HIGH <= 65535", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PORTS.normalize("100"));
    assertTrue(e.getMessage().contains("is not a port range"), e.getMessage());
  }

  @Test
  void messagesEscapeControlCharactersAndCutLongValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BOOL.normalize("a\u0001b"));
    assertEquals("\"a\\u0001b\" is not a decimal integer", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BOOL.normalize("x".repeat(100)));
    assertTrue(e.getMessage().contains("…"), e.getMessage());
    assertTrue(e.getMessage().length() < 80, e.getMessage());
  }
}
