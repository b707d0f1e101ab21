package io.jnftables.libnft;

import java.util.Objects;

/**
 * What one {@code nft_run_cmd_from_buffer} call returned: its return code and copies of the output
 * and error buffers.
 *
 * <p>A failed command is a result, not an exception: callers decide how to report nft's message.
 *
 * @param rc the return code: 0 on success, -1 on error; -2 when the privileged helper refused the
 *     request without running it (over its 10 MiB limit)
 * @param output the output buffer, decoded as UTF-8 ({@code ""} if empty)
 * @param error the error buffer, decoded as UTF-8 ({@code ""} if empty); nft's messages
 */
public record NftResult(int rc, String output, String error) {
  /** Rejects nulls. */
  public NftResult {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(error, "error");
  }

  /** Whether the command succeeded ({@code rc == 0}). */
  public boolean ok() {
    return rc == 0;
  }
}
