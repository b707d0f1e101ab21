package io.jnftables.benchmarks;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.CallOptions;
import io.jnftables.client.Nftables;
import io.jnftables.client.SubmitResult;
import io.jnftables.model.Verb;
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
 * How the cost of one small update grows with what is already there, in-process, each
 * configuration in a namespace of its own that holds only its workload:
 *
 * <ul>
 *   <li>{@code addElement}: one {@code add element} of an address not yet there, into a set
 *       ({@code container=set}, {@link RuleBatches#elements}) or a verdict map ({@code
 *       container=verdictMap}, {@link RuleBatches#verdictMap}) of {@code entries} entries;
 *   <li>{@code addRule}: one rule appended to a chain of {@code rules} rules ({@link
 *       RuleBatches#typed}).
 * </ul>
 *
 * <p>After every call the added item is deleted again (not timed), so the size stays what the
 * parameter says for the whole run. Read p50 from the sample-time percentiles. Needs root.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
// A fixed, pre-touched heap, as in ClientLatencyBenchmark (heap growth costs page faults here).
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class UpdateScalingBenchmark {

  /** A namespace holding a set or a verdict map of {@code entries} entries. */
  @State(Scope.Benchmark)
  public static class Elements {
    @Param({"set", "verdictMap"})
    public String container;

    @Param({"10", "10000"})
    public int entries;

    private BenchNetns netns;
    private Nftables nft;
    Batch add;
    private Batch delete;

    @Setup(Level.Trial)
    public void setUp() {
      netns = new BenchNetns();
      nft = netns.inProcess();
      switch (container) {
        case "set" -> {
          nft.submit(RuleBatches.elements(entries));
          add = RuleBatches.extraElement(Verb.ADD);
          delete = RuleBatches.extraElement(Verb.DELETE);
        }
        case "verdictMap" -> {
          nft.submit(RuleBatches.verdictMap(entries));
          add = RuleBatches.extraMapping(Verb.ADD);
          delete = RuleBatches.extraMapping(Verb.DELETE);
        }
        default -> throw new IllegalArgumentException("container is set or verdictMap, not " + container);
      }
    }

    /** The in-process client of the namespace (for tests). */
    Nftables client() {
      return nft;
    }

    /** Deletes the element the call added (it fails if the call did not add it). */
    @TearDown(Level.Invocation)
    public void deleteAdded() {
      nft.submit(delete);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      nft.close();
      netns.close();
    }
  }

  /** A namespace holding a base chain of {@code rules} rules. */
  @State(Scope.Benchmark)
  public static class Rules {
    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private BenchNetns netns;
    private Nftables nft;
    final Batch add = RuleBatches.extraRule();
    private long nextHandle;

    @Setup(Level.Trial)
    public void setUp() {
      netns = new BenchNetns();
      nft = netns.inProcess();
      nft.submit(RuleBatches.typed(rules));
      // The kernel numbers a table's rules from one counter; learn where it stands (once, with the
      // echo), then each added rule has the next handle, and the tear-down deletes it by that.
      long handle = nft.submit(add, CallOptions.defaults().withHandles()).handle(0).orElseThrow(
          () -> new IllegalStateException("no handle echoed for the added rule"));
      nextHandle = handle;
      deleteAdded();
    }

    /** The in-process client of the namespace (for tests). */
    Nftables client() {
      return nft;
    }

    /** Deletes the rule the call added (it fails if the handle was not that rule's). */
    @TearDown(Level.Invocation)
    public void deleteAdded() {
      nft.submit(Builder.create(Family.IP).table(RuleBatches.TABLE).chain(RuleBatches.CHAIN)
          .deleteRule(nextHandle++).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      nft.close();
      netns.close();
    }
  }

  /** One element into a set or verdict map of {@code entries} entries. */
  @Benchmark
  public SubmitResult addElement(Elements s) {
    return s.nft.submit(s.add);
  }

  /** One rule appended to a chain of {@code rules} rules. */
  @Benchmark
  public SubmitResult addRule(Rules s) {
    return s.nft.submit(s.add);
  }
}
