package io.jnftables.sysctl;

import java.util.List;

/**
 * Where sysctl reads and writes happen, always in one network namespace: in this process
 * ({@link ProcSysctlBackend}, on a thread inside the namespace), or in the privileged helper
 * process, or a fake in tests.
 *
 * <p>{@link Sysctl} has validated everything before a backend is called: a
 * {@link SysctlParameter.Resolved} comes only from the whitelist, and a value passed to
 * {@link #write} is the canonical text of the parameter's type (ASCII digits, an optional
 * {@code -}, at most one tab). A backend that crosses a trust boundary (a helper process) should
 * still check again on its side: the relative path against its own whitelist, opened beneath
 * {@code /proc/sys/net} without following symbolic links.
 *
 * <p>Failures are {@link SysctlException}s with reason {@link SysctlException.Reason#NOT_PRESENT},
 * {@link SysctlException.Reason#READ_ONLY}, {@link SysctlException.Reason#PERMISSION_DENIED},
 * {@link SysctlException.Reason#KERNEL_REFUSED} or {@link SysctlException.Reason#FAILED}.
 */
public interface SysctlBackend extends AutoCloseable {

  /**
   * The parameter's current value as the kernel prints it, without the trailing newline (the
   * kernel separates the fields of a range with a tab).
   */
  String read(SysctlParameter.Resolved parameter);

  /** Writes the value (the kernel gets it followed by a newline, in one {@code write}). */
  void write(SysctlParameter.Resolved parameter, String canonicalValue);

  /**
   * The interfaces that have a {@code /proc/sys/net/<version>/conf/<if>} directory in this
   * namespace, sorted, without {@code all} and {@code default}; empty if that protocol is absent
   * (IPv6 disabled at boot). Names the kernel allows but the whitelist does not (non-ASCII) are
   * left out.
   */
  List<String> interfaces(IpVersion version);

  /** Releases the backend (its thread, its helper process). Idempotent. */
  @Override
  void close();
}
