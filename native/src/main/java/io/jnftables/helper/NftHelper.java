package io.jnftables.helper;

import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netlink.HelperNetlinkTransport;
import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * libnftables in a privileged helper process ({@code jnft-helper}) bound to one network namespace:
 * the out-of-process counterpart of {@link io.jnftables.libnft.NftContext}, with the same
 * {@code run} methods.
 *
 * <p>Why a process: the JVM needs no privileges (the helper keeps CAP_NET_ADMIN and nothing else),
 * libnftables' process-global state and its {@code exit()} on netlink failures stay out of the JVM,
 * and helpers for different namespaces run in parallel (in-process calls share one lock).
 *
 * <p>Namespace: the helper is spawned from a {@link NetnsThread} that this object keeps, so it
 * inherits that thread's namespace; for a {@link NetnsTarget#fresh() fresh} target the thread
 * created the namespace, which lives as long as this object (a restarted helper finds the same
 * ruleset). For {@link NetnsTarget#named named} and {@link NetnsTarget#ofPid pid} targets the
 * helper enters the namespace itself ({@code --netns PATH}), so the JVM needs no CAP_SYS_ADMIN for
 * them.
 *
 * <p>Thread-safe. If the helper dies, the calls in flight fail with a {@link HelperException}
 * saying how it died and whether the request may have been applied
 * ({@link HelperException#mayHaveBeenApplied()}: true once it was sent, false if it never reached a
 * helper), and the next call starts a new helper. A request that did not reach a dead helper is
 * sent once more, to a new one. Close it to end the helper and the thread.
 */
public final class NftHelper implements AutoCloseable {
  /** How long a starting helper may take to greet. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  /** {@code rc} of a request the helper refused (bad path, value or state, over 10 MiB). */
  public static final int RC_REFUSED = HelperProcess.RC_REFUSED;
  /** {@code rc} when a system call failed; the output starts with the errno number. */
  public static final int RC_ERRNO = HelperProcess.RC_ERRNO;
  private static final AtomicLong COMMIT_IDS = new AtomicLong();

  private final NetnsTarget target;
  private final Path executable;
  private final NetnsThread spawner;
  private final Object lock = new Object();
  private volatile HelperProcess current; // written under lock
  private volatile NfnetlinkTransport netlinkTransport; // created on first use
  private int starts; // guarded by lock
  private boolean closed; // guarded by lock

  private NftHelper(NetnsTarget target, Path executable, NetnsThread spawner) {
    this.target = target;
    this.executable = executable;
    this.spawner = spawner;
  }

  /** Starts the {@linkplain HelperBinary#locate() configured or bundled} helper in {@code target}. */
  public static NftHelper start(NetnsTarget target) {
    return start(target, HelperBinary.locate());
  }

  /**
   * Starts the helper at {@code executable} in {@code target} and waits for its greeting.
   *
   * @throws HelperException if it cannot be started or refuses to run (e.g. its mode grants
   *     "other" any permission: the message says {@code chmod o-rwx})
   * @throws io.jnftables.netns.NetnsException if a fresh namespace cannot be created
   */
  public static NftHelper start(NetnsTarget target, Path executable) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(executable, "executable");
    NetnsTarget spawnIn = target instanceof NetnsTarget.Fresh ? target : NetnsTarget.current();
    NetnsThread spawner = NetnsThread.start(spawnIn, "jnft-helper-spawner");
    NftHelper helper = new NftHelper(target, executable, spawner);
    try {
      helper.process();
    } catch (RuntimeException | Error e) {
      spawner.close();
      throw e;
    }
    return helper;
  }

  /** Like {@link io.jnftables.libnft.NftContext#run(String, int, boolean)}; waits as long as it takes. */
  public NftResult run(String commands, int outputFlags, boolean dryRun) {
    return run(commands, outputFlags, dryRun, -1, null);
  }

  /**
   * Runs {@code commands} in the helper: nft text, or libnftables JSON with
   * {@link io.jnftables.libnft.OutputFlags#JSON}. A result's {@code rc} is 0 on success, -1 when
   * nft rejected the commands and -2 when the helper refused the request (over 10 MiB).
   *
   * @throws NftTimeoutException if no answer came within {@code timeout}; the helper may still run
   *     the command (it runs one at a time; later calls queue behind it)
   * @throws HelperException if the helper died during the call or could not be started (the next
   *     call starts a new one); {@link HelperException#mayHaveBeenApplied()} says whether the
   *     commands may have taken effect
   * @throws IllegalArgumentException if {@code commands} contains a NUL character
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

  private NftResult run(String commands, int flags, boolean dryRun, long nanos, Duration timeout) {
    return call(HelperProcess.OP_RUN, utf8(commands), flags,
        dryRun ? HelperProcess.OPT_DRY_RUN : 0, nanos, timeout).result();
  }

  /** An answer and the helper process that gave it (a commit stays with the process that armed it). */
  private record Reply(HelperProcess process, HelperProcess.Answer answer) {
    NftResult result() {
      return answer.toResult();
    }
  }

  private Reply call(int op, byte[] body, int flags, int options, long nanos, Duration timeout) {
    int opts = options | (op << HelperProcess.OP_SHIFT);
    long start = System.nanoTime();
    HelperProcess p = started();
    try {
      return new Reply(p, p.exchange(body, flags, opts, nanos, timeout));
    } catch (HelperProcess.NotDelivered e) {
      // The helper died (or is dying) before taking the request: sending it to a new one is safe.
      // A helper the watchdog just killed may not be reaped yet and still look alive: finish it
      // off and wait for it, or process() would hand the same dead helper back. If the new one is
      // gone too, its NotDelivered says so (not applied).
      p.killAndWait(Duration.ofSeconds(2));
      long left = nanos < 0 ? -1 : Math.max(0, nanos - (System.nanoTime() - start));
      HelperProcess q = started();
      return new Reply(q, q.exchange(body, flags, opts, left, timeout));
    }
  }

  /**
   * The running helper, or a new one. A helper that fails to start (killed while starting, say)
   * never saw the request: the caller is told that it was not applied.
   */
  private HelperProcess started() {
    try {
      return process();
    } catch (HelperException e) {
      throw new HelperException(e.getMessage() + "; the request was not sent, so it was not applied."
          + " The next call starts a new helper", e, false);
    }
  }

  private static long nanos(Duration timeout) {
    if (timeout == null) {
      return -1;
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  // ------------------------------------------------------------------ sysctl

  /**
   * Reads {@code /proc/sys/PATH} in the helper's namespace. The helper checks {@code path} against
   * its own whitelist (it trusts nothing the JVM sends) and opens it without following links.
   *
   * @param path below {@code /proc/sys}, e.g. {@code net/ipv4/ip_forward}
   * @return rc 0 with the value (without its newline); {@link #RC_REFUSED} when the helper refused
   *     the path; {@link #RC_ERRNO} with output {@code "ERRNO"} when a system call failed
   */
  public NftResult sysctlRead(String path, Duration timeout) {
    return call(HelperProcess.OP_SYSCTL_READ, utf8(path), 0, 0, nanos(timeout), timeout).result();
  }

  /**
   * Writes {@code value} and a newline to {@code /proc/sys/PATH} in one {@code write}. The helper
   * refuses paths outside its whitelist and values other than {@code -?[0-9]{1,10}} (optionally a
   * tab and {@code [0-9]{1,5}}).
   *
   * @return as {@link #sysctlRead}; for {@link #RC_ERRNO} the output is {@code "ERRNO readonly"}
   *     when the file grants nobody write access in this namespace
   */
  public NftResult sysctlWrite(String path, String value, Duration timeout) {
    if (path.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a sysctl path cannot contain a newline");
    }
    return call(HelperProcess.OP_SYSCTL_WRITE, utf8(path + "\n" + value), 0, 0, nanos(timeout),
        timeout).result();
  }

  /**
   * The interfaces below {@code /proc/sys/net/<version>/conf} (without {@code all} and
   * {@code default}), one per line; empty when that protocol is absent.
   *
   * @param version {@code ipv4} or {@code ipv6}
   */
  public NftResult sysctlInterfaces(String version, Duration timeout) {
    return call(HelperProcess.OP_SYSCTL_LIST, utf8(version), 0, 0, nanos(timeout), timeout).result();
  }

  // ------------------------------------------------------------------ netlink relay

  /**
   * Relays raw nf_tables netlink messages to the kernel in the helper's namespace: one
   * {@code sendmsg}, then the answers (the exchange rule of {@link NfnetlinkTransport}). The helper
   * relays only set element updates and the lookups they need: either one batch (batch begin, one
   * or more {@code NEWSETELEM}/{@code DELSETELEM}, batch end) or single {@code GETSET} and
   * {@code GETGEN} requests, and the {@code GETTABLE} dump (tables' names and flags; no other
   * dumps); it refuses anything else without sending it. This skips libnftables, which rebuilds
   * its whole cache on every command.
   *
   * @param messages netlink messages back to back, headers in host byte order, each with
   *     {@code NLM_F_REQUEST}; give each a distinct sequence number
   * @param timeout how long to wait for the helper's answer, or null: as long as it takes (the
   *     helper itself waits at most 5 s for the kernel)
   * @return the answers ({@code rc} 0), or why nothing or not everything could be done
   *     ({@link #RC_REFUSED}: nothing was sent; {@link #RC_ERRNO}: see
   *     {@link NetlinkReply#failedCall()})
   * @throws NftTimeoutException if no answer came within {@code timeout}
   * @throws HelperException if the helper died during the call (the next call starts a new one)
   */
  public NetlinkReply netlink(byte[] messages, Duration timeout) {
    Objects.requireNonNull(messages, "messages");
    HelperProcess.Answer a = call(HelperProcess.OP_NETLINK, messages, 0, 0, nanos(timeout), timeout)
        .answer();
    return new NetlinkReply(a.rc(), a.output(), a.errorText());
  }

  /**
   * This helper as an {@link NfnetlinkTransport} (see {@link HelperNetlinkTransport} for how
   * answers and failures map); one instance per helper.
   */
  public NfnetlinkTransport netlinkTransport() {
    NfnetlinkTransport t = netlinkTransport;
    if (t == null) {
      synchronized (lock) {
        t = netlinkTransport;
        if (t == null) {
          t = new HelperNetlinkTransport(this);
          netlinkTransport = t;
        }
      }
    }
    return t;
  }

  // ------------------------------------------------------------------ commit-confirmed

  /**
   * Runs {@code apply} and, only if it succeeded, arms the helper's rollback timer: unless
   * {@link HelperCommit#confirm confirmed} within {@code timeout}, the helper runs {@code rollback}
   * itself — also when the JVM dies or closes the helper first (then at once). One commit per
   * helper at a time.
   *
   * @param apply nft text or JSON run now, with {@code applyFlags}
   * @param rollback what the helper runs if the commit is not confirmed, with {@code rollbackFlags}
   * @param callTimeout how long to wait for the answer, or null
   * @return the commit; {@link HelperCommit#applied()} says whether {@code apply} succeeded (if
   *     not, nothing was armed)
   */
  public HelperCommit arm(String apply, int applyFlags, String rollback, int rollbackFlags,
      Duration timeout, Duration callTimeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.toMillis() > 0xffff_ffffL) {
      throw new IllegalArgumentException("commit timeout out of range: " + timeout);
    }
    byte[] a = utf8(apply);
    byte[] r = utf8(rollback);
    long id = COMMIT_IDS.incrementAndGet();
    ByteBuffer body = ByteBuffer.allocate(20 + a.length + r.length);
    body.putLong(id).putInt((int) timeout.toMillis()).putInt(rollbackFlags).putInt(a.length).put(a).put(r);
    Reply reply = call(HelperProcess.OP_COMMIT_ARM, body.array(), applyFlags, 0, nanos(callTimeout), callTimeout);
    return new HelperCommit(this, reply.process(), id, reply.result());
  }

  /** A commit operation sent to the process that armed it: never to a restarted helper. */
  NftResult commitOp(HelperProcess p, int op, long commitId, Duration timeout) {
    byte[] body = ByteBuffer.allocate(8).putLong(commitId).array();
    return p.call(body, 0, op << HelperProcess.OP_SHIFT, nanos(timeout), timeout);
  }

  private HelperProcess process() {
    HelperProcess p = current;
    if (p != null && p.isAlive()) {
      return p;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("helper for " + target + " is closed");
      }
      p = current;
      if (p == null || !p.isAlive()) {
        if (p != null) {
          p.close();
        }
        p = HelperProcess.start(this::spawn, START_TIMEOUT);
        starts++;
        current = p;
      }
      return p;
    }
  }

  /** Runs on the caller's thread; the process is created on the spawner thread. */
  private Process spawn() {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    if (target instanceof NetnsTarget.Named n) {
      cmd.add("--netns");
      cmd.add(n.path().toString());
    } else if (target instanceof NetnsTarget.Pid p) {
      cmd.add("--netns");
      cmd.add(p.path().toString());
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    try {
      return spawner.call(pb::start); // the child inherits the spawning thread's namespace
    } catch (UncheckedIOException | NftException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable c = e.getCause() != null ? e.getCause() : e;
      if (c instanceof IOException io) {
        throw new HelperException("cannot execute " + executable + ": " + io.getMessage()
            + " (is it executable for this user, and not on a noexec mount? See "
            + HelperBinary.class.getSimpleName() + ")", io);
      }
      throw e;
    }
  }

  private static byte[] utf8(String commands) {
    Objects.requireNonNull(commands, "commands");
    if (commands.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("request contains a NUL character");
    }
    return commands.getBytes(StandardCharsets.UTF_8);
  }

  /** The pid of the running helper (starting one if the last one died). */
  public long pid() {
    return process().pid();
  }

  /** How many helper processes this object has started: 1 plus the restarts. */
  public int starts() {
    synchronized (lock) {
      return starts;
    }
  }

  /** What the current helper wrote to stderr lately (warnings, e.g. a missing CAP_NET_ADMIN). */
  public String stderr() {
    HelperProcess p = current;
    return p == null ? "" : p.stderrTail();
  }

  /** The namespace this helper was started for. */
  public NetnsTarget target() {
    return target;
  }

  /** The executable that is run. */
  public Path executable() {
    return executable;
  }

  /**
   * A path that other processes can use to enter the helper's namespace ({@code nsenter
   * --net=PATH}): the spawner thread's for current and fresh targets, the target's own path for
   * named and pid ones.
   */
  public Path netnsPath() {
    if (target instanceof NetnsTarget.Named n) {
      return n.path();
    }
    if (target instanceof NetnsTarget.Pid p) {
      return p.path();
    }
    return spawner.netnsPath();
  }

  /** Ends the helper (closing its input; killing it if it does not exit) and its thread. Idempotent. */
  @Override
  public void close() {
    HelperProcess p;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      p = current;
      current = null;
    }
    if (p != null) {
      p.close();
    }
    spawner.close();
  }

  @Override
  public String toString() {
    HelperProcess p = current;
    return "NftHelper[" + target + ", " + (p == null ? "not running" : p.name()) + "]";
  }
}
