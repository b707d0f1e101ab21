package io.jnftables.libnft;

import io.jnftables.netns.Handoff;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import jnr.ffi.Pointer;

/**
 * The one owner of a libnftables context ({@code struct nft_ctx}), bound to one network namespace.
 *
 * <p>Why it looks like this (measured on nftables 1.0.6, see the project's notes):
 *
 * <ul>
 *   <li>The context lives on its own dedicated thread (a {@link NetnsThread}) that entered the
 *       target namespace before creating it: the netlink socket is bound to the namespace of the
 *       thread that calls {@code nft_ctx_new}, and interface names ({@code iif "eth0"}) are
 *       resolved in the namespace of the thread that runs the command. Running everything on that
 *       thread keeps both in the same namespace.
 *   <li>Every libnftables call in the JVM, whatever the context, is serialized by one process-wide
 *       lock: 1.0.6 has process-global state (generation id, interface cache) that, used in
 *       parallel, livelocks or aborts the JVM.
 *   <li>Output and error buffers are copied as UTF-8 strings right after each command; commands
 *       are passed as UTF-8 bytes, never in the platform charset.
 *   <li>The context's netlink socket must have a descriptor below 1024, otherwise libnftables
 *       aborts the process on the next commit; {@link #open} makes sure of it or fails.
 * </ul>
 *
 * <p>Thread-safe: any thread may call {@link #run}; calls run one at a time, in order. Always
 * {@link #close()} a context: its thread and native resources are not reclaimed otherwise.
 * A failing command is not an exception: it is an {@link NftResult} with {@code rc == -1}.
 */
public final class NftContext implements AutoCloseable {
  /** Serializes every libnftables call in this JVM (fair, so no context starves). */
  static final ReentrantLock LIBNFTABLES_LOCK = new ReentrantLock(true);

  private static final AtomicLong COUNTER = new AtomicLong();

  static {
    // Reserve low descriptors as early as possible, while numbers are still low.
    LowFds.reservedCount();
  }

  private final NetnsThread thread;
  private final LibNftables lib;
  private final Pointer ctx; // used only on `thread`, under LIBNFTABLES_LOCK
  private final Object stateLock = new Object();
  private boolean closed; // guarded by stateLock
  private boolean freed; // written and read only on `thread`

  private NftContext(NetnsThread thread, LibNftables lib, Pointer ctx) {
    this.thread = thread;
    this.lib = lib;
    this.ctx = ctx;
  }

  /**
   * Starts a thread {@code jnft-ctx-N} in {@code target} and creates a libnftables context on it.
   * Waits for the process-wide libnftables lock; an interrupt while waiting is deferred until the
   * context exists, then it is closed and an {@link NftException} is thrown (with the interrupt
   * flag restored).
   *
   * @throws NftException if libnftables cannot be loaded or the context cannot be created
   * @throws io.jnftables.netns.NetnsException if the namespace cannot be entered (e.g. not root)
   */
  public static NftContext open(NetnsTarget target) {
    Objects.requireNonNull(target, "target");
    LibNftables lib = LibNftables.get(); // fail with the install hint before starting a thread
    String name = "jnft-ctx-" + COUNTER.incrementAndGet();
    NetnsThread thread = NetnsThread.start(target, name);
    Pointer ctx;
    boolean interrupted = false;
    try {
      Future<Pointer> created = thread.submit(() -> create(lib, name));
      while (true) {
        try {
          ctx = created.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // a half-created context could not be freed: wait for it
        }
      }
    } catch (ExecutionException e) {
      thread.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      throw unwrap(e);
    } catch (RuntimeException | Error e) {
      thread.close();
      throw e;
    }
    NftContext context = new NftContext(thread, lib, ctx);
    if (interrupted) {
      context.close();
      Thread.currentThread().interrupt();
      throw new NftException("interrupted while opening libnftables context " + name
          + " in " + target + "; it was closed again");
    }
    return context;
  }

