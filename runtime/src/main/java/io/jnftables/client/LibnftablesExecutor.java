package io.jnftables.client;

import io.jnftables.libnft.NftContext;
import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.libnft.OutputFlags;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.sysctl.ProcSysctlBackend;
import io.jnftables.sysctl.SysctlBackend;
import io.jnftables.netlink.NetlinkException;
import io.jnftables.netlink.NetlinkSocket;
import io.jnftables.netlink.NfnetlinkTransport;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * Runs requests through libnftables in this process, on the context's own thread inside its
 * network namespace (see {@link NftContext}: every libnftables call of the JVM is serialized).
 *
 * <p>Prefer {@link HelperExecutor} when the JVM should hold no privileges, when several
 * namespaces are worked on in parallel, or when the process must survive libnftables giving up
 * (1.0.6 calls {@code exit()} if it cannot open its netlink sockets).
 */
public final class LibnftablesExecutor implements NftExecutor {
  private final NftContext context;
  private final Object socketLock = new Object();
  private @Nullable NetlinkSocket socket; // guarded by socketLock; opened on first use
  private boolean closed; // guarded by socketLock

  private LibnftablesExecutor(NftContext context) {
    this.context = context;
  }

  /**
   * Creates a libnftables context in {@code target}'s namespace, on a thread of its own.
   *
   * @throws ExecutorException if libnftables cannot be loaded or the context cannot be created
   */
  public static LibnftablesExecutor open(NetnsTarget target) {
    try {
      return new LibnftablesExecutor(NftContext.open(target));
    } catch (NftException e) {
      throw new ExecutorException(e.getMessage(), e);
    }
  }

  @Override
  public NftResponse execute(NftRequest request) {
    int flags = outputFlags(request);
    boolean dry = request.has(NftRequest.Option.DRY_RUN);
    NftResult r;
    try {
      r = request.timeout() == null
          ? context.run(request.input(), flags, dry)
          : context.run(request.input(), flags, dry, request.timeout());
    } catch (NftTimeoutException e) {
      throw new NftablesTimeoutException(e.getMessage(), e.commandStarted(), request.input(), e);
    } catch (NftException e) {
      throw new ExecutorException(e.getMessage(), e);
    }
    return new NftResponse(r.ok(), r.output(), r.error());
  }

  /** The libnftables output flags for a request's options. */
  static int outputFlags(NftRequest request) {
    int flags = 0;
    if (request.has(NftRequest.Option.JSON)) {
      flags |= OutputFlags.JSON;
    }
    if (request.has(NftRequest.Option.ECHO)) {
      flags |= OutputFlags.ECHO;
    }
    if (request.has(NftRequest.Option.HANDLE)) {
      flags |= OutputFlags.HANDLE;
    }
    if (request.has(NftRequest.Option.TERSE)) {
      flags |= OutputFlags.TERSE;
    }
    return flags;
  }

  /** The namespace the context lives in, e.g. {@code net:[4026532177]}. */
  public String netnsId() {
    return context.netnsId();
  }

  @Override
  public Optional<Path> netnsPath() {
    return Optional.of(context.netnsPath());
  }

  /** {@link ProcSysctlBackend} on the context's thread, which is inside the context's namespace. */
  @Override
  public Optional<SysctlBackend> sysctlBackend() {
    return Optional.of(ProcSysctlBackend.on(context.thread()));
  }

  /** A netlink socket of its own, created on the context's thread (so in its namespace). */
  @Override
  public Optional<NfnetlinkTransport> nfnetlink() {
    return Optional.of(this::transact);
  }

  private byte[] transact(byte[] messages, @Nullable Duration timeout) {
    NetlinkSocket s;
    synchronized (socketLock) {
      if (closed) {
        throw new NetlinkException("the executor is closed", false);
      }
      if (socket == null) {
        socket = NetlinkSocket.open(context.thread());
      }
      s = socket;
    }
    return s.transact(messages, timeout);
  }

  @Override
  public void close() {
    synchronized (socketLock) {
      closed = true;
      if (socket != null) {
        socket.close();
      }
    }
    context.close();
  }
}
