package io.jnftables.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external commands for tests (ip, nft, nsenter) and reads namespace ids. */
public final class Proc {
  private Proc() {}

  /** Exit code and combined stdout+stderr, decoded as UTF-8. */
  public record Result(int exit, String output) {
    public Result requireOk(List<String> command) {
      if (exit != 0) {
        throw new AssertionError("command " + command + " exited " + exit + ": " + output);
      }
      return this;
    }
  }

  /**
   * Runs a command and waits (at most 60 s). The child inherits the namespace of the calling
   * thread.
   */
  public static Result exec(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("command timed out: " + List.of(command));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs a command that must succeed and returns its output. */
  public static String ok(String... command) {
    return exec(command).requireOk(List.of(command)).output();
  }

  /** The calling thread's network namespace id, e.g. {@code net:[4026531833]}. */
  public static String threadNetnsId() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host ruleset as {@code nft list ruleset} prints it, run from the calling thread. */
  public static String hostRuleset() {
    return ok("nft", "list", "ruleset");
  }

  /** A unique suffix for names of tables and namespaces. */
  public static String unique() {
    return Long.toString(System.nanoTime() & 0xffffffffL, 36)
        + Integer.toString((int) (Math.random() * 1296), 36);
  }
}
