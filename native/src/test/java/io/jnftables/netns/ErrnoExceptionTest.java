package io.jnftables.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrnoExceptionTest {
  @Test
  void messageNamesErrnoAndHint() {
    ErrnoException e = new ErrnoException("unshare(CLONE_NEWNET)", 1, "")
        .withHint("creating a network namespace needs CAP_SYS_ADMIN (run as root)");
    assertEquals("unshare(CLONE_NEWNET) failed: EPERM (Operation not permitted) — creating a"
        + " network namespace needs CAP_SYS_ADMIN (run as root)", e.getMessage());
    assertEquals("EPERM", e.errnoName());
    assertEquals(1, e.errno());
    assertEquals("close(7) failed: errno 4095 (unknown error)",
        new ErrnoException("close(7)", 4095, "").getMessage());
  }

  @Test
  void libcCallsReportErrno() {
    ErrnoException e = org.junit.jupiter.api.Assertions.assertThrows(
        ErrnoException.class, () -> LibC.close(-1));
    assertEquals("EBADF", e.errnoName());
    assertEquals("close(-1) failed: EBADF (Bad file descriptor)", e.getMessage());
    ErrnoException open = org.junit.jupiter.api.Assertions.assertThrows(
        ErrnoException.class, () -> LibC.open("/nonexistent/jnft", LibC.O_RDONLY));
    assertEquals("ENOENT", open.errnoName());
  }
}
