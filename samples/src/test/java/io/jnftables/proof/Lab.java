package io.jnftables.proof;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import io.jnftables.sysctl.Sysctl;
import io.jnftables.validate.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway hosts for packet proofs: named network namespaces {@code jnft-<role>-<id>} joined by
 * veth pairs. Each host has a thread that entered its namespace; sockets are created there (a
 * socket belongs to the namespace of the thread that creates it). Closing deletes every
 * namespace; so does a failure while building the lab.
 */
final class Lab implements AutoCloseable {
  /** How a TCP connection attempt ended. */
  enum Result {
    CONNECTED,
    REFUSED,
    /** An ICMP network or host unreachable came back (a router had no route). */
    UNREACHABLE,
    TIMED_OUT
  }

  /** An attempt: how it ended, what the server answered (the source address it saw), and how long it took. */
  record Attempt(Result result, String reply, long millis) {}

  /** One namespace with its thread and listeners. */
  static final class Host {
    final String netns;
    private final NetnsThread thread;
    private final List<ServerSocket> listeners = new ArrayList<>();

    private Host(String netns) {
      this.netns = netns;
      this.thread = NetnsThread.start(NetnsTarget.named(netns));
    }

    /**
     * Listens on every address (IPv4 and IPv6) at {@code port}; each connection is answered with the
     * source address the server sees, then closed.
     */
    void listen(int port) {
      ServerSocket ss = thread.call(() -> {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName("::"), port), 200);
        return s;
      });
      listeners.add(ss);
      Thread acceptor = new Thread(() -> {
        while (!ss.isClosed()) {
          try (Socket s = ss.accept()) {
            // Canonical text (fd31:1::2, not Java's fd31:1:0:0:0:0:0:2), as nft prints addresses.
            String seen = IpAddress.parse(s.getInetAddress().getHostAddress()).toString();
            s.getOutputStream().write((seen + "\n").getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            // closed by close(), or the peer went away
          }
        }
      }, netns + "-accept-" + port);
      acceptor.setDaemon(true);
      acceptor.start();
    }