  /** Runs on the context thread. */
  private static Pointer create(LibNftables lib, String name) {
    LIBNFTABLES_LOCK.lock();
    try {
      Map<Integer, String> before = LowFds.sockets();
      Pointer ctx;
      LowFds.release(); // the socket opened next takes the lowest free number
      try {
        ctx = lib.nft_ctx_new(0); // must be 0 (NFT_CTX_DEFAULT): else 1.0.6 opens no socket
      } finally {
        try {
          LowFds.refill();
        } catch (RuntimeException e) {
          // out of descriptors: the check below decides whether the context is usable
        }
      }
      if (ctx == null) {
        throw new NftException("nft_ctx_new(0) returned NULL for context " + name);
      }
      try {
        int highest = LowFds.highestNew(before, LowFds.sockets());
        if (highest >= LowFds.FD_SETSIZE) {
          throw new NftException("libnftables context " + name + " got netlink socket descriptor "
              + highest + ", but libnftables 1.0.6 select()s on it and would abort the JVM for"
              + " descriptors >= " + LowFds.FD_SETSIZE + ". Open contexts early (while few files"
              + " are open), keep fewer descriptors open, or use the privileged helper process"
              + " (io.jnftables.helper.NftHelper), which has descriptors of its own.");
        }
        if (lib.nft_ctx_buffer_output(ctx) != 0 || lib.nft_ctx_buffer_error(ctx) != 0) {
          throw new NftException("could not enable output/error buffering for context " + name);
        }
      } catch (RuntimeException e) {
        lib.nft_ctx_free(ctx);
        throw e;
      }
      return ctx;
    } finally {
      LIBNFTABLES_LOCK.unlock();
    }
  }

  /** Runs {@code commands} with the given {@link OutputFlags}, not as a dry run; waits as long as it takes. */
  public NftResult run(String commands, int outputFlags) {
    return run(commands, outputFlags, false);
  }

  /**
   * Runs {@code commands} (nft syntax or, with {@link OutputFlags#JSON}, libnftables JSON) and
   * waits as long as it takes.
   *
   * @param dryRun if true, libnftables checks the commands against the kernel without committing
   * @throws IllegalStateException if this context is closed
   * @throws IllegalArgumentException if {@code commands} contains a NUL character
   * @throws NftException if the calling thread is interrupted while waiting; its interrupt flag is
   *     restored. If libnftables had not started the command it never will; otherwise the command
   *     may still take effect.
   */
  public NftResult run(String commands, int outputFlags, boolean dryRun) {
    return run(commands, outputFlags, dryRun, -1, null);
  }

