package io.jnftables.client;

import io.jnftables.batch.Batch;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;
import java.util.Objects;

/**
 * The nftables client: applies batches atomically and lists the ruleset back. Thread-safe;
 * close it to release its executor (and its namespace, when it made a fresh one).
 *
 * <pre>{@code
 * try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
 *   nft.submit(BasicFirewallRuleset.toBatch());
 *   System.out.println(nft.listRulesetText());
 * }
 * }</pre>
 */
public final class Nftables implements AutoCloseable {
  private static final String LIST_RULESET_JSON = "{\"nftables\":[{\"list\":{\"ruleset\":null}}]}";

  private final NftExecutor executor;

  private Nftables(NftExecutor executor) {
    this.executor = executor;
  }

  /** A client using libnftables in this process, bound to {@code target}'s network namespace. */
  public static Nftables open(NetnsTarget target) {
    return new Nftables(LibnftablesExecutor.open(target));
  }

  /** A client using libnftables in this process, in the namespace of the calling process. */
  public static Nftables open() {
    return open(NetnsTarget.current());
  }

  /** A client over any executor (a fake in tests, a helper process, …). */
  public static Nftables using(NftExecutor executor) {
    return new Nftables(Objects.requireNonNull(executor, "executor"));
  }

  /**
   * Applies the batch as one transaction: every command, or none. On failure the ruleset is
   * unchanged and an {@link NftablesException} carries nft's message.
   */
  public void submit(Batch batch) {
    run(batch, false);
  }

  /** Asks the kernel whether it would accept the batch, changing nothing. */
  public void check(Batch batch) {
    run(batch, true);
  }

  private void run(Batch batch, boolean dryRun) {
    if (batch.isEmpty()) {
      return;
    }
    String json = batch.toJson();
    NftResponse r =
        dryRun
            ? executor.execute(NftRequest.json(json, NftRequest.Option.DRY_RUN))
            : executor.execute(NftRequest.json(json));
    if (!r.ok()) {
      throw new NftablesException(
          (dryRun ? "check" : "submit") + " of " + batch.size() + " command(s) failed", r.error(), json);
    }
  }

  /** The whole ruleset of this client's namespace, as typed objects. */
  public Ruleset listRuleset() {
    return JsonCodec.decodeRuleset(runOrThrow(NftRequest.json(LIST_RULESET_JSON), "list ruleset"));
  }

  /**
   * Runs nft text commands as {@code nft -f} would (e.g. a whole ruleset file's content) and
   * returns nft's output. Throws {@link NftablesException} with nft's message if they fail.
   */
  public String runText(String commands) {
    return runOrThrow(NftRequest.text(commands), "nft commands");
  }

  /**
   * Runs a libnftables JSON document ({@code {"nftables":[...]}}) and returns libnftables' JSON
   * output as it is, e.g. an unparsed listing. Throws {@link NftablesException} if it fails.
   */
  public String runJson(String json) {
    return runOrThrow(NftRequest.json(json), "JSON commands");
  }

  /** The whole ruleset as nft prints it ({@code nft list ruleset}). */
  public String listRulesetText() {
    return runOrThrow(NftRequest.text("list ruleset"), "list ruleset");
  }

  private String runOrThrow(NftRequest request, String what) {
    NftResponse r = executor.execute(request);
    if (!r.ok()) {
      throw new NftablesException(what + " failed", r.error(), request.input());
    }
    return r.output();
  }

  @Override
  public void close() {
    executor.close();
  }
}
