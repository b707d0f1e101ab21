package io.jnftables.processor.model;

import java.util.Objects;

/**
 * The Java types a {@code $name} placeholder takes: one value, or a collection of values (an
 * anonymous set {@code { a, b }}).
 *
 * @param scalar the value type (the element type of a collection)
 * @param collection whether the parameter is a {@code Set}, {@code List} or {@code Collection}
 */
public record ParamType(Scalar scalar, boolean collection) {
  public ParamType {
    Objects.requireNonNull(scalar, "scalar");
  }

  /** Value types, by what they fill. */
  public enum Scalar {
    /** {@code int}, {@code Integer}, {@code short}, {@code Short}: a number. */
    INT,
    /** {@code long}, {@code Long}: a number. */
    LONG,
    /** {@code String}: a quoted string (interface names, log prefixes, …). */
    STRING,
    /** {@code java.net.Inet4Address}. */
    INET4ADDRESS,
    /** {@code java.net.Inet6Address}. */
    INET6ADDRESS,
    /** {@code java.net.InetAddress}: IPv4 or IPv6, whichever the placeholder's position takes. */
    INETADDRESS,
    /** {@code io.jnftables.validate.IpAddress}: IPv4 or IPv6, whichever the position takes. */
    IPADDRESS,
    /** {@code io.jnftables.validate.IpPrefix}: an IPv4 or IPv6 prefix. */
    IPPREFIX
  }
}
