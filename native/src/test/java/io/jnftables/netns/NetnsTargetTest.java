package io.jnftables.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure value tests: no native code, no kernel. */
class NetnsTargetTest {

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "..", ".", "", "/etc", "../x", "x\0y"})
  void namedRejectsNamesThatCouldEscapeTheNetnsDirectory(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NetnsTarget.named(name));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }

  @Test
  void namedRejectsOverlongNamesAndNull() {
    assertThrows(IllegalArgumentException.class, () -> NetnsTarget.named("x".repeat(256)));
    assertThrows(NullPointerException.class, () -> NetnsTarget.named(null));
  }

  @Test
  void namedAcceptsWhatIpNetnsAccepts() {
    NetnsTarget t = NetnsTarget.named("jnft-test-a..b");
    assertEquals(new NetnsTarget.Named("jnft-test-a..b"), t);
    assertEquals(Path.of("/var/run/netns/jnft-test-a..b"), ((NetnsTarget.Named) t).path());
    assertEquals("x".repeat(255), ((NetnsTarget.Named) NetnsTarget.named("x".repeat(255))).name());
  }

  @Test
  void pidTargetsProcNetFile() {
    assertEquals(Path.of("/proc/42/ns/net"), ((NetnsTarget.Pid) NetnsTarget.ofPid(42)).path());
    assertThrows(IllegalArgumentException.class, () -> NetnsTarget.ofPid(0));
    assertThrows(IllegalArgumentException.class, () -> NetnsTarget.ofPid(-1));
  }

  @Test
  void singletons() {
    assertEquals(NetnsTarget.fresh(), NetnsTarget.fresh());
    assertEquals(NetnsTarget.current(), NetnsTarget.current());
    assertEquals("NetnsTarget.fresh()", NetnsTarget.fresh().toString());
  }
}
