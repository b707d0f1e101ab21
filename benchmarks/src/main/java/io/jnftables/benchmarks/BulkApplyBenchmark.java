package io.jnftables.benchmarks;

import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.client.SubmitResult;
import io.jnftables.netns.NetnsThread;
import io.jnftables.text.NftText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Applying one big batch to an empty ruleset, four ways, on identical content, in the same run and
 * the same namespace:
 *
 * <ul>
 *   <li>{@code inProcessJson}: {@code nft.submit(batch)}: the codec's JSON through libnftables in
 *       this JVM (encoding included);
 *   <li>{@code inProcessText}: {@code nft.runText(NftText.print(batch))}: the same batch as nft
 *       text (printing included), which libnftables parses faster than JSON for rules;
 *   <li>{@code nftJsonFile}: baseline, spawning {@code nft -j -f FILE} with that JSON, written
 *       beforehand;
 *   <li>{@code nftTextFile}: spawning {@code nft -f FILE} with that text.
 * </ul>
 *
 * <p>{@code content} is {@code rules:N} ({@link RuleBatches#typed}: a table, a base chain and N
 * rules) or {@code elements:N} ({@link RuleBatches#elements}: a table, a set and N addresses in one
 * command). Each shot starts from an empty namespace: the table is deleted after every iteration
 * (one shot each, not timed). Needs root; works in a named namespace it creates and deletes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class BulkApplyBenchmark {
  @Param({"rules:10000", "elements:100000"})
  public String content;

  private BenchNetns netns;
  private Nftables nft;
  private NetnsThread spawner;
  private Batch batch;
  private Path dir;
  private Path jsonFile;
  private Path textFile;

  /** The batch that {@code content} names: {@code rules:N} or {@code elements:N}. */
  static Batch content(String content) {
    int colon = content.indexOf(':');
    String kind = colon < 0 ? "" : content.substring(0, colon);
    int n = Integer.parseInt(content.substring(colon + 1));
    return switch (kind) {
      case "rules" -> RuleBatches.typed(n);
      case "elements" -> RuleBatches.elements(n);
      default -> throw new IllegalArgumentException("content is rules:N or elements:N, not " + content);
    };
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    batch = content(content);
    dir = Files.createTempDirectory("jnft-bench-bulk");
    jsonFile = Files.write(dir.resolve("batch.json"), batch.toJsonBytes());
    textFile = Files.writeString(dir.resolve("batch.nft"), NftText.print(batch), StandardCharsets.UTF_8);
    netns = new BenchNetns();
    nft = netns.inProcess();
    spawner = NetnsThread.start(netns.target);
  }

  /** The in-process client of the namespace (for tests). */
  Nftables client() {
    return nft;
  }

  /** Removes what the shot added, so that the next one starts from an empty ruleset. */
  @TearDown(Level.Iteration)
  public void deleteTable() {
    nft.submit(RuleBatches.deleteTable());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    nft.close();
    spawner.close();
    netns.close();
    Files.deleteIfExists(jsonFile);
    Files.deleteIfExists(textFile);
    Files.deleteIfExists(dir);
  }

  /** The library: the codec's JSON through libnftables in this JVM. */
  @Benchmark
  public SubmitResult inProcessJson() {
    return nft.submit(batch);
  }

  /** The library, text route: the batch printed as nft text, through libnftables in this JVM. */
  @Benchmark
  public String inProcessText() {
    return nft.runText(NftText.print(batch));
  }

  /** Baseline: {@code nft -j -f FILE} with the same JSON. */
  @Benchmark
  public int nftJsonFile() {
    return BenchNetns.spawn(spawner, null, "nft", "-j", "-f", jsonFile.toString());
  }

  /** {@code nft -f FILE} with the same text. */
  @Benchmark
  public int nftTextFile() {
    return BenchNetns.spawn(spawner, null, "nft", "-f", textFile.toString());
  }
}
