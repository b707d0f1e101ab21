package io.jnftables.sysctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own values, read from the test's main thread (which stays in the initial network
 * namespace), and external commands.
 */
final class Host {
  private Host() {}

  /** The value of one file below /proc/sys/net as this thread sees it, or null if absent. */
  static String read(String name) {
    Path p = Path.of("/proc/sys/" + name.replace('.', '/'));
    try {
      return readOnce(p).strip();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a proc file in one {@code read} call. Not {@code Files.readString}: it reads a file whose
   * size is 0 byte by byte, and a sysctl file answers a read at a non-zero offset with end of file,
   * so it returns only the first character.
   */
  static String readOnce(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(4096);
      ch.read(buf);
      buf.flip();
      return StandardCharsets.UTF_8.decode(buf).toString();
    }
  }

  /**
   * Every whitelisted concrete parameter plus every per-interface one for the host's interfaces,
   * as the main thread sees them.
   */
  static Map<String, String> snapshot() {
    Map<String, String> m = new TreeMap<>();
    for (SysctlParameter p : SysctlParameter.concrete()) {
      String v = read(p.name());
      if (v != null) {
        m.put(p.name(), v);
      }
    }
    for (IpVersion v : IpVersion.values()) {
      for (String ifname : list(SysctlParameter.ROOT.resolve(v.directory()).resolve("conf"))) {
        if (ifname.equals("all") || ifname.equals("default") || InterfaceNames.problem(ifname) != null) {
          continue;
        }
        for (SysctlParameter t : SysctlParameter.templates()) {
          if (t.name().startsWith("net." + v.directory() + ".")) {
            String name = t.forInterface(ifname).name();
            String value = read(name);
            if (value != null) {
              m.put(name, value);
            }
          }
        }
      }
    }
    return m;
  }

  private static List<String> list(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calling thread's network namespace, e.g. net:[4026531833]. */
  static String netnsId() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a command that must succeed (at most 60 s) and returns its output. The child inherits the
   * namespace of the calling thread.
   */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + List.of(command));
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError(List.of(command) + " exited " + p.exitValue() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A unique suffix for namespace names. */
  static String unique() {
    return Long.toString(System.nanoTime() & 0xffffffffL, 36)
        + Integer.toString((int) (Math.random() * 1296), 36);
  }
}
