package io.jnftables.client;

/**
 * Runs libnftables requests: JSON (or nft text) in, JSON (or text) out. Implementations:
 * {@link LibnftablesExecutor} (in this process), and test doubles. One executor is bound to one
 * network namespace for its whole life.
 */
public interface NftExecutor extends AutoCloseable {
  NftResponse execute(NftRequest request);

  /** Releases the executor; with a fresh namespace, the namespace goes away too. */
  @Override
  void close();
}