  /**
   * Like {@link #run(String, int, boolean)}, but gives up waiting after {@code timeout}. The time
   * includes waiting for other commands of this context and for the process-wide lock.
   *
   * <p>The native call itself cannot be interrupted: if it has started, this context's thread
   * stays busy until libnftables returns, the command may still take effect, and later calls on
   * this context queue behind it. {@link NftTimeoutException#commandStarted()} tells which case
   * happened.
   *
   * @throws NftTimeoutException if the command did not finish in time
   * @throws IllegalArgumentException if {@code timeout} is negative or {@code commands} contains a
   *     NUL character
   */
  public NftResult run(String commands, int outputFlags, boolean dryRun, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE;
    }
    return run(commands, outputFlags, dryRun, nanos, timeout);
  }

  private NftResult run(
      String commands, int outputFlags, boolean dryRun, long timeoutNanos, Duration timeout) {
    byte[] command = cString(commands);
    // Claimed by whoever comes first: the context thread (about to call libnftables) or a caller
    // that gives up (timeout, interrupt). So a given-up command never starts late.
    AtomicBoolean claimed = new AtomicBoolean();
    Future<NftResult> result;
    synchronized (stateLock) {
      if (closed) {
        throw closedException();
      }
      result = thread.submit(() -> execute(command, outputFlags, dryRun, claimed));
    }
    Handoff.awaitBriefly(result, timeoutNanos < 0 ? Handoff.CALLER_SPIN_NANOS : Math.min(Handoff.CALLER_SPIN_NANOS, timeoutNanos));
    try {
      return timeoutNanos < 0 ? result.get() : result.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      boolean started = !abandon(claimed, result);
      throw new NftTimeoutException(thread.threadName(), timeout, started);
    } catch (InterruptedException e) {
      boolean started = !abandon(claimed, result);
      Thread.currentThread().interrupt();
      throw new NftException("interrupted while waiting for libnftables context "
          + thread.threadName() + (started
              ? "; the command had started and may still take effect"
              : "; the command was cancelled and will not run"), e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  /** Returns true if the command will never run. */
  private static boolean abandon(AtomicBoolean claimed, Future<?> result) {
    if (claimed.compareAndSet(false, true)) {
      result.cancel(true); // wakes the context thread if it waits for the lock; never in native
      return true;
    }
    return false;
  }

  /** Runs on the context thread. Returns null if the caller gave up before it started. */
  private NftResult execute(byte[] command, int flags, boolean dryRun, AtomicBoolean claimed)
      throws InterruptedException {
    LIBNFTABLES_LOCK.lockInterruptibly();
    try {
      if (!claimed.compareAndSet(false, true)) {
        return null;
      }
      if (freed) {
        throw closedException();
      }
      lib.nft_ctx_output_set_flags(ctx, flags);
      lib.nft_ctx_set_dry_run(ctx, dryRun);
      int rc = lib.nft_run_cmd_from_buffer(ctx, command);
      // The buffers belong to the context and are reused by the next command: copy them now.
      String output = copy(lib.nft_ctx_get_output_buffer(ctx));
      String error = copy(lib.nft_ctx_get_error_buffer(ctx));
      return new NftResult(rc, output, error);
    } finally {
      LIBNFTABLES_LOCK.unlock();
    }
  }

  private static String copy(Pointer p) {
    return p == null ? "" : p.getString(0, Integer.MAX_VALUE, StandardCharsets.UTF_8);
  }

  private static byte[] cString(String commands) {
    Objects.requireNonNull(commands, "commands");
    if (commands.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("commands contain a NUL character");
    }
    byte[] utf8 = commands.getBytes(StandardCharsets.UTF_8);
    byte[] c = new byte[utf8.length + 1]; // trailing NUL
    System.arraycopy(utf8, 0, c, 0, utf8.length);
    return c;
  }

  /**
   * The network namespace of the context's thread, e.g. {@code net:[4026532177]} (read on that
   * thread from {@code /proc/thread-self/ns/net}). Still answers after {@link #close()}.
   */
  public String netnsId() {
    return thread.netnsId();
  }

  /**
   * {@code /proc/PID/task/TID/ns/net} of the context's thread: lets other processes enter the
   * context's namespace ({@code nsenter --net=PATH ip link ...}). Valid while the context is open.
   */
  public java.nio.file.Path netnsPath() {
    return thread.netnsPath();
  }

  /**
   * The context's own thread, inside its namespace: work that must happen in the same namespace
   * (sysctls of a fresh namespace) can run there, between libnftables calls. Closing the context
   * ends it; do not close it yourself.
   */
  public NetnsThread thread() {
    return thread;
  }

  /** The namespace this context was opened for. */
  public NetnsTarget target() {
    return thread.target();
  }

  /** The name of the context's thread, e.g. {@code jnft-ctx-3}. */
  public String name() {
    return thread.threadName();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    synchronized (stateLock) {
      return closed;
    }
  }

  /**
   * Frees the libnftables context on its thread (after commands already submitted) and ends the
   * thread, so that a fresh namespace disappears. Waits for that unless the caller is interrupted
   * (the flag is restored; the thread still ends on its own). Idempotent.
   */
  @Override
  public void close() {
    synchronized (stateLock) {
      if (!closed) {
        closed = true;
        thread.submit(this::free);
      }
    }
    thread.close();
  }

  /** Runs on the context thread. */
  private Void free() {
    LIBNFTABLES_LOCK.lock();
    try {
      if (!freed) {
        freed = true;
        lib.nft_ctx_free(ctx);
      }
    } finally {
      LIBNFTABLES_LOCK.unlock();
    }
    return null;
  }

  private IllegalStateException closedException() {
    return new IllegalStateException("libnftables context " + thread.threadName() + " is closed");
  }

  private static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new NftException("libnftables call failed: " + cause, cause);
  }

  @Override
  public String toString() {
    return "NftContext[" + thread.threadName() + ", " + thread.target() + ", " + netnsId() + "]";
  }
}
