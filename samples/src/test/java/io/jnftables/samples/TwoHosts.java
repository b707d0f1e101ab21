package io.jnftables.samples;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two throwaway hosts for packet tests: named network namespaces {@code jnft-srv-*} and
 * {@code jnft-cli-*} joined by a veth pair (server 10.231.0.1, client 10.231.0.2). Sockets are
 * opened on threads that entered the namespaces; a socket belongs to the namespace of the thread
 * that created it. Closing deletes both namespaces.
 */
final class TwoHosts implements AutoCloseable {
  static final String SERVER_IP = "10.231.0.1";
  static final String CLIENT_IP = "10.231.0.2";

  final String server;
  final String client;
  private final NetnsThread serverThread;
  private final NetnsThread clientThread;
  private final List<ServerSocket> listeners = new ArrayList<>();

  TwoHosts() {
    String id = Long.toHexString(ProcessHandle.current().pid()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
    server = "jnft-srv-" + id;
    client = "jnft-cli-" + id;
    boolean ok = false;
    try {
      ip("netns", "add", server);
      ip("netns", "add", client);
      ip("-n", server, "link", "add", "veth0", "type", "veth", "peer", "name", "veth0", "netns", client);
      ip("-n", server, "addr", "add", SERVER_IP + "/24", "dev", "veth0");
      ip("-n", client, "addr", "add", CLIENT_IP + "/24", "dev", "veth0");
      for (String ns : List.of(server, client)) {
        ip("-n", ns, "link", "set", "lo", "up");
        ip("-n", ns, "link", "set", "veth0", "up");
      }
      serverThread = NetnsThread.start(NetnsTarget.named(server));
      clientThread = NetnsThread.start(NetnsTarget.named(client));
      ok = true;
    } finally {
      if (!ok) {
        deleteNamespaces();
      }
    }
  }

  /** Listens on the server at {@code port}, accepting and closing connections in the background. */
  void listen(int port) {
    ServerSocket ss =
        serverThread.call(
            () -> {
              ServerSocket s = new ServerSocket();
              s.bind(new InetSocketAddress(SERVER_IP, port));
              return s;
            });
    listeners.add(ss);
    Thread acceptor =
        new Thread(
            () -> {
              while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                  s.getOutputStream().write('!');
                } catch (IOException e) {
                  // closed by close(), or the peer went away
                }
              }
            },
            "accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Whether a TCP connection from the client to the server's {@code port} completes within the timeout. */
  boolean connects(int port, int timeoutMillis) {
    return clientThread.call(
        () -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(SERVER_IP, port), timeoutMillis);
            return s.getInputStream().read() == '!';
          } catch (SocketTimeoutException e) {
            return false;
          }
        });
  }

  @Override
  public void close() {
    for (ServerSocket s : listeners) {
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
    serverThread.close();
    clientThread.close();
    deleteNamespaces();
  }

  private void deleteNamespaces() {
    for (String ns : List.of(server, client)) {
      try {
        ip("netns", "delete", ns);
      } catch (RuntimeException ignored) {
        // it may not have been created
      }
    }
  }

  /** Runs {@code ip} from the calling thread (the test's, in the host namespace). */
  static void ip(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("ip");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
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
