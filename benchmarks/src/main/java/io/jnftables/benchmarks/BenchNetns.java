package io.jnftables.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.batch.Batch;
import io.jnftables.model.RawObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A named network namespace ({@code ip netns add jnft-bench-...}) for the client benchmarks, so
 * that the in-process client, the helper and the spawned {@code nft} baseline all work on the
 * same kernel ruleset, never the machine's own. Deleted at tear-down.
 */
final class BenchNetns implements AutoCloseable {
  final String name;

  BenchNetns() {
    name = "jnft-bench-" + Long.toString(System.nanoTime() & 0xffffffffL, 36);
    run("ip", "netns", "add", name);
  }

  @Override
  public void close() {
    run("ip", "netns", "del", name);
  }

  /** Runs a command that must succeed; it inherits the calling thread's namespace. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A batch adding element number {@code n} (as an IPv4 address in 10.0.0.0/8) to a set of table inet bench. */
  static Batch addElement(String set, int n) {
    ObjectNode el = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "bench").put("name", set);
    el.putArray("elem").add("10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255));
    return Batch.builder().add(new RawObject("element", el)).build();
  }

  /** {@code add set inet bench NAME { type ipv4_addr; }}. */
  static RawObject set(String name) {
    return new RawObject("set", JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "bench")
        .put("name", name).put("type", "ipv4_addr"));
  }
}
