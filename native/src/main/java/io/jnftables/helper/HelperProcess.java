package io.jnftables.helper;

import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netns.Handoff;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One running {@code jnft-helper} process and the framing that talks to it (see
 * {@code jnft-helper.c} for the protocol).
 *
 * <p>Concurrent callers write their request frames under one lock, each with its own id, and wait
 * for the answer with that id. A caller first polls the pipe for a while and reads answers itself
 * (its own and any other it finds); a reader thread per process reads, blocking, only when callers
 * wait parked, and hands each answer to its caller. A caller that gives up (timeout, interrupt) forgets its id; the late answer is dropped.
 * When the helper dies, the reader fails every call still in flight with a {@link HelperException}
 * that says how it died; the owner ({@link NftHelper}) starts a new process for the next call.
 *
 * <p>A write to the pipe blocks while the helper does not read (it is busy or stopped); a caller
 * with a deadline must not hang there, so a watchdog kills a helper that has not taken a request
 * by the writer's deadline (the write then fails, and the helper is restarted).
 */
final class HelperProcess {
  static final String GREETING = "jnft-helper 3";
  static final int OPT_DRY_RUN = 1;
  /** The operation is in the top byte of a request's options (see jnft-helper.c). */
  static final int OP_SHIFT = 24;
  static final int OP_RUN = 0;
  static final int OP_SYSCTL_READ = 1;
  static final int OP_SYSCTL_WRITE = 2;
  static final int OP_SYSCTL_LIST = 3;
  static final int OP_COMMIT_ARM = 4;
  static final int OP_COMMIT_CONFIRM = 5;
  static final int OP_COMMIT_ROLLBACK = 6;
  static final int OP_COMMIT_STATUS = 7;
  static final int OP_NETLINK = 8;
  static final int RC_REFUSED = -2;
  static final int RC_ERRNO = -3;
  private static final int REQUEST_HEADER = 16;
  /** What a caller is told when its request never reached the helper. */
  static final String NOT_SENT = "the request was not sent to it, so it was not applied";

  private static final Set<HelperProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicLong COUNTER = new AtomicLong();
  private static volatile ScheduledExecutorService watchdog;

  private final Process process;
  private final String name;
  private final OutputStream out;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Map<Long, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final CompletableFuture<Void> greeted = new CompletableFuture<>();
  private final StringBuilder stderrTail = new StringBuilder(); // guarded by itself
  private final Thread stderrThread;
  private volatile long writeDeadline; // System.nanoTime() deadline of the write in progress, 0: none
  private volatile boolean writing;
  private volatile String deathCause; // null while alive
  /** The answer stream; read only by the holder of {@link #readLock}. */
  private final DataInputStream in;
  private final ReentrantLock readLock = new ReentrantLock();
  /** Callers polling the pipe for their own answers; while any does, the reader thread waits. */
  private final AtomicInteger pollers = new AtomicInteger();
  private final Thread reader;
  private final AtomicBoolean dead = new AtomicBoolean();

  /**
   * One answer frame as it came: the output stays bytes (binary for {@link #OP_NETLINK}) until the
   * caller decodes it, so the reader thread does no decoding.
   */
  record Answer(int rc, byte[] output, byte[] error) {
    /** The output and error decoded as UTF-8 (every operation but {@link #OP_NETLINK}). */
    NftResult toResult() {
      return new NftResult(rc, new String(output, StandardCharsets.UTF_8), errorText());
    }

    String errorText() {
      return new String(error, StandardCharsets.UTF_8);
    }
  }

  /** Thrown when a request was not delivered at all: safe to send again to a new helper. */
  static final class NotDelivered extends HelperException {
    private static final long serialVersionUID = 1L;

