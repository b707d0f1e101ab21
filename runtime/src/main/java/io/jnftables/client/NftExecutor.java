package io.jnftables.client;

import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.sysctl.SysctlBackend;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs libnftables requests: JSON (or nft text) in, JSON (or text) out. Implementations:
 * {@link LibnftablesExecutor} (in this process), {@link HelperExecutor} (a privileged helper
 * process), and test doubles. One executor is bound to one network namespace for its whole life.
 *
 * <p>Implementations are thread-safe. A request that nft rejects is a response with
 * {@code ok() == false}, not an exception; exceptions are for the executor itself failing:
 * {@link NftablesTimeoutException} when the request's timeout elapsed, {@link ExecutorException}
 * when the executor could not run it.
 */
public interface NftExecutor extends AutoCloseable {
  /** Runs one request and returns libnftables' answer. */
  NftResponse execute(NftRequest request);

  /**
   * A path other processes can use to enter the executor's namespace ({@code nsenter --net=PATH}),
   * if it has one.
   */
  default Optional<Path> netnsPath() {
    return Optional.empty();
  }

  /**
   * Where sysctls of the executor's namespace are read and written, if it can: the in-process
   * executor on its namespace thread, the helper executor through its helper. The backend is
   * borrowed (closing it does nothing) and valid while the executor is open.
   */
  default Optional<SysctlBackend> sysctlBackend() {
    return Optional.empty();
  }

  /**
   * Where nf_tables netlink messages can be sent directly in the executor's namespace, if it can:
   * the in-process executor through a socket of its own, the helper executor through its helper.
   * Used for element updates that need no libnftables (see
   * {@link io.jnftables.nfnetlink.ElementUpdates}); test doubles have none, so every batch reaches
   * them as JSON.
   */
  default Optional<NfnetlinkTransport> nfnetlink() {
    return Optional.empty();
  }

  /** Releases the executor; with a fresh namespace, the namespace goes away too. */
  @Override
  void close();
}
