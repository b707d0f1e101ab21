package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.NamedSet;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.Sh;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The measured hazards of libnftables 1.0.6, absorbed: parallel namespaces, descriptors >= 1024. */
@Tag("kernel")
class ParallelAndLimitsKernelTest {

  /**
   * 4 threads on 4 namespaces, 1,000 mixed operations each (add element, half as raw JSON through
   * libnftables and half typed, written directly; add rule with an
   * interface name, list the set, list the chain, dry run), checked against what each thread
   * expects. In-process calls are serialized by the process-wide lock; helper calls run in four
   * processes in parallel.
   */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void fourThreadsOnFourNamespaces(Nftables.Backend backend) throws Exception {
    int threads = 4;
    int ops = 1000;
    String hostBefore = Sh.hostRuleset();
    List<Nftables> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    try {
      for (int t = 0; t < threads; t++) {
        clients.add(Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).probeCapabilities(false).open());
      }
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Nftables nft = clients.get(t);
        int thread = t;
        done.add(pool.submit(() -> {
          ObjectNode set = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t")
              .put("name", "s").put("type", "ipv4_addr");
          nft.submit(Batch.builder().add(Table.of(Family.INET, "t")).add(Chain.regular(Family.INET, "t", "c"))
              .add(new RawObject("set", set)).build());
          int elements = 0;
          int rules = 0;
          for (int i = 0; i < ops; i++) {
            try {
              switch (i % 5) {
                case 0 -> {
                  String address = "10." + thread + "." + (i >> 8) + "." + (i & 255);
                  if (i % 10 == 0) { // raw JSON: through libnftables
                    ObjectNode el = JsonNodeFactory.instance.objectNode().put("family", "inet").put("table", "t").put("name", "s");
                    el.putArray("elem").add(address);
                    nft.submit(Batch.builder().add(new RawObject("element", el)).build());
                  } else { // typed: written to the kernel directly, outside the libnftables lock
                    nft.submit(Batch.of(List.of(Command.add(io.jnftables.model.Element.of(Family.INET, "t", "s",
                        List.of(new StringLiteral(address)))))));
                  }
                  elements++;
                }
                case 1 -> {
                  nft.submit(Batch.builder().add(Rule.of(Family.INET, "t", "c",
                      List.of(Match.eq(new MetaExpr("iifname"), new StringLiteral("lo")), Verdict.ACCEPT))).build());
                  rules++;
                }
                case 2 -> {
                  NamedSet listed = (NamedSet) nft.list(Listing.set(Family.INET, "t", "s")).objects().get(1);
                  int n = listed.elements().size();
                  if (n != elements) {
                    // Name the elements' owners: each thread adds only 10.<thread>.x.y, so an
                    // element of another thread would mean a listing from another namespace.
                    failures.add("thread " + thread + " op " + i + ": " + n + " elements, expected " + elements
                        + "; listed " + listed.elements().stream().limit(3).toList() + " …");
                  }
                }
                case 3 -> {
                  int n = nft.list(Listing.chain(Family.INET, "t", "c")).rules().size();
                  if (n != rules) {
                    failures.add("thread " + thread + " op " + i + ": " + n + " rules, expected " + rules);
                  }
                }
                default -> nft.check(Batch.builder().add(Chain.regular(Family.INET, "t", "dry" + i)).build());
              }
            } catch (RuntimeException e) {
              failures.add("thread " + thread + " op " + i + ": " + e);
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      clients.forEach(Nftables::close);
    }
    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(hostBefore, Sh.hostRuleset());
  }

  /**
   * A JVM with 2,000 open files creates a client and commits (or gets a clear error): never the
   * abort that libnftables' select() on a descriptor >= 1024 would cause. Run in a child JVM so
   * that an abort could not take the test runner with it.
   */
  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void twoThousandOpenFilesNeverAbort(Nftables.Backend backend) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), ManyOpenFiles.class.getName(), backend.name())
        .redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out); // 134 would be the abort
    if (out.contains("COMMITTED")) {
      assertTrue(out.contains("DIRECT 1 listed"), out);
    }
    if (backend == Nftables.Backend.HELPER) { // the helper's descriptors are its own
      assertTrue(out.contains("COMMITTED table inet many"), out);
    } else { // libnftables was first used with every low number taken: refused, with the way out
      assertTrue(out.contains("COMMITTED table inet many")
          || out.contains("REFUSED") && out.contains("descriptor") && out.contains("helper"), out);
    }
  }

  /** The child JVM of {@link #twoThousandOpenFilesNeverAbort}. */
  public static final class ManyOpenFiles {
    public static void main(String[] args) throws IOException {
      List<InputStream> open = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        open.add(new java.io.FileInputStream("/dev/null"));
      }
      try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh())
          .backend(Nftables.Backend.valueOf(args[0])).open()) {
        nft.submit(Batch.builder().add(Table.of(Family.INET, "many")).build());
        System.out.println("COMMITTED " + nft.listRulesetText().lines().findFirst().orElse("").replace(" {", ""));
        // An element update written directly: its netlink socket has a descriptor above 2,000.
        nft.runText("add set inet many s { type ipv4_addr; }");
        nft.submit(Batch.of(List.of(Command.add(io.jnftables.model.Element.of(Family.INET, "many", "s",
            List.of(new StringLiteral("10.20.30.40")))))));
        System.out.println("DIRECT " + nft.directCounts()[0] + " "
            + (nft.listText(Listing.set(Family.INET, "many", "s")).contains("10.20.30.40") ? "listed" : "missing"));
      } catch (NftablesException e) {
        System.out.println("REFUSED " + e.getMessage());
      }
      System.out.println(open.size() + " files open");
    }
  }
}
