package io.jnftables.reliability;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The helper processes of this JVM as the kernel sees them ({@code /proc}): children named
 * {@code jnft-helper}, their state (a zombie is {@code Z}) and namespace. Read without asking the
 * client, so that looking does not start a helper.
 */
final class HelperProcesses {
  /** One child process. */
  record Child(long pid, char state) {
    boolean zombie() {
      return state == 'Z';
    }
  }

  private static final long JVM = ProcessHandle.current().pid();

  private HelperProcesses() {}

  /** Every {@code jnft-helper} child of this JVM (the extracted file is {@code jnft-helper-HASH}), zombies included. */
  static List<Child> all() {
    List<Child> out = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : proc) {
        String stat;
        try {
          stat = Files.readString(p.resolve("stat"));
        } catch (IOException e) {
          continue; // gone meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < 0 || !stat.substring(open + 1, close).startsWith("jnft-helper")) {
          continue;
        }
        String[] rest = stat.substring(close + 2).split(" ");
        if (Long.parseLong(rest[1]) == JVM) {
          out.add(new Child(Long.parseLong(stat.substring(0, open).strip()), rest[0].charAt(0)));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** The live helper children in the namespace {@code netnsId} ({@code net:[…]}). */
  static List<Long> liveIn(String netnsId) {
    List<Long> out = new ArrayList<>();
    for (Child c : all()) {
      if (c.zombie()) {
        continue;
      }
      try {
        if (Files.readSymbolicLink(Path.of("/proc/" + c.pid() + "/ns/net")).toString().equals(netnsId)) {
          out.add(c.pid());
        }
      } catch (IOException e) {
        // exited meanwhile
      }
    }
    return out;
  }

  /** Whether the process is gone from /proc (exited and reaped), waiting up to {@code millis}. */
  static boolean awaitGone(long pid, long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (Files.exists(Path.of("/proc/" + pid))) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      sleep(1);
    }
    return true;
  }

  /** Sends SIGKILL. */
  static boolean kill(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
  }

  /** Live threads whose name starts with {@code prefix} (the helper's reader and stderr threads). */
  static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
