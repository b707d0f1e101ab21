package io.jnftables.benchmarks;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.model.Table;
import io.jnftables.netns.NetnsThread;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the smallest update, adding one element to a set, four ways in the same run and the
 * same namespace: the in-process client (which writes element updates to the kernel directly), the
 * in-process client with direct updates turned off (libnftables for everything), the client
 * through the privileged helper, and spawning {@code nft -j -f -} per update (what a Java program
 * without this library does). Read p50 from
 * the sample-time percentiles. Needs root; works in a named namespace it creates and deletes.
 *
 * <p>Every call adds a new address. With {@code setSize=growing} the sets keep them (the way this
 * benchmark was first measured: they grow to tens of thousands of elements during a run); with
 * {@code setSize=bounded} the address is deleted again after each call (not timed), so every call
 * adds to an empty set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
// A fixed, pre-touched heap: on this VM, page faults from G1 growing and shrinking the heap
// otherwise add ~100 µs to a 100 µs call.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ClientLatencyBenchmark {
  private BenchNetns netns;
  private Nftables inProcess;
  private Nftables helper;
  private Nftables viaLibnftables;
  private NetnsThread spawner; // children inherit its namespace
  @Param({"bounded", "growing"})
  public String setSize;

  private int next;
  private String lastSet;

  @Setup(Level.Trial)
  public void setUp() {
    netns = new BenchNetns();
    inProcess = netns.inProcess();
    helper = Nftables.builder().netns(netns.target).backend(Nftables.Backend.HELPER).probeCapabilities(false).open();
    viaLibnftables = Nftables.builder().netns(netns.target).directElementUpdates(false).probeCapabilities(false).open();
    spawner = NetnsThread.start(netns.target);
    inProcess.submit(Batch.builder().add(Table.of(Family.INET, "bench"))
        .add(BenchNetns.set("inproc")).add(BenchNetns.set("helper")).add(BenchNetns.set("spawn"))
        .add(BenchNetns.set("libnft")).build());
  }

  /**
   * With {@code setSize=bounded}, deletes the address the call added, by the same route as the
   * call. (Deleting through the in-process client made the spawned {@code nft} that followed take
   * ~15 ms instead of ~5 ms — a commit right before it slows it down — which inflated that
   * baseline threefold.)
   */
  @TearDown(Level.Invocation)
  public void bound() {
    if (setSize.equals("bounded") && lastSet != null) {
      Batch delete = BenchNetns.deleteElement(lastSet, next - 1);
      switch (lastSet) {
        case "inproc" -> inProcess.submit(delete);
        case "helper" -> helper.submit(delete);
        case "libnft" -> viaLibnftables.submit(delete);
        default -> BenchNetns.spawn(spawner, delete.toJsonBytes(), "nft", "-j", "-f", "-");
      }
      lastSet = null;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    inProcess.close();
    helper.close();
    viaLibnftables.close();
    spawner.close();
    netns.close();
  }

  /** The library, libnftables in this JVM. */
  @Benchmark
  public Object addElementInProcess() {
    lastSet = "inproc";
    return inProcess.submit(BenchNetns.addElement("inproc", next++));
  }

  /**
   * The library in this JVM with direct element updates turned off: every update goes through
   * libnftables (and its cache rebuild), as before direct updates existed.
   */
  @Benchmark
  public Object addElementInProcessLibnftables() {
    lastSet = "libnft";
    return viaLibnftables.submit(BenchNetns.addElement("libnft", next++));
  }

  /** The library through the privileged helper process (frames over a pipe). */
  @Benchmark
  public Object addElementHelper() {
    lastSet = "helper";
    return helper.submit(BenchNetns.addElement("helper", next++));
  }

  /** Baseline: spawn {@code nft -j -f -} per update, from a thread in the same namespace. */
  @Benchmark
  public int addElementSpawnNft() {
    lastSet = "spawn";
    return BenchNetns.spawn(spawner, BenchNetns.addElement("spawn", next++).toJsonBytes(), "nft", "-j", "-f", "-");
  }
}