    /** One TCP connection attempt to {@code address:port} from this host. */
    Attempt connect(String address, int port, int timeoutMillis) {
      return thread.call(() -> {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(InetAddress.getByName(address), port), timeoutMillis);
          s.setSoTimeout(timeoutMillis);
          String reply = readLine(s.getInputStream());
          return new Attempt(Result.CONNECTED, reply, elapsed(t0));
        } catch (SocketTimeoutException e) {
          return new Attempt(Result.TIMED_OUT, "", elapsed(t0));
        } catch (ConnectException e) {
          return new Attempt(Result.REFUSED, String.valueOf(e.getMessage()), elapsed(t0));
        } catch (SocketException e) {
          // NoRouteToHostException, "Network is unreachable"
          return new Attempt(Result.UNREACHABLE, String.valueOf(e.getMessage()), elapsed(t0));
        }
      });
    }

    /** How a spread of attempts went: how many connected, and the time from the first start to the last. */
    record Spread(int connected, long spanMillis) {}

    /**
     * {@code n} connection attempts started {@code spacingMillis} apart (non-blocking); each one is
     * abandoned {@code timeoutMillis} after its own start, before the kernel would retransmit its
     * SYN (1 s), so every attempt sends exactly one SYN.
     */
    Spread connectSpread(String address, int port, int n, int spacingMillis, int timeoutMillis) {
      return thread.call(() -> {
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByName(address), port);
        java.util.Map<SocketChannel, Long> deadlines = new java.util.LinkedHashMap<>();
        List<SocketChannel> channels = new ArrayList<>();
        int connected = 0;
        long first = System.nanoTime();
        long last = first;
        try (Selector selector = Selector.open()) {
          for (int i = 0; i < n || !deadlines.isEmpty(); ) {
            long now = System.nanoTime();
            if (i < n && now >= first + TimeUnit.MILLISECONDS.toNanos((long) i * spacingMillis)) {
              SocketChannel c = SocketChannel.open();
              channels.add(c);
              c.configureBlocking(false);
              last = now;
              i++;
              if (c.connect(to)) {
                connected++;
              } else {
                c.register(selector, SelectionKey.OP_CONNECT);
                deadlines.put(c, now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
              }
              continue;
            }
            selector.select(1);
            for (SelectionKey k : selector.selectedKeys()) {
              SocketChannel c = (SocketChannel) k.channel();
              k.cancel();
              deadlines.remove(c);
              try {
                if (c.finishConnect()) {
                  connected++;
                }
              } catch (IOException refused) {
                // counted as not connected
              }
            }
            selector.selectedKeys().clear();
            long t = System.nanoTime();
            for (var it = deadlines.entrySet().iterator(); it.hasNext(); ) {
              var e = it.next();
              if (t >= e.getValue()) {
                e.getKey().close(); // before its SYN is retransmitted
                it.remove();
              }
            }
          }
        } finally {
          for (SocketChannel c : channels) {
            c.close();
          }
        }
        return new Spread(connected, TimeUnit.NANOSECONDS.toMillis(last - first));
      });
    }

    /**
     * Waits until a connection to {@code address:port} completes (at most 5 s): a fresh link
     * resolves its neighbours (IPv6 neighbour discovery above all) on first use, which a proof's
     * short timeout must not mistake for a drop.
     */
    void awaitReachable(String address, int port) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      Attempt last;
      do {
        last = connect(address, port, 300);
        if (last.result() == Result.CONNECTED) {
          return;
        }
      } while (System.nanoTime() < deadline);
      throw new IllegalStateException(netns + " cannot reach " + address + ":" + port + " to set up the lab: " + last);
    }

    /** Runs {@code ip} inside this host's namespace ({@code ip -n NS ...}). */
    void ip(String... args) {
      List<String> cmd = new ArrayList<>(List.of("-n", netns));
      cmd.addAll(List.of(args));
      Lab.ip(cmd.toArray(new String[0]));
    }

    /** Enables IPv4 and IPv6 forwarding in this namespace only (the machine's own values stay). */
    void enableForwarding() {
      try (Sysctl sysctl = Sysctl.open(NetnsTarget.named(netns))) {
        sysctl.network().enableIpv4Forwarding();
        sysctl.network().enableIpv6Forwarding();
      }
    }

    private void close() {
      for (ServerSocket s : listeners) {
        try {
          s.close();
        } catch (IOException ignored) {
          // best effort
        }
      }
      thread.close();
    }
  }

  private final String id =
      Long.toHexString(ProcessHandle.current().pid()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
  private final List<String> namespaces = new ArrayList<>();
  private final List<Host> hosts = new ArrayList<>();

  /** A new host {@code jnft-<role>-<id>} with its loopback up. */
  Host host(String role) {
    String ns = "jnft-" + role + "-" + id;
    ip("netns", "add", ns);
    namespaces.add(ns);
    Host h = new Host(ns);
    hosts.add(h);
    h.ip("link", "set", "lo", "up");
    return h;
  }

  /**
   * A veth pair between {@code a} (interface {@code aIf}, addresses {@code aAddrs}) and {@code b}.
   * IPv6 addresses are added without duplicate address detection, so they work at once.
   */
  void link(Host a, String aIf, List<String> aAddrs, Host b, String bIf, List<String> bAddrs) {
    a.ip("link", "add", aIf, "type", "veth", "peer", "name", bIf, "netns", b.netns);
    address(a, aIf, aAddrs);
    address(b, bIf, bAddrs);
  }

  private static void address(Host h, String dev, List<String> addrs) {
    for (String a : addrs) {
      if (a.indexOf(':') >= 0) {
        h.ip("-6", "addr", "add", a, "dev", dev, "nodad");
      } else {
        h.ip("addr", "add", a, "dev", dev);
      }
    }
    h.ip("link", "set", dev, "up");
  }

  @Override
  public void close() {
    for (Host h : hosts) {
      try {
        h.close();
      } catch (RuntimeException ignored) {
        // the namespace is deleted below regardless
      }
    }
    for (String ns : namespaces) {
      try {
        ip("netns", "delete", ns);
      } catch (RuntimeException ignored) {
        // best effort: it may be gone
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      sb.append((char) c);
    }
    return sb.toString();
  }

  private static long elapsed(long t0) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  /** Runs {@code ip} from the calling thread (the test's, in the machine's namespace). */
  static void ip(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("ip");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
