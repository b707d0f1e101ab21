package io.jnftables.reliability;

import io.jnftables.client.NftExecutor;
import io.jnftables.client.NftRequest;
import io.jnftables.client.NftResponse;
import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.sysctl.SysctlBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real executor (in process or the helper) whose direct element route is recorded: what each
 * netlink exchange sent and what the kernel answered. A client over it ({@code Nftables.using})
 * behaves as the client of the wrapped executor; the test reads the record to prove that a batch
 * did reach the kernel and was refused there. It does not own the wrapped executor.
 */
final class RecordingExecutor implements NftExecutor {
  /** One exchange: the messages sent and the answers (null if the exchange threw). */
  record Exchange(byte[] sent, byte[] answers) {}

  private final NftExecutor delegate;
  private final NfnetlinkTransport transport;
  private final List<Exchange> exchanges = new ArrayList<>(); // guarded by itself

  RecordingExecutor(NftExecutor delegate) {
    this.delegate = delegate;
    NfnetlinkTransport real = delegate.nfnetlink().orElseThrow();
    this.transport = (byte[] messages, Duration timeout) -> {
      byte[] answers = null;
      try {
        answers = real.transact(messages, timeout);
        return answers;
      } finally {
        synchronized (exchanges) {
          exchanges.add(new Exchange(messages.clone(), answers));
        }
      }
    };
  }

  /** The exchanges since the last call, and forgets them. */
  List<Exchange> take() {
    synchronized (exchanges) {
      List<Exchange> out = new ArrayList<>(exchanges);
      exchanges.clear();
      return out;
    }
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
    return Optional.of(transport);
  }

  @Override
  public void close() {
    // the wrapped executor belongs to the client that opened it
  }
}
