package io.jnftables.netns;

import java.nio.charset.StandardCharsets;
import jnr.ffi.LastError;

/**
 * The few libc calls this module needs: {@code unshare}, {@code setns}, {@code open},
 * {@code close}.
 *
 * <p>Low level and Linux only; public because {@code io.jnftables.libnft} uses {@code open} and
 * {@code close} to keep low file descriptors in reserve. Every method reads {@code errno} right
 * after the call on the calling thread and throws an {@link ErrnoException} that names it, instead
 * of returning {@code -1}.
 */
public final class LibC {
  /** {@code CLONE_NEWNET} from {@code <sched.h>}: the network namespace. */
  public static final int CLONE_NEWNET = 0x40000000;
  /** {@code O_RDONLY} from {@code <fcntl.h>}. */
  public static final int O_RDONLY = 0;
  /** {@code O_CLOEXEC} from {@code <fcntl.h>} (Linux value). */
  public static final int O_CLOEXEC = 0x80000;

  private LibC() {}

  /**
   * Moves the calling thread into new namespaces ({@code unshare(2)}).
   *
   * @throws ErrnoException if the call fails, e.g. {@code EPERM} without CAP_SYS_ADMIN
   */
  public static void unshare(int flags) {
    if (LibCBinding.LIBC.unshare(flags) != 0) {
      throw failure("unshare(" + flagName(flags) + ")");
    }
  }

  /**
   * Moves the calling thread into the namespace that {@code fd} refers to ({@code setns(2)}).
   *
   * @throws ErrnoException if the call fails
   */
  public static void setns(int fd, int nstype) {
    if (LibCBinding.LIBC.setns(fd, nstype) != 0) {
      throw failure("setns(" + fd + ", " + flagName(nstype) + ")");
    }
  }

  /**
   * Opens {@code path} ({@code open(2)}) and returns the new file descriptor.
   *
   * @throws ErrnoException if the call fails, e.g. {@code ENOENT}
   * @throws IllegalArgumentException if the path contains a NUL character
   */
  public static int open(String path, int flags) {
    if (path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("path contains a NUL character: " + path);
    }
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    byte[] cstr = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, cstr, 0, utf8.length);
    int fd = LibCBinding.LIBC.open(cstr, flags);
    if (fd < 0) {
      throw failure("open(\"" + path + "\")");
    }
    return fd;
  }

  /**
   * Closes a file descriptor ({@code close(2)}).
   *
   * @throws ErrnoException if the call fails, e.g. {@code EBADF}
   */
  public static void close(int fd) {
    if (LibCBinding.LIBC.close(fd) != 0) {
      throw failure("close(" + fd + ")");
    }
  }

  private static ErrnoException failure(String call) {
    return new ErrnoException(call, LastError.getLastError(LibCBinding.RUNTIME), "");
  }

  private static String flagName(int flags) {
    return flags == CLONE_NEWNET ? "CLONE_NEWNET" : "0x" + Integer.toHexString(flags);
  }
}
