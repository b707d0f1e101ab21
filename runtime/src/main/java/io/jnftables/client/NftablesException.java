package io.jnftables.client;

/**
 * libnftables refused a request. {@link #nftMessage()} is nft's own error text; the ruleset is
 * as it was before the request (a batch is one transaction).
 */
public class NftablesException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String nftMessage;
  private final String request;

  public NftablesException(String what, String nftMessage, String request) {
    super(what + ": " + nftMessage.strip());
    this.nftMessage = nftMessage;
    this.request = request;
  }

  /** The error text libnftables printed, unchanged. */
  public String nftMessage() {
    return nftMessage;
  }

  /** The request that failed (JSON or nft text), for logs. */
  public String request() {
    return request;
  }
}
