package io.jnftables.client;

import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.sysctl.SysctlBackend;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The executor every {@link Nftables} client runs its requests on: the executor it was given,
 * behind {@link AbortGuard}, so that no request libnftables 1.0.6 would abort on reaches it —
 * whatever the backend (in process the JVM would die; a helper process would die too) and
 * whichever client method built the request. Everything else is the delegate's.
 */
final class GuardedExecutor implements NftExecutor {
  private final NftExecutor delegate;

  private GuardedExecutor(NftExecutor delegate) {
    this.delegate = delegate;
  }

  /**
   * {@code executor} behind the guard. Only the abort hunt's harness ({@link Unguarded}, package
   * private) gets its executor unguarded, to count the aborts the guard prevents.
   */
  static NftExecutor around(NftExecutor executor) {
    if (executor instanceof GuardedExecutor || executor instanceof Unguarded) {
      return executor;
    }
    return new GuardedExecutor(executor);
  }

  @Override
  public NftResponse execute(NftRequest request) {
    AbortGuard.check(request);
    return delegate.execute(request);
  }

  @Override
  public Optional<Path> netnsPath() {
    return delegate.netnsPath();
  }

  @Override
  public Optional<SysctlBackend> sysctlBackend() {
    return delegate.sysctlBackend();
  }

  @Override
  public Optional<NfnetlinkTransport> nfnetlink() {
    return delegate.nfnetlink();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /**
   * Marks an executor the client must not guard: for the abort hunt only, which counts how often
   * libnftables aborts without the guard (in a child JVM). Package private, so that no user can
   * switch the guard off by accident.
   */
  static final class Unguarded implements NftExecutor {
    private final NftExecutor delegate;

    Unguarded(NftExecutor delegate) {
      this.delegate = delegate;
    }

    @Override
    public NftResponse execute(NftRequest request) {
      return delegate.execute(request);
    }

    @Override
    public Optional<Path> netnsPath() {
      return delegate.netnsPath();
    }

    @Override
    public Optional<SysctlBackend> sysctlBackend() {
      return delegate.sysctlBackend();
    }

    @Override
    public Optional<NfnetlinkTransport> nfnetlink() {
      return delegate.nfnetlink();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
