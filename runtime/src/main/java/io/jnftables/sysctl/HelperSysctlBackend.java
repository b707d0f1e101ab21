package io.jnftables.sysctl;

import io.jnftables.helper.NftHelper;
import io.jnftables.libnft.NftException;
import io.jnftables.libnft.NftResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@code /proc/sys/net} through the privileged helper process, which lives in the
 * client's network namespace: the JVM needs no privileges, and the values are that namespace's.
 *
 * <p>The helper does not trust what it is sent: it checks the path against its own copy of the
 * whitelist (generated from {@link SysctlParameter#all()}), refuses anything outside
 * {@code /proc/sys/net}, {@code ..}, symbolic links and values other than digits (an optional
 * {@code -}, at most one tab), opens one path component at a time with {@code O_NOFOLLOW} and
 * writes in one {@code write}. Writing needs nothing but the CAP_NET_ADMIN the helper keeps.
 *
 * <p>Borrows the helper: {@link #close()} does nothing; closing the helper's owner (the
 * {@code Nftables} client) ends it, after which calls fail with reason {@code FAILED}.
 */
public final class HelperSysctlBackend implements SysctlBackend {
  private static final int ENOENT = 2;
  private static final int EPERM = 1;
  private static final int EACCES = 13;
  private static final int EINVAL = 22;

  private final NftHelper helper;
  private final @Nullable Duration timeout;

  private HelperSysctlBackend(NftHelper helper, @Nullable Duration timeout) {
    this.helper = helper;
    this.timeout = timeout;
  }

  /**
   * A backend over {@code helper}.
   *
   * @param timeout how long one read or write may wait for the helper, or null for no limit
   */
  public static HelperSysctlBackend on(NftHelper helper, @Nullable Duration timeout) {
    return new HelperSysctlBackend(Objects.requireNonNull(helper, "helper"), timeout);
  }

  @Override
  public String read(SysctlParameter.Resolved parameter) {
    Objects.requireNonNull(parameter, "parameter");
    NftResult r = call(parameter.name(), () -> helper.sysctlRead(procSysPath(parameter), timeout));
    if (r.rc() != 0) {
      throw failure(parameter, r, "reading", null);
    }
    return r.output();
  }

  @Override
  public void write(SysctlParameter.Resolved parameter, String canonicalValue) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(canonicalValue, "canonicalValue");
    NftResult r = call(parameter.name(),
        () -> helper.sysctlWrite(procSysPath(parameter), canonicalValue, timeout));
    if (r.rc() != 0) {
      throw failure(parameter, r, "writing", canonicalValue);
    }
  }

  @Override
  public List<String> interfaces(IpVersion version) {
    Objects.requireNonNull(version, "version");
    NftResult r = call(version.directory(), () -> helper.sysctlInterfaces(version.directory(), timeout));
    if (r.rc() != 0) {
      throw new SysctlException(SysctlException.Reason.FAILED, version.directory(),
          "listing the " + version.directory() + " interfaces through the helper failed: " + r.error().strip());
    }
    List<String> names = new ArrayList<>();
    for (String n : r.output().split("\n")) {
      if (!n.isEmpty() && InterfaceNames.problem(n) == null) {
        names.add(n);
      }
    }
    names.sort(null);
    return List.copyOf(names);
  }

  /** Does nothing: the helper belongs to the client that lent it. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "HelperSysctlBackend[" + helper + "]";
  }

  /** The path below /proc/sys that the helper opens, e.g. {@code net/ipv4/ip_forward}. */
  static String procSysPath(SysctlParameter.Resolved p) {
    return "net/" + p.relativePath();
  }

  private interface Call {
    NftResult run();
  }

  private static NftResult call(String name, Call call) {
    try {
      return call.run();
    } catch (NftException e) { // the helper died, timed out, or its owner closed it
      throw new SysctlException(SysctlException.Reason.FAILED, name,
          name + ": the privileged helper failed: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new SysctlException(SysctlException.Reason.FAILED, name, name + ": " + e.getMessage(), e);
    }
  }

  private static SysctlException failure(
      SysctlParameter.Resolved p, NftResult r, String doing, @Nullable String value) {
    String name = p.name();
    String msg = r.error().strip();
    if (r.rc() == NftHelper.RC_REFUSED) {
      // The Java whitelist let it through but the helper's own copy did not: helper of another version?
      SysctlException.Reason reason = msg.contains("value") ? SysctlException.Reason.INVALID_VALUE
          : msg.contains("whitelist") || msg.contains("network parameters")
              ? SysctlException.Reason.NOT_WHITELISTED : SysctlException.Reason.FAILED;
      return new SysctlException(reason, name, doing + " " + name + " was refused by the helper: " + msg);
    }
    if (r.rc() != NftHelper.RC_ERRNO) {
      return new SysctlException(SysctlException.Reason.FAILED, name, doing + " " + name + " failed: " + msg);
    }
    String[] parts = r.output().split(" ");
    int errno;
    try {
      errno = Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      errno = -1;
    }
    boolean readonly = parts.length > 1 && parts[1].equals("readonly");
    SysctlParameter param = p.parameter();
    if (errno == ENOENT) {
      String why = p.whyMissing();
      return new SysctlException(SysctlException.Reason.NOT_PRESENT, name,
          name + " does not exist in the helper's network namespace: " + why);
    }
    if (errno == EACCES && readonly) {
      String why = param.scope() == SysctlParameter.Scope.GLOBAL
          ? ": it is one value for the whole machine, writable only from the initial network namespace"
          : "";
      return new SysctlException(SysctlException.Reason.READ_ONLY, name,
          name + " is read-only in the helper's network namespace" + why);
    }
    if (errno == EACCES || errno == EPERM) {
      return new SysctlException(SysctlException.Reason.PERMISSION_DENIED, name,
          doing + " " + name + " was denied: the helper needs CAP_NET_ADMIN over the network"
              + " namespace (run it as root, or setcap cap_net_admin+ep on it) — " + msg);
    }
    if (errno == EINVAL && value != null) {
      return new SysctlException(SysctlException.Reason.KERNEL_REFUSED, name,
          "the kernel refused " + name + " = " + value.replace('\t', ' ')
              + " (EINVAL), although it is within " + param.type().allowed()
              + "; it depends on other parameters: " + param.description());
    }
    return new SysctlException(SysctlException.Reason.FAILED, name, doing + " " + name + " failed: " + msg);
  }
}
