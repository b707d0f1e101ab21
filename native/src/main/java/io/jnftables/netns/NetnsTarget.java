package io.jnftables.netns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which network namespace a {@link NetnsThread} (and so a libnftables context) lives in.
 *
 * <p>A value, not a handle: nothing is opened until a thread enters it. Kept apart from the
 * thread so that callers can say where a firewall lives (tests in a {@link #fresh()} namespace,
 * production in {@link #current()}, a container via {@link #ofPid(long)}) without touching
 * native code.
 */
public sealed interface NetnsTarget {

  /**
   * The namespace of the thread that starts the {@link NetnsThread}: a new thread inherits it,
   * nothing is entered.
   */
  static NetnsTarget current() {
    return Current.INSTANCE;
  }

  /**
   * A new, empty network namespace, private to the thread ({@code unshare(CLONE_NEWNET)}). It
   * disappears when the thread ends and nothing else (such as a netlink socket) holds it. Only
   * {@code lo} exists in it, and it is DOWN.
   */
  static NetnsTarget fresh() {
    return Fresh.INSTANCE;
  }

  /**
   * A namespace created with {@code ip netns add NAME}: {@code /var/run/netns/NAME}.
   *
   * @throws IllegalArgumentException if the name is empty, {@code .} or {@code ..}, contains
   *     {@code /} or a NUL character, or is longer than 255 bytes (the rules of {@code ip netns})
   */
  static NetnsTarget named(String name) {
    return new Named(name);
  }

  /**
   * The network namespace of process {@code pid}: {@code /proc/PID/ns/net}, e.g. a container's.
   *
   * @throws IllegalArgumentException if {@code pid <= 0}
   */
  static NetnsTarget ofPid(long pid) {
    return new Pid(pid);
  }

  /** See {@link NetnsTarget#current()}. */
  enum Current implements NetnsTarget {
    INSTANCE;

    @Override
    public String toString() {
      return "NetnsTarget.current()";
    }
  }

  /** See {@link NetnsTarget#fresh()}. */
  enum Fresh implements NetnsTarget {
    INSTANCE;

    @Override
    public String toString() {
      return "NetnsTarget.fresh()";
    }
  }

  /**
   * See {@link NetnsTarget#named(String)}.
   *
   * @param name the name given to {@code ip netns add}
   */
  record Named(String name) implements NetnsTarget {
    /** Directory where {@code ip netns add} bind-mounts named namespaces. */
    public static final Path NETNS_RUN_DIR = Path.of("/var/run/netns");

    /** Validates the name like {@code ip netns} does, so that it cannot escape the directory. */
    public Named {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("network namespace name must not be empty");
      }
      if (name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("invalid network namespace name: \"" + name + "\"");
      }
      if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "network namespace name must not contain '/' or NUL: \"" + name + "\"");
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
        throw new IllegalArgumentException("network namespace name longer than 255 bytes");
      }
    }

    /** {@code /var/run/netns/NAME}. */
    public Path path() {
      return NETNS_RUN_DIR.resolve(name);
    }
  }

  /**
   * See {@link NetnsTarget#ofPid(long)}.
   *
   * @param pid the process id
   */
  record Pid(long pid) implements NetnsTarget {
    /** Rejects non-positive pids. */
    public Pid {
      if (pid <= 0) {
        throw new IllegalArgumentException("pid must be positive: " + pid);
      }
    }

    /** {@code /proc/PID/ns/net}. */
    public Path path() {
      return Path.of("/proc", Long.toString(pid), "ns", "net");
    }
  }
}
