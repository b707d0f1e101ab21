package io.jnftables.sysctl;

import io.jnftables.netns.NetnsTarget;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes whitelisted network parameters ({@code /proc/sys/net}) of one network
 * namespace. The counterpart of the seed library's {@code NFTables.Sysctl}.
 *
 * <pre>{@code
 * try (Sysctl sysctl = Sysctl.open(NetnsTarget.fresh())) {
 *   sysctl.set("net.ipv4.ip_forward", true);
 *   String v = sysctl.get("net.ipv4.ip_forward");          // "1"
 *   sysctl.set("net.ipv4.conf.lo.rp_filter", 2);
 *   sysctl.network().harden();
 * }
 * }</pre>
 *
 * <p>Every name goes through the whitelist ({@link SysctlParameter#resolve(String)}) and every
 * value through the parameter's {@link SysctlType} before the backend is called: a refused name or
 * value throws a {@link SysctlException} and nothing is opened or written. Reads are limited to
 * the whitelist too.
 *
 * <p>Thread-safe when its backend is (the in-process one is). After {@link #close()}, the
 * in-process backend throws {@link IllegalStateException}.
 */
public final class Sysctl implements AutoCloseable {
  private final SysctlBackend backend;

  private Sysctl(SysctlBackend backend) {
    this.backend = backend;
  }

  /**
   * A client working in {@code target}'s network namespace, in this process (see
   * {@link ProcSysctlBackend}). {@link NetnsTarget#fresh()} gives a private namespace that
   * disappears on {@link #close()}.
   *
   * @throws io.jnftables.netns.NetnsException if the namespace cannot be entered
   */
  public static Sysctl open(NetnsTarget target) {
    return new Sysctl(ProcSysctlBackend.open(target));
  }

  /**
   * A client working in the namespace of the calling thread, normally the machine's own: its
   * writes change the host.
   */
  public static Sysctl open() {
    return open(NetnsTarget.current());
  }

  /** A client over any backend: the privileged helper, or a fake in tests. */
  public static Sysctl using(SysctlBackend backend) {
    return new Sysctl(Objects.requireNonNull(backend, "backend"));
  }

  /** The backend this client uses. */
  public SysctlBackend backend() {
    return backend;
  }

  /**
   * The current value as the kernel prints it, without the trailing newline; the two ports of
   * {@code net.ipv4.ip_local_port_range} are separated by a tab.
   *
   * @throws SysctlException if the name is refused ({@code INVALID_NAME}, {@code NOT_WHITELISTED})
   *     or the parameter does not exist in this namespace ({@code NOT_PRESENT})
   */
  public String get(String name) {
    return backend.read(SysctlParameter.resolve(name));
  }

  /**
   * The current value as an integer.
   *
   * @throws SysctlException as {@link #get(String)}, or {@code FAILED} if the value is not a
   *     single integer (a port range)
   */
  public int getInt(String name) {
    String v = get(name);
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new SysctlException(
          SysctlException.Reason.FAILED, name, name + " is \"" + v + "\", not an integer", e);
    }
  }

  /**
   * Whether the value is not {@code 0}: for booleans, whether the switch is on.
   *
   * @throws SysctlException as {@link #getInt(String)}
   */
  public boolean getBoolean(String name) {
    return getInt(name) != 0;
  }

  /**
   * Writes {@code value} after checking it against the parameter's type; what is written is the
   * canonical form ({@code " 01\n"} is written as {@code 1}).
   *
   * @throws SysctlException {@code INVALID_NAME}, {@code NOT_WHITELISTED} or {@code INVALID_VALUE}
   *     with nothing written; {@code NOT_PRESENT}, {@code READ_ONLY}, {@code PERMISSION_DENIED} or
   *     {@code KERNEL_REFUSED} from the kernel
   */
  public void set(String name, String value) {
    SysctlParameter.Resolved p = SysctlParameter.resolve(name);
    String canonical = p.normalize(value);
    backend.write(p, canonical);
  }

  /** Writes {@code 1} or {@code 0}; see {@link #set(String, String)}. */
  public void set(String name, boolean value) {
    set(name, value ? "1" : "0");
  }

  /** Writes the integer; see {@link #set(String, String)}. */
  public void set(String name, int value) {
    set(name, Integer.toString(value));
  }

  /**
   * Whether the parameter exists in this namespace (it may be whitelisted and still absent:
   * {@code net.nf_conntrack_max} outside the initial namespace, an interface that does not exist).
   *
   * @throws SysctlException if the name is refused
   */
  public boolean isPresent(String name) {
    try {
      get(name);
      return true;
    } catch (SysctlException e) {
      if (e.reason() == SysctlException.Reason.NOT_PRESENT) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Every concrete whitelisted parameter that exists in this namespace, with its value, in the
   * order of {@link SysctlParameter#concrete()}. Per-interface parameters other than {@code all}
   * and {@code default} are not included.
   */
  public Map<String, String> getAll() {
    Map<String, String> values = new LinkedHashMap<>();
    for (SysctlParameter p : SysctlParameter.concrete()) {
      try {
        values.put(p.name(), backend.read(p.resolved()));
      } catch (SysctlException e) {
        if (e.reason() != SysctlException.Reason.NOT_PRESENT) {
          throw e;
        }
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * The interfaces of this namespace that have IPv4 or IPv6 settings, sorted, without {@code all}
   * and {@code default}.
   */
  public List<String> interfaces(IpVersion version) {
    return backend.interfaces(Objects.requireNonNull(version, "version"));
  }

  /** The seed's {@code Sysctl.Network} helpers, working through this client. */
  public NetworkSysctl network() {
    return new NetworkSysctl(this);
  }

  /** Closes the backend (with a fresh namespace, the namespace goes away). */
  @Override
  public void close() {
    backend.close();
  }

  @Override
  public String toString() {
    return "Sysctl[" + backend + "]";
  }
}
