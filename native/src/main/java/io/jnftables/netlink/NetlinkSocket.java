package io.jnftables.netlink;

import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netns.ErrnoException;
import io.jnftables.netns.NetnsThread;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * A {@code NETLINK_NETFILTER} socket in one network namespace, used from any thread: the
 * in-process {@link NfnetlinkTransport}.
 *
 * <p>The socket is created on a thread inside the namespace (a socket stays in the namespace it
 * was created in, whatever thread uses it later), so exchanges run on the caller's thread with no
 * hand-off. It waits with {@code poll}, never {@code select}, so its descriptor may be any number.
 * It shares nothing with libnftables, so it needs neither the process-wide libnftables lock nor a
 * low descriptor.
 */
public final class NetlinkSocket implements NfnetlinkTransport, AutoCloseable {
  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_NETFILTER = 12;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVBUF = 8;
  private static final int SOL_NETLINK = 270;
  private static final int NETLINK_CAP_ACK = 10;
  private static final int NETLINK_EXT_ACK = 11;
  private static final int MSG_DONTWAIT = 0x40;
  private static final short POLLIN = 1;
  private static final int EINTR = 4;
  private static final int EAGAIN = 11;
  private static final int RECV_BUFFER = 1 << 16;

  /** Public only because jnr-ffi implements it in a class loader of its own. */
  public interface Native {
    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int setsockopt(int fd, int level, int name, @In byte[] value, int length);

    @SaveError
    int bind(int fd, @In byte[] address, int length);

    @SaveError
    long sendto(int fd, @In ByteBuffer buf, long length, int flags, @In byte[] address, int addressLength);

    @SaveError
    long recv(int fd, @Out ByteBuffer buf, long length, int flags);

    @SaveError
    int poll(ByteBuffer fds, long count, int timeoutMillis);

    @SaveError
    int close(int fd);
  }

  private static final class Lib { // loaded on first use
    static final Native C = LibraryLoader.create(Native.class).failImmediately().load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(C);
  }

  /** {@code struct sockaddr_nl} of the kernel: family AF_NETLINK, port 0, no groups. */
  private static final byte[] KERNEL = sockaddrNl();

  private final int fd;
  private final String name;
  private final ReentrantLock lock = new ReentrantLock();
  private final ByteBuffer send = ByteBuffer.allocateDirect(RECV_BUFFER);
  private final ByteBuffer recv = ByteBuffer.allocateDirect(RECV_BUFFER);
  private final ByteBuffer pollFd = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
  private boolean closed; // guarded by lock
  private boolean dirty; // guarded by lock: an exchange ended early, its answers may be queued

