package io.jnftables.sysctl;

import java.util.Objects;

/**
 * A sysctl read or write was refused or failed. The message names the parameter and says what is
 * allowed or what to do; {@link #reason()} classifies it for programs.
 *
 * <p>For {@link Reason#INVALID_NAME}, {@link Reason#NOT_WHITELISTED} and
 * {@link Reason#INVALID_VALUE} nothing was opened, let alone written.
 */
public class SysctlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request was refused or failed. */
  public enum Reason {
    /**
     * The name is malformed: empty, contains {@code /} or NUL, is not under {@code net.}, or names
     * an invalid interface. Refused before any lookup.
     */
    INVALID_NAME,
    /** The name is well formed but not in the whitelist ({@link SysctlParameter#all()}). */
    NOT_WHITELISTED,
    /** The value does not fit the parameter's {@link SysctlType}. Nothing was written. */
    INVALID_VALUE,
    /**
     * The parameter does not exist in this network namespace (e.g. {@code net.nf_conntrack_max}
     * outside the initial namespace, an interface that does not exist, IPv6 disabled).
     */
    NOT_PRESENT,
    /**
     * The parameter is read-only here, e.g. {@code net.netfilter.nf_conntrack_max} outside the
     * initial network namespace (one value for the whole machine).
     */
    READ_ONLY,
    /** The process lacks CAP_NET_ADMIN over the namespace. */
    PERMISSION_DENIED,
    /**
     * The kernel refused a value our type accepted, because of a rule that depends on other
     * parameters (e.g. {@code net.ipv4.ip_local_port_range} below
     * {@code net.ipv4.ip_unprivileged_port_start}).
     */
    KERNEL_REFUSED,
    /** Any other failure of the backend (I/O error, helper gone, interrupted). */
    FAILED
  }

  private final Reason reason;
  private final String parameter;

  /**
   * Creates the exception.
   *
   * @param reason the classification
   * @param parameter the parameter name as the caller gave it (may be malformed)
   * @param message the full message, naming the parameter and what to do
   */
  public SysctlException(Reason reason, String parameter, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.parameter = Objects.requireNonNull(parameter, "parameter");
  }

  /** Same, with the underlying cause. */
  public SysctlException(Reason reason, String parameter, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.parameter = Objects.requireNonNull(parameter, "parameter");
  }

  /** Why the request was refused or failed. */
  public Reason reason() {
    return reason;
  }

  /** The parameter name as the caller gave it. */
  public String parameter() {
    return parameter;
  }
}
