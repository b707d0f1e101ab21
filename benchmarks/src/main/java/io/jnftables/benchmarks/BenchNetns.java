package io.jnftables.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.RawObject;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.Verb;
import io.jnftables.annotations.Family;
import java.util.List;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A named network namespace ({@code ip netns add jnft-bench-...}) for the kernel benchmarks, so
 * that the in-process client, the helper and the spawned {@code nft} baseline all work on the
 * same kernel ruleset, never the machine's own. Deleted at tear-down, and by a shutdown hook if a
 * benchmark dies before its tear-down ran.
 */
final class BenchNetns implements AutoCloseable {
  /** Every namespace this JVM created and has not deleted yet. */
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
  /** Every namespace this JVM created (the smoke test checks that none is left). */
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (String name : LIVE) {
        try {
          run("ip", "netns", "del", name);
        } catch (RuntimeException e) {
          System.err.println("could not delete network namespace " + name + ": " + e.getMessage());
        }
      }
    }, "jnft-bench-netns-cleanup"));
  }

  final String name;
  final NetnsTarget target;

  BenchNetns() {
    name = "jnft-bench-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & 0xffffffffL, 36);
    run("ip", "netns", "add", name);
    LIVE.add(name);
    CREATED.add(name);
    target = NetnsTarget.named(name);
  }

  @Override
  public void close() {
    if (LIVE.remove(name)) {
      run("ip", "netns", "del", name);
    }
  }

  /** The names of the namespaces this JVM created, deleted or not. */
  static Set<String> created() {
    return Set.copyOf(CREATED);
  }

  /** An in-process client in this namespace (no capability probe: its dry runs would only add noise). */
  Nftables inProcess() {
    return Nftables.builder().netns(target).probeCapabilities(false).open();
  }

  /**
   * Runs {@code command} (an {@code nft} baseline) from {@code spawner}, a thread in this namespace
   * (children inherit the spawning thread's namespace), with {@code stdin} as its input (or none),
   * and fails with its output unless it exits 0.
   */
  static int spawn(NetnsThread spawner, byte @Nullable [] stdin, String... command) {
    return spawner.call(() -> {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      String out;
      try (InputStream o = p.getInputStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
      }
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + rc + ": " + out.strip());
      }
      return rc;
    });
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
    return Batch.builder().add(element(set, n)).build();
  }

  /** A batch deleting element number {@code n} from a set of table inet bench. */
  static Batch deleteElement(String set, int n) {
    return Batch.builder().command(new Command(Verb.DELETE, element(set, n))).build();
  }

  /** Typed, as an application builds it, so that the client may write it to the kernel directly. */
  private static Element element(String set, int n) {
    return Element.of(Family.INET, "bench", set, List.of(new StringLiteral(RuleBatches.host(n))));
  }

  /** {@code add set inet bench NAME { type ipv4_addr; }}. */
  static RawObject set(String name) {
    return new RawObject("set", JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "bench")
        .put("name", name).put("type", "ipv4_addr"));
  }
}
