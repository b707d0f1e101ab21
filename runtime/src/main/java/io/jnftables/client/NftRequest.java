package io.jnftables.client;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One call of libnftables: the input (a JSON document or nft text commands) and how to run it.
 */
public record NftRequest(String input, Set<Option> options) {
  /** How libnftables runs the input and formats its output. */
  public enum Option {
    /** Input may be JSON and output is JSON (libnftables parses JSON input only with this flag). */
    JSON,
    /** Echo what was added, with kernel handles filled in. */
    ECHO,
    /** Include handles in text output. */
    HANDLE,
    /** Check with the kernel, commit nothing. */
    DRY_RUN,
    /** Omit set elements from listings. */
    TERSE
  }

  public NftRequest {
    Objects.requireNonNull(input, "input");
    options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
  }

  public static NftRequest json(String json, Option... more) {
    EnumSet<Option> opts = EnumSet.of(Option.JSON);
    opts.addAll(java.util.Arrays.asList(more));
    return new NftRequest(json, opts);
  }

  public static NftRequest text(String commands, Option... more) {
    EnumSet<Option> opts = EnumSet.noneOf(Option.class);
    opts.addAll(java.util.Arrays.asList(more));
    return new NftRequest(commands, opts);
  }

  public boolean has(Option option) {
    return options.contains(option);
  }
}
