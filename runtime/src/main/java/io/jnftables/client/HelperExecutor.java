package io.jnftables.client;

import io.jnftables.helper.HelperCommit;
import io.jnftables.helper.NftHelper;
import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.sysctl.HelperSysctlBackend;
import io.jnftables.sysctl.SysctlBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs requests in the privileged helper process {@code jnft-helper} (one per executor, in the
 * executor's namespace): a thin adapter over {@link NftHelper}.
 *
 * <p>Use it when the JVM itself should hold no privileges (the helper keeps CAP_NET_ADMIN alone),
 * when several namespaces are worked on in parallel (each helper is its own process, while
 * in-process calls share one lock), or to keep libnftables' {@code exit()} and {@code abort()}
 * paths out of the JVM. If the helper dies, the calls in flight fail with an
 * {@link ExecutorException} and the next call starts a new helper in the same namespace.
 */
public final class HelperExecutor implements NftExecutor {
  private final NftHelper helper;

  private HelperExecutor(NftHelper helper) {
    this.helper = helper;
  }

  /**
   * Starts the configured or bundled helper in {@code target} (see
   * {@link io.jnftables.helper.HelperBinary}).
   *
   * @throws ExecutorException if the helper cannot be found, started, or refuses to run
   */
  public static HelperExecutor open(NetnsTarget target) {
    try {
      return new HelperExecutor(NftHelper.start(target));
    } catch (NftException e) {
      throw new ExecutorException(e.getMessage(), e);
    }
  }

  /**
   * Starts the helper at {@code executable} in {@code target}.
   *
   * @throws ExecutorException if the helper cannot be started or refuses to run
   */
  public static HelperExecutor open(NetnsTarget target, Path executable) {
    try {
      return new HelperExecutor(NftHelper.start(target, executable));
    } catch (NftException e) {
      throw new ExecutorException(e.getMessage(), e);
    }
  }

  @Override
  public NftResponse execute(NftRequest request) {
    int flags = LibnftablesExecutor.outputFlags(request);
    boolean dry = request.has(NftRequest.Option.DRY_RUN);
    NftResult r;
    try {
      r = request.timeout() == null
          ? helper.run(request.input(), flags, dry)
          : helper.run(request.input(), flags, dry, request.timeout());
    } catch (NftTimeoutException e) {
      throw new NftablesTimeoutException(e.getMessage(), e.commandStarted(), request.input(), e);
    } catch (NftException e) { // HelperException: it died during the call, or could not restart
      throw new ExecutorException(e.getMessage(), e);
    }
    return new NftResponse(r.ok(), r.output(), r.error());
  }

  /**
   * Applies {@code apply} and arms the helper's rollback timer (see {@link NftHelper#arm}).
   *
   * @throws NftablesTimeoutException if the helper did not answer within the request's timeout
   * @throws ExecutorException if the helper died
   */
  HelperCommit arm(NftRequest apply, NftRequest rollback, Duration timeout) {
    try {
      return helper.arm(apply.input(), LibnftablesExecutor.outputFlags(apply), rollback.input(),
          LibnftablesExecutor.outputFlags(rollback), timeout, apply.timeout());
    } catch (NftTimeoutException e) {
      throw new NftablesTimeoutException(e.getMessage(), e.commandStarted(), apply.input(), e);
    } catch (NftException e) {
      throw new ExecutorException(e.getMessage(), e);
    }
  }

  /** The pid of the running helper (a new one is started if the last one died). */
  public long pid() {
    return helper.pid();
  }

  /** How many helper processes were started: 1 plus the restarts. */
  public int starts() {
    return helper.starts();
  }

  @Override
  public Optional<Path> netnsPath() {
    return Optional.of(helper.netnsPath());
  }

  /** The helper relays element updates and their look-ups (its operation 8). */
  @Override
  public Optional<NfnetlinkTransport> nfnetlink() {
    return Optional.of(helper.netlinkTransport());
  }

  /** {@link HelperSysctlBackend}: the helper reads and writes its own namespace's /proc/sys/net. */
  @Override
  public Optional<SysctlBackend> sysctlBackend() {
    return Optional.of(HelperSysctlBackend.on(helper, null));
  }

  @Override
  public void close() {
    helper.close();
  }
}