  private NetlinkSocket(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /**
   * Opens a socket in {@code thread}'s namespace.
   *
   * @throws NetlinkException if the socket cannot be created (maybeSent is false)
   */
  public static NetlinkSocket open(NetnsThread thread) {
    int fd = thread.call(NetlinkSocket::create);
    return new NetlinkSocket(fd, "nfnetlink socket in " + thread.netnsId());
  }

  private static int create() {
    int fd = Lib.C.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
    if (fd < 0) {
      throw failure("socket(AF_NETLINK, NETLINK_NETFILTER)", false);
    }
    try {
      // Acks without a copy of the request, errors with the kernel's message.
      setInt(fd, SOL_NETLINK, NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
      setInt(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
      setInt(fd, SOL_SOCKET, SO_RCVBUF, 1 << 20, "SO_RCVBUF");
      if (Lib.C.bind(fd, KERNEL, KERNEL.length) != 0) {
        throw failure("bind(AF_NETLINK)", false);
      }
    } catch (RuntimeException e) {
      Lib.C.close(fd);
      throw e;
    }
    return fd;
  }

  private static void setInt(int fd, int level, int option, int value, String what) {
    byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    if (Lib.C.setsockopt(fd, level, option, v, 4) != 0) {
      throw failure("setsockopt(" + what + ")", false);
    }
  }

  @Override
  public byte[] transact(byte[] messages, Duration timeout) {
    Exchange exchange;
    try {
      exchange = new Exchange(messages);
    } catch (IllegalArgumentException e) {
      throw new NetlinkException(name + ": " + e.getMessage(), false, e);
    }
    long start = System.nanoTime();
    long deadline = timeout == null ? Long.MAX_VALUE : start + saturatedNanos(timeout);
    try {
      if (timeout == null) {
        lock.lockInterruptibly();
      } else if (!lock.tryLock(saturatedNanos(timeout), TimeUnit.NANOSECONDS)) {
        throw new NftTimeoutException(name, timeout, false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetlinkException(name + ": interrupted before sending", false, e);
    }
    try {
      if (closed) {
        throw new NetlinkException(name + " is closed", false);
      }
      if (dirty) {
        drain(null); // answers an unfinished exchange left behind (they would be dropped anyway)
        dirty = false;
      }
      dirty = true; // until this exchange is complete
      sendAll(messages);
      // The kernel answered inside sendmsg: read first, wait only if nothing is queued.
      while (!exchange.complete()) {
        if (receive(exchange, 0)) {
          continue;
        }
        long left = deadline == Long.MAX_VALUE ? -1 : deadline - System.nanoTime();
        if (left != -1 && left <= 0) {
          throw new NftTimeoutException(name, timeout, true);
        }
        awaitReadable(left);
      }
      if (exchange.refused()) {
        drain(exchange); // acks of the batch's messages may follow the refusal
      }
      dirty = false;
      return exchange.answers();
    } finally {
      lock.unlock();
    }
  }

  private void sendAll(byte[] messages) {
    ByteBuffer out = messages.length <= send.capacity() ? send.clear() : ByteBuffer.allocateDirect(messages.length);
    out.put(messages).flip();
    while (true) {
      long n = Lib.C.sendto(fd, out, messages.length, 0, KERNEL, KERNEL.length);
      if (n == messages.length) {
        return;
      }
      int errno = LastError.getLastError(Lib.RUNTIME);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      // A netlink datagram is taken whole or not at all.
      throw n < 0 ? failure("sendto", errno, false)
          : new NetlinkException(name + ": sendto took " + n + " of " + messages.length + " bytes", true);
    }
  }

  /** Waits up to {@code nanos} (-1: forever) for an answer; false if the wait ended without one. */
  private boolean awaitReadable(long nanos) {
    int millis = nanos < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
    pollFd.putInt(0, fd).putShort(4, POLLIN).putShort(6, (short) 0);
    int r = Lib.C.poll(pollFd, 1, millis);
    if (r < 0) {
      int errno = LastError.getLastError(Lib.RUNTIME);
      if (errno == EINTR) {
        return false;
      }
      throw failure("poll", errno, true);
    }
    return r > 0;
  }

  /** One {@code recv} without waiting; false if nothing was queued. */
  private boolean receive(Exchange exchange, int flags) {
    long n = Lib.C.recv(fd, recv.clear(), recv.capacity(), flags | MSG_DONTWAIT);
    if (n < 0) {
      int errno = LastError.getLastError(Lib.RUNTIME);
      if (errno == EAGAIN || errno == EINTR) {
        return false;
      }
      throw failure("recv", errno, true);
    }
    if (exchange != null) {
      exchange.accept(recv, (int) n);
    }
    return true;
  }

  /** Reads whatever is queued, without waiting; keeps it in {@code exchange} if there is one. */
  private void drain(Exchange exchange) {
    while (receive(exchange, MSG_DONTWAIT)) {
      // keep reading
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static byte[] sockaddrNl() {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    b.putShort((short) AF_NETLINK).putShort((short) 0).putInt(0).putInt(0);
    return b.array();
  }

  private static NetlinkException failure(String call, boolean maybeSent) {
    return failure(call, LastError.getLastError(Lib.RUNTIME), maybeSent);
  }

  private static NetlinkException failure(String call, int errno, boolean maybeSent) {
    ErrnoException e = new ErrnoException(call, errno, "");
    return new NetlinkException(e.getMessage(), maybeSent, e);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        Lib.C.close(fd);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
