package io.jnftables.client;

import java.util.Objects;

/**
 * What libnftables answered: success, its output buffer and its error buffer (warnings may be
 * present even on success).
 *
 * @param ok whether the request succeeded
 * @param output the output buffer (JSON or text)
 * @param error the error buffer: nft's messages
 */
public record NftResponse(boolean ok, String output, String error) {
  /** Rejects nulls. */
  public NftResponse {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(error, "error");
  }
}
