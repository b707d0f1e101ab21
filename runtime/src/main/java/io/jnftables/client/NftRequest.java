package io.jnftables.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One call of libnftables: the input (a JSON document or nft text commands), how to run it, and
 * how long the caller waits for the answer.
 *
 * @param input a libnftables JSON document or nft text commands
 * @param options how libnftables runs the input and formats its output
 * @param timeout how long to wait for the answer, or {@code null} to wait as long as it takes
 */
public record NftRequest(String input, Set<Option> options, @Nullable Duration timeout) {
  /** How libnftables runs the input and formats its output. */
  public enum Option {
    /** Input may be JSON and output is JSON (libnftables parses JSON input only with this flag). */
    JSON,
    /** Echo what was added, with kernel handles filled in (forces a full cache load). */
    ECHO,
    /** Include handles in text output. */
    HANDLE,
    /** Check with the kernel, commit nothing. */
    DRY_RUN,
    /** Omit set elements from listings. */
    TERSE
  }

  /** Copies the options; rejects a negative timeout. */
  public NftRequest {
    Objects.requireNonNull(input, "input");
    options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
  }

  /** A request without a timeout. */
  public NftRequest(String input, Set<Option> options) {
    this(input, options, null);
  }

  /** JSON input and output, plus {@code more} options. */
  public static NftRequest json(String json, Option... more) {
    EnumSet<Option> opts = EnumSet.of(Option.JSON);
    opts.addAll(Arrays.asList(more));
    return new NftRequest(json, opts);
  }

  /** nft text input and output, plus {@code more} options. */
  public static NftRequest text(String commands, Option... more) {
    EnumSet<Option> opts = EnumSet.noneOf(Option.class);
    opts.addAll(Arrays.asList(more));
    return new NftRequest(commands, opts);
  }

  /** The same request with another timeout ({@code null}: none). */
  public NftRequest withTimeout(@Nullable Duration newTimeout) {
    return new NftRequest(input, options, newTimeout);
  }

  /** Whether {@code option} is set. */
  public boolean has(Option option) {
    return options.contains(option);
  }
}