    NotDelivered(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private HelperProcess(Process process) {
    this.process = process;
    this.name = "jnft-helper[pid " + process.pid() + "]";
    this.out = process.getOutputStream();
    this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    long n = COUNTER.incrementAndGet();
    reader = new Thread(this::readLoop, "jnft-helper-reader-" + n);
    reader.setDaemon(true);
    stderrThread = new Thread(this::drainStderr, "jnft-helper-stderr-" + n);
    stderrThread.setDaemon(true);
    // stderr first: the reader's died() joins stderrThread to quote the helper's last words, and
    // joining a thread not yet started returns at once (a helper that exits fast lost its message).
    stderrThread.start();
    reader.start();
    process.onExit().thenRun(() -> LockSupport.unpark(reader)); // an idle reader reads the EOF
  }

  /**
   * Starts the helper with {@code spawn} (which runs the {@link ProcessBuilder} on the thread
   * whose namespace the child must inherit) and waits for its greeting.
   *
   * @throws HelperException if it cannot be started, refuses to run, or does not greet in time
   */
  static HelperProcess start(Supplier<Process> spawn, Duration startTimeout) {
    HelperProcess helper = new HelperProcess(spawn.get());
    try {
      helper.greeted.get(startTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      helper.kill();
      throw e.getCause() instanceof HelperException he ? he
          : new HelperException(helper.name + " failed to start: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      helper.kill();
      throw new HelperException(helper.name + " did not answer within " + startTimeout
          + " after starting; it was killed. Its stderr: " + helper.stderrTail());
    } catch (InterruptedException e) {
      helper.kill();
      Thread.currentThread().interrupt();
      throw new HelperException("interrupted while " + helper.name + " started; it was killed", e);
    }
    LIVE.add(helper);
    startWatchdog();
    return helper;
  }

  /** {@link #exchange} with the answer decoded as text. */
  NftResult call(byte[] body, int outputFlags, int options, long timeoutNanos, Duration timeout) {
    return exchange(body, outputFlags, options, timeoutNanos, timeout).toResult();
  }

  /**
   * Sends one request and waits for its answer.
   *
   * @param body the request's body (nft commands for {@link #OP_RUN}, binary for others)
   * @param options dry-run bit and operation ({@code op << OP_SHIFT})
   * @param timeoutNanos how long to wait in all, or a negative number to wait as long as it takes
   * @throws NftTimeoutException if no answer came in time (the helper may still run the command)
   * @throws HelperException if the helper died or is dead ({@link NotDelivered} if the request
   *     never reached it)
   */
  Answer exchange(byte[] body, int outputFlags, int options, long timeoutNanos, Duration timeout) {
    long start = System.nanoTime();
    long id = ids.incrementAndGet();
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    pending.put(id, answer);
    if (deathCause != null) { // the reader may have failed everything before we registered
      pending.remove(id);
      throw new NotDelivered(name + " " + deathCause + "; " + NOT_SENT, null);
    }
    ByteBuffer frame = ByteBuffer.allocate(4 + REQUEST_HEADER + body.length);
    frame.putInt(REQUEST_HEADER + body.length).putLong(id).putInt(outputFlags)
        .putInt(options).put(body);
    try {
      send(frame.array(), timeoutNanos < 0 ? 0 : start + timeoutNanos, timeout);
    } catch (RuntimeException e) {
      pending.remove(id);
      throw e;
    }
    readOwnAnswer(answer, timeoutNanos < 0 ? Handoff.CALLER_SPIN_NANOS : Math.min(Handoff.CALLER_SPIN_NANOS, timeoutNanos));
    try {
      if (timeoutNanos < 0) {
        return answer.get();
      }
      long left = timeoutNanos - (System.nanoTime() - start);
      return answer.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.remove(id);
      throw new NftTimeoutException(name, timeout, true);
    } catch (InterruptedException e) {
      pending.remove(id);
      Thread.currentThread().interrupt();
      throw new NftException("interrupted while waiting for " + name
          + "; the command had been sent and may still take effect", e);
    } catch (ExecutionException e) {
      // Thrown anew so that the caller's stack is in it (the reader thread completed the answer).
      if (e.getCause() instanceof HelperException he) {
        throw new HelperException(he.getMessage(), he, he.mayHaveBeenApplied());
      }
      throw e.getCause() instanceof RuntimeException re ? re : new HelperException(name + ": " + e.getCause(), e.getCause());
    }
  }

  private void send(byte[] frame, long deadline, Duration timeout) {
    try {
      if (deadline == 0) {
        writeLock.lockInterruptibly();
      } else if (!writeLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new NftTimeoutException(name, timeout, false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NftException("interrupted while waiting to send to " + name
          + "; the command was not sent", e);
    }
    try {
      writeDeadline = deadline;
      writing = true;
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      if (deathCause == null && writing && deadline != 0 && System.nanoTime() - deadline >= 0) {
        throw new HelperException(name + " did not take the request within " + timeout
            + " and was killed; the request was not completely written, so it was not applied."
            + " A new helper starts with the next call", e, false);
      }
      throw new NotDelivered(name + " cannot be written to (" + e.getMessage() + "); "
          + describeExit() + "; " + NOT_SENT, e);
    } finally {
      writing = false;
      writeDeadline = 0;
      writeLock.unlock();
    }
  }

  /**
   * Polls the pipe for up to {@code spinNanos} and reads answers itself (its own, and any other it
   * finds) until {@code answer} is done; then leaves reading to the reader thread.
   *
   * <p>Why: handing an answer from the reader thread to the caller costs a thread wake-up, which on
   * an idle VM takes longer than the helper's work for a direct element update (~10 µs). While a
   * caller polls, the reader thread does not read; it reads (blocking) when callers wait parked.
   * Only complete headers are read here, so a caller never blocks on an empty pipe.
   */
  private void readOwnAnswer(CompletableFuture<Answer> answer, long spinNanos) {
    if (answer.isDone()) {
      return;
    }
    long end = System.nanoTime() + spinNanos;
    pollers.incrementAndGet();
    try {
      while (!answer.isDone() && System.nanoTime() - end < 0) {
        if (readLock.tryLock()) {
          try {
            while (!answer.isDone() && in.available() >= 4) {
              readFrame();
            }
          } catch (EOFException e) {
            died(null);
          } catch (IOException | RuntimeException e) {
            died(e);
          } finally {
            readLock.unlock();
          }
        }
        Thread.onSpinWait();
      }
    } finally {
      pollers.decrementAndGet();
      if (!answer.isDone()) {
        LockSupport.unpark(reader); // the answer is still to come: the reader thread takes over
      }
    }
  }

  /** Whether the reader thread should read now: nobody else will. */
  private boolean readerShouldRead() {
    return !greeted.isDone() || !process.isAlive() || (!pending.isEmpty() && pollers.get() == 0);
  }

  private void readLoop() {
    try {
      while (!dead.get()) {
        if (!readerShouldRead()) {
          LockSupport.parkNanos(this, 100_000_000L); // woken by callers and by the exit
          continue;
        }
        readLock.lock();
        try {
          if (readerShouldRead() && !dead.get()) {
            readFrame();
          }
        } finally {
          readLock.unlock();
        }
      }
    } catch (EOFException e) {
      died(null);
    } catch (IOException | RuntimeException e) {
      died(e);
    }
  }

  /** Reads one frame and hands it to its caller; only under {@link #readLock}. */
  private void readFrame() throws IOException {
    int len = in.readInt();
    if (len < 16) {
      throw new IOException("malformed answer frame of " + len + " bytes");
    }
    long id = in.readLong();
    int rc = in.readInt();
    int outLen = in.readInt();
    if (outLen < 0 || outLen > len - 16) {
      throw new IOException("malformed answer frame: output length " + outLen + " of " + len);
    }
    byte[] output = new byte[outLen];
    in.readFully(output);
    byte[] error = new byte[len - 16 - outLen];
    in.readFully(error);
    Answer answer = new Answer(rc, output, error);
    if (id == 0) {
      NftResult result = answer.toResult();
      if (GREETING.equals(result.output())) {
        greeted.complete(null);
      } else if (!greeted.isDone() && result.output().startsWith("jnft-helper ")) {
        // an installed helper of another version: its operations differ from ours
        greeted.completeExceptionally(new HelperException(name + " speaks protocol \""
            + result.output() + "\", but this jnftables needs \"" + GREETING + "\": install the"
            + " helper of this jnftables version (or drop -Djnftables.helper to use the bundled one)"));
        process.destroyForcibly();
      } else { // a refusal of a malformed request carries id 0 too; we never send one
        throw new IOException("unexpected frame with id 0: " + result);
      }
      return;
    }
    CompletableFuture<Answer> f = pending.remove(id);
    if (f != null) {
      f.complete(answer); // absent: its caller gave up (timeout); the answer is dropped
    }
  }

  private void died(Throwable cause) {
    if (!dead.compareAndSet(false, true)) {
      return; // the reader thread and a polling caller may both see the end
    }
    LockSupport.unpark(reader);
    if (cause != null && process.isAlive()) {
      process.destroyForcibly(); // a protocol error: this helper cannot be trusted any more
    }
    try {
      process.waitFor(5, TimeUnit.SECONDS);
      stderrThread.join(5000); // ends at the end of stderr, i.e. right after the exit; its text explains the death
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String how = describeExit();
    String err = stderrTail();
    String cause0 = (cause != null ? "broke the protocol (" + cause.getMessage() + ") and " : "")
        + how + (err.isEmpty() ? "" : "; its stderr: " + err);
    deathCause = cause0;
    LIVE.remove(this);
    HelperException startFailure = new HelperException(name + " could not start: " + cause0);
    greeted.completeExceptionally(startFailure);
    List<CompletableFuture<Answer>> inFlight = new ArrayList<>(pending.values());
    pending.clear();
    for (CompletableFuture<Answer> f : inFlight) {
      f.completeExceptionally(new HelperException(name + " " + cause0 + " while " + inFlight.size()
          + " call(s) were in flight; the request had been sent to it, so it may or may not have been"
          + " applied (list the ruleset to know). A new helper starts with the next call.", null, true));
    }
  }

  private String describeExit() {
    if (process.isAlive()) {
      return "is still running";
    }
    int status = process.exitValue();
    if (status > 128 && status < 128 + 65) { // the JDK reports death by signal N as 128 + N
      int sig = status - 128;
      return "was killed by signal " + sig + signalName(sig);
    }
    return "exited with status " + status;
  }

  private static String signalName(int sig) {
    return switch (sig) {
      case 9 -> " (SIGKILL)";
      case 15 -> " (SIGTERM)";
      case 6 -> " (SIGABRT)";
      case 11 -> " (SIGSEGV)";
      default -> "";
    };
  }

  private void drainStderr() {
    byte[] buf = new byte[4096];
    try (InputStream err = process.getErrorStream()) {
      int n;
      while ((n = err.read(buf)) > 0) {
        synchronized (stderrTail) {
          stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          if (stderrTail.length() > 8192) {
            stderrTail.delete(0, stderrTail.length() - 8192);
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    }
  }

  /** The last 8 KiB the helper wrote to stderr, trimmed. */
  String stderrTail() {
    synchronized (stderrTail) {
      return stderrTail.toString().strip();
    }
  }

  /** How the process ended (with its last stderr), or that it still runs. */
  String describeDeath() {
    String cause = deathCause;
    if (cause != null) {
      return cause;
    }
    String err = stderrTail();
    return describeExit() + (err.isEmpty() ? "" : "; its stderr: " + err);
  }

  boolean isAlive() {
    return deathCause == null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  String name() {
    return name;
  }

  void kill() {
    process.destroyForcibly();
  }

  /** Kills the helper and waits (up to {@code max}) until the kernel has reaped it. */
  void killAndWait(Duration max) {
    process.destroyForcibly();
    try {
      process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the helper's input (it exits on end of input), waits briefly, then kills it. */
  void close() {
    LIVE.remove(this);
    try {
      out.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  // A write blocks while the helper does not read; callers with a deadline must not hang there.
  private static void startWatchdog() {
    if (watchdog != null) {
      return;
    }
    synchronized (HelperProcess.class) {
      if (watchdog == null) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "jnft-helper-watchdog");
          t.setDaemon(true);
          return t;
        });
        s.scheduleWithFixedDelay(HelperProcess::checkWrites, 20, 20, TimeUnit.MILLISECONDS);
        watchdog = s;
      }
    }
  }

  private static void checkWrites() {
    long now = System.nanoTime();
    for (HelperProcess h : LIVE) {
      long deadline = h.writeDeadline;
      if (h.writing && deadline != 0 && now - deadline > 0) {
        h.kill();
      }
    }
  }
}
