package io.jnftables.libnft;

import io.jnftables.netns.LibC;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a few low file descriptors in reserve for libnftables' netlink socket.
 *
 * <p>Why: libnftables 1.0.6 waits on its netlink socket with {@code select()}, and glibc's
 * fortify check aborts the whole process ({@code *** bit out of range 0 - FD_SETSIZE ***}) if that
 * socket's descriptor is 1024 or more. A JVM with many open files would hand it such a number. So
 * we hold {@value #COUNT} descriptors on {@code /dev/null} opened while numbers are still low,
 * close them right before {@code nft_ctx_new} (the kernel hands out the lowest free number), and
 * open new ones afterwards. Another thread may still grab a freed number in between, so
 * {@link NftContext} also checks the result. All methods run under the libnftables lock, except
 * the first reservation during class initialisation.
 */
final class LowFds {
  private LowFds() {}

  /** select()'s FD_SETSIZE: descriptors from here on abort libnftables. */
  static final int FD_SETSIZE = 1024;

  static final int COUNT = 4;

  private static final int[] reserved = new int[COUNT];
  private static int reservedCount;

  static {
    try {
      refill();
    } catch (RuntimeException | LinkageError e) {
      // best effort: without a reserve, NftContext's check still prevents the abort
    }
  }

  /** Closes the reserved descriptors so that the next ones opened get their (low) numbers. */
  static synchronized void release() {
    for (int i = 0; i < reservedCount; i++) {
      try {
        LibC.close(reserved[i]);
      } catch (RuntimeException e) {
        // already gone: nothing to release
      }
    }
    reservedCount = 0;
  }

  /** Reserves descriptors up to {@link #COUNT}, keeping only numbers below {@link #FD_SETSIZE}. */
  static synchronized void refill() {
    while (reservedCount < COUNT) {
      int fd = LibC.open("/dev/null", LibC.O_RDONLY | LibC.O_CLOEXEC);
      if (fd >= FD_SETSIZE) {
        LibC.close(fd); // useless as a reserve; numbers are exhausted below 1024
        return;
      }
      reserved[reservedCount++] = fd;
    }
  }

  /** How many low descriptors are held now. */
  static synchronized int reservedCount() {
    return reservedCount;
  }

  /** This process's socket descriptors: fd number to link target ({@code socket:[inode]}). */
  static Map<Integer, String> sockets() {
    Map<Integer, String> result = new HashMap<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path p : dir) {
        try {
          String target = Files.readSymbolicLink(p).toString();
          if (target.startsWith("socket:")) {
            result.put(Integer.parseInt(p.getFileName().toString()), target);
          }
        } catch (IOException | NumberFormatException e) {
          // closed meanwhile, or not a number: not ours to check
        }
      }
    } catch (IOException e) {
      // no /proc: cannot check
    }
    return result;
  }

  /** The highest descriptor among sockets that are in {@code after} but not in {@code before}. */
  static int highestNew(Map<Integer, String> before, Map<Integer, String> after) {
    int highest = -1;
    for (Map.Entry<Integer, String> e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        highest = Math.max(highest, e.getKey());
      }
    }
    return highest;
  }
}
