package io.jnftables.validate;

/**
 * Something the library can describe but nft 1.0.6 (the version this library targets) cannot
 * express or load, e.g. arithmetic on packet fields ({@code ip ttl set ip ttl + 1}) or GRE header
 * fields. The message says why and what to use instead, if anything.
 */
public class UnsupportedFeatureException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
