package io.jnftables.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external commands for kernel tests (ip, nft, nsenter, kill); children inherit the calling thread's namespace. */
public final class Sh {
  private Sh() {}

  /** Runs a command that must succeed (exit 0) and returns its stdout and stderr. */
  public static String ok(String... command) {
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
      throw new AssertionError(e);
    }
  }

  /** The machine's own ruleset, as {@code nft list ruleset} prints it from the calling thread. */
  public static String hostRuleset() {
    return ok("nft", "list", "ruleset");
  }

  /** A unique suffix for names. */
  public static String unique() {
    return Long.toString(System.nanoTime() & 0xffffffffL, 36) + Integer.toString((int) (Math.random() * 1296), 36);
  }

  /** An {@code ip netns add} namespace, deleted on close; with a process living in it for pid targets. */
  public static final class NamedNetns implements AutoCloseable {
    private final String name;
    private Process resident;

    public NamedNetns() {
      this.name = "jnft-test-" + unique();
      ok("ip", "netns", "add", name);
    }

    public String name() {
      return name;
    }

    /** Runs a command inside the namespace; it must succeed. */
    public String exec(String... command) {
      String[] full = new String[command.length + 4];
      full[0] = "ip";
      full[1] = "netns";
      full[2] = "exec";
      full[3] = name;
      System.arraycopy(command, 0, full, 4, command.length);
      return ok(full);
    }

    /** The pid of a process that lives in the namespace until close. */
    public long residentPid() {
      if (resident == null) {
        try {
          resident = new ProcessBuilder("ip", "netns", "exec", name, "sleep", "600").start();
          String want = netnsId();
          for (int i = 0; i < 500; i++) { // until `ip netns exec` has entered and exec'ed sleep
            String now = ok("readlink", "/proc/" + resident.pid() + "/ns/net");
            if (now.equals(want) && ok("cat", "/proc/" + resident.pid() + "/comm").strip().equals("sleep")) {
              break;
            }
            Thread.sleep(10);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return resident.pid();
    }

    /** The namespace's id as {@code readlink} prints it for a process inside, e.g. {@code net:[4026532177]}. */
    public String netnsId() {
      return exec("readlink", "/proc/self/ns/net");
    }

    @Override
    public void close() {
      if (resident != null) {
        resident.destroyForcibly();
      }
      ok("ip", "netns", "del", name);
    }
  }
}
