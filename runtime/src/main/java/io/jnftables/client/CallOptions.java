package io.jnftables.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one call runs: its timeout, whether it returns the handles of what it added, and whether it
 * may touch tables the client does not own. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * SubmitResult r = nft.submit(batch, CallOptions.defaults().withHandles().withTimeout(Duration.ofSeconds(2)));
 * }</pre>
 *
 * @param timeout how long to wait for the answer; {@code null}: the client's default
 * @param handles ask libnftables to echo what was added, so that {@link SubmitResult} carries
 *     handles. Costs a full cache load per call (milliseconds with a large ruleset); leave it off
 *     for small, frequent updates
 * @param allowForeignTables let a client scoped to its own tables touch others (and
 *     {@code flush ruleset})
 * @param text send a batch as the nft script {@link io.jnftables.text.NftText#print(io.jnftables.batch.Batch)}
 *     writes rather than as JSON: libnftables 1.0.6 reads more from text than from JSON (see
 *     {@link Fidelity}); the JSON path is faster
 */
public record CallOptions(
    @Nullable Duration timeout, boolean handles, boolean allowForeignTables, boolean text) {
  private static final CallOptions DEFAULTS = new CallOptions(null, false, false, false);

  /** Rejects a negative timeout. */
  public CallOptions {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
  }

  /** Options that send JSON. */
  public CallOptions(@Nullable Duration timeout, boolean handles, boolean allowForeignTables) {
    this(timeout, handles, allowForeignTables, false);
  }

  /** The client's default timeout, no handles, owned tables only, JSON. */
  public static CallOptions defaults() {
    return DEFAULTS;
  }

  /** The same options with this timeout. */
  public CallOptions withTimeout(Duration newTimeout) {
    return new CallOptions(java.util.Objects.requireNonNull(newTimeout, "timeout"), handles, allowForeignTables,
        text);
  }

  /** The same options, asking for the handles of what the batch adds. */
  public CallOptions withHandles() {
    return new CallOptions(timeout, true, allowForeignTables, text);
  }

  /** The same options, allowing commands on tables the client does not own. */
  public CallOptions allowingForeignTables() {
    return new CallOptions(timeout, handles, true, text);
  }

  /**
   * The same options, sending the batch as nft text: what nft 1.0.6 cannot take as JSON ({@code
   * typeof}, {@code auto-merge}, several chain devices, synproxy objects, ct timeout policies,
   * comments of tables, chains and sets, concatenated or interval map values, statements of
   * elements, anonymous chains) reaches the kernel as written. The failing command is named as
   * for JSON, by dry runs of prefixes of the script (libnftables gives text read from memory no
   * line numbers).
   */
  public CallOptions asText() {
    return new CallOptions(timeout, handles, allowForeignTables, true);
  }
}
