package io.jnftables.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dedicated platform thread that has entered a network namespace and runs the tasks handed to
 * it, one at a time, in order.
 *
 * <p>Why a thread: {@code unshare(CLONE_NEWNET)} and {@code setns(fd, CLONE_NEWNET)} change the
 * namespace of the calling <em>thread</em> only, so the rest of the JVM stays in its own namespace.
 * Everything that depends on the namespace must then run on this thread: netlink sockets opened
 * here are bound to it, libnftables resolves interface names ({@code iif "eth0"}) in the calling
 * thread's namespace, and child processes inherit the namespace of the thread that spawns them.
 * For example, a {@link NetnsTarget#fresh() fresh} namespace starts with {@code lo} DOWN; this
 * class leaves it so (nftables does not need it up), and a caller who needs it up runs
 * {@code thread.call(() -> new ProcessBuilder("ip", "link", "set", "lo", "up").start().waitFor())}.
 *
 * <p>{@link #close()} ends the thread; a fresh namespace disappears once the thread has ended and
 * nothing else (a socket, a bind mount, a process) holds it.
 *
 * <p>Thread-safe: any thread may submit tasks.
 */
public final class NetnsThread implements AutoCloseable {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Runnable POISON = () -> {};

  private final NetnsTarget target;
  private final Thread thread;
  private final BlockingQueue<Runnable> queue;
  private final String netnsId;
  private final Path netnsPath;
  private final long nativeThreadId;
  private final Object submitLock = new Object();
  private boolean closed; // guarded by submitLock

  private record Entered(String netnsId, String threadSelf) {}

  private NetnsThread(
      NetnsTarget target, Thread thread, BlockingQueue<Runnable> queue, Entered entered) {
    this.target = target;
    this.thread = thread;
    this.queue = queue;
    this.netnsId = entered.netnsId();
    // /proc/thread-self links to "PID/task/TID"
    this.netnsPath = Path.of("/proc", entered.threadSelf(), "ns", "net");
    String self = entered.threadSelf();
    this.nativeThreadId = Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
  }

  /**
   * Starts a thread named {@code jnft-netns-N} in {@code target} and waits until it has entered it.
   *
   * @throws ErrnoException if the namespace cannot be entered (the message says why and what to do)
   * @throws NetnsException if the calling thread is interrupted while waiting (its interrupt flag
   *     is restored)
   */
  public static NetnsThread start(NetnsTarget target) {
    return start(target, "jnft-netns-" + COUNTER.incrementAndGet());
  }

  /**
   * Starts a daemon thread named {@code threadName} in {@code target} and waits until it has entered
   * it. A {@link NetnsTarget#current() current} target means the namespace of the calling thread.
   *
   * @throws ErrnoException if the namespace cannot be entered (the message says why and what to do)
   * @throws NetnsException if the calling thread is interrupted while waiting (its interrupt flag
   *     is restored)
   */
  public static NetnsThread start(NetnsTarget target, String threadName) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(threadName, "threadName");
    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    CompletableFuture<Entered> ready = new CompletableFuture<>();
    Thread thread = new Thread(null, () -> body(target, queue, ready), threadName, 0, false);
    thread.setDaemon(true);
    thread.start();
    try {
      return new NetnsThread(target, thread, queue, ready.get());
    } catch (InterruptedException e) {
      queue.add(POISON); // the thread ends as soon as it has entered (or failed to)
      Thread.currentThread().interrupt();
      throw new NetnsException("interrupted while thread " + threadName + " entered " + target, e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause(), threadName);
    }
  }

  private static void body(
      NetnsTarget target, BlockingQueue<Runnable> queue, CompletableFuture<Entered> ready) {
    try {
      enter(target);
      String id = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
      String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
      ready.complete(new Entered(id, self));
    } catch (Throwable t) {
      ready.completeExceptionally(t);
      return;
    }
    while (true) {
      Runnable task = pollBriefly(queue); // the next task often follows at once (see Handoff)
      if (task == null) {
        try {
          task = queue.take();
        } catch (InterruptedException e) {
          continue; // only close() ends this thread
        }
      }
      if (task == POISON) {
        return;
      }
      task.run(); // a FutureTask: never throws
      Thread.interrupted(); // a cancel(true) must not leak into the next task
    }
  }

  private static Runnable pollBriefly(BlockingQueue<Runnable> queue) {
    long end = System.nanoTime() + Handoff.WORKER_SPIN_NANOS;
    Runnable task;
    while ((task = queue.poll()) == null && System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
    return task;
  }

  private static void enter(NetnsTarget target) {
    if (target instanceof NetnsTarget.Current) {
      return;
    }
    if (target instanceof NetnsTarget.Fresh) {
      try {
        LibC.unshare(LibC.CLONE_NEWNET);
      } catch (ErrnoException e) {
        throw e.withHint(unshareHint(e.errno()));
      }
      return;
    }
    Path path;
    String enoent;
    if (target instanceof NetnsTarget.Named named) {
      path = named.path();
      enoent = "there is no network namespace named \"" + named.name()
          + "\" (create it with `ip netns add " + named.name() + "`)";
    } else if (target instanceof NetnsTarget.Pid pid) {
      path = pid.path();
      enoent = "there is no process with pid " + pid.pid();
    } else {
      throw new AssertionError(target);
    }
    int fd;
    try {
      fd = LibC.open(path.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
    } catch (ErrnoException e) {
      String hint = switch (e.errno()) {
        case 2, 3 -> enoent; // ENOENT, ESRCH
        case 1, 13 -> "reading " + path + " needs root"; // EPERM, EACCES
        default -> "";
      };
      throw e.withHint(hint);
    }
    try {
      LibC.setns(fd, LibC.CLONE_NEWNET);
    } catch (ErrnoException e) {
      String hint = switch (e.errno()) {
        case 1 -> "entering a network namespace needs CAP_SYS_ADMIN (run as root)"; // EPERM
        case 22 -> path + " is not a network namespace"; // EINVAL
        default -> "";
      };
      throw e.withHint(hint);
    } finally {
      LibC.close(fd);
    }
  }

  private static String unshareHint(int errno) {
    return switch (errno) {
      case 1 -> "creating a network namespace needs CAP_SYS_ADMIN (run as root)"; // EPERM
      case 28, 87 -> "too many network namespaces (see /proc/sys/user/max_net_namespaces)";
      case 22 -> "the kernel lacks network namespaces (CONFIG_NET_NS)"; // EINVAL
      default -> "";
    };
  }

  /** The namespace this thread was asked to enter. */
  public NetnsTarget target() {
    return target;
  }

  /**
   * The namespace the thread is in, as {@code readlink /proc/thread-self/ns/net} read on it, e.g.
   * {@code net:[4026532177]}. Two threads are in the same namespace if and only if their ids are
   * equal. Still answers after {@link #close()}.
   */
  public String netnsId() {
    return netnsId;
  }

  /**
   * {@code /proc/PID/task/TID/ns/net} of this thread: lets other processes enter the namespace, e.g.
   * {@code nsenter --net=PATH nft list ruleset}. Valid only while the thread is alive.
   */
  public Path netnsPath() {
    return netnsPath;
  }

  /** The kernel's id of this thread (TID), as in {@code /proc/self/task/TID}. */
  public long nativeThreadId() {
    return nativeThreadId;
  }

  /** The Java name of the thread. */
  public String threadName() {
    return thread.getName();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    synchronized (submitLock) {
      return closed;
    }
  }

  /** Whether the thread is still running (it may still be draining tasks after close). */
  public boolean isAlive() {
    return thread.isAlive();
  }

  /**
   * Queues a task to run on this thread, after those queued before it.
   *
   * @throws IllegalStateException if this thread was closed
   */
  public <T> Future<T> submit(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    FutureTask<T> future = new FutureTask<>(task);
    synchronized (submitLock) {
      if (closed) {
        throw new IllegalStateException("NetnsThread " + thread.getName() + " is closed");
      }
      queue.add(future);
    }
    return future;
  }

  /**
   * Runs {@code task} on this thread and returns its result. Runs inline when called from this
   * thread itself.
   *
   * @throws RuntimeException what the task threw, unchanged, if unchecked (likewise for errors)
   * @throws NetnsException wrapping what the task threw if it was a checked exception, or if the
   *     calling thread was interrupted while waiting (its interrupt flag is restored, and the
   *     task is cancelled, with an interrupt if it was running)
   * @throws IllegalStateException if this thread was closed
   */
  public <T> T call(Callable<T> task) {
    if (Thread.currentThread() == thread) {
      if (isClosed()) {
        throw new IllegalStateException("NetnsThread " + thread.getName() + " is closed");
      }
      try {
        return task.call();
      } catch (Exception e) {
        throw rethrow(e, thread.getName());
      }
    }
    Future<T> future = submit(task);
    Handoff.awaitBriefly(future, Handoff.CALLER_SPIN_NANOS);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new NetnsException(
          "interrupted while waiting for a task on thread " + thread.getName(), e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause(), thread.getName());
    }
  }

  /**
   * Runs {@code task} on this thread and waits for it; see {@link #call(Callable)}.
   */
  public void run(Runnable task) {
    call(Executors.callable(task));
  }

  /**
   * Ends the thread: tasks queued before run first, then the thread exits. Waits for that, and
   * briefly (at most a second) for the kernel to release the thread, so that a fresh namespace is
   * gone on return unless something else holds it. Does not wait when called from the thread
   * itself (it then ends after the current task), or when the caller is interrupted (the flag is
   * restored and the thread still ends on its own). Idempotent.
   */
  @Override
  public void close() {
    synchronized (submitLock) {
      if (!closed) {
        closed = true;
        queue.add(POISON);
      }
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join();
      // A joined Java thread still needs a moment to leave the kernel; the namespace goes then.
      Path task = Path.of("/proc/self/task/" + nativeThreadId);
      for (int i = 0; i < 1000 && Files.exists(task); i++) {
        Thread.sleep(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "NetnsThread[" + thread.getName() + ", " + target + ", " + netnsId + "]";
  }

  private static RuntimeException rethrow(Throwable cause, String threadName) {
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new NetnsException("task on thread " + threadName + " failed: " + cause, cause);
  }
}
