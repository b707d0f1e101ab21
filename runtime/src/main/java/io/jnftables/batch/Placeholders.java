package io.jnftables.batch;

import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;
import io.jnftables.validate.IpPrefix;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Java values for the {@code $name} placeholders of generated rules ({@code @Rule("ip saddr $source
 * accept")}): each method gives the model value the rule parser gives for the same value written
 * in the rule text, after checking it fits where the placeholder stands. The annotation processor
 * checks at compile time that its parser and these methods agree for every placeholder; generated
 * code calls them at run time. Every failure is an {@link InvalidValueException} naming the
 * placeholder.
 */
public final class Placeholders {
  private Placeholders() {}

  /** An IPv4 address, as nft lists it: {@code 192.0.2.1}. */
  public static Expression ipv4(InetAddress address, String what) {
    if (!(Objects.requireNonNull(address, what) instanceof Inet4Address)) {
      throw new InvalidValueException(what, address.getHostAddress(), "an IPv4 address is expected here");
    }
    return new StringLiteral(IpAddress.ofBytes(address.getAddress()).toString());
  }

  /** An IPv6 address, in canonical text: {@code 2001:db8::1}. */
  public static Expression ipv6(InetAddress address, String what) {
    if (!(Objects.requireNonNull(address, what) instanceof Inet6Address)) {
      throw new InvalidValueException(what, address.getHostAddress(), "an IPv6 address is expected here");
    }
    return new StringLiteral(IpAddress.ofBytes(address.getAddress()).toString());
  }

  public static Expression ipv4(IpAddress address, String what) {
    if (Objects.requireNonNull(address, what).isIpv6()) {
      throw new InvalidValueException(what, address, "an IPv4 address is expected here");
    }
    return new StringLiteral(address.toString());
  }

  public static Expression ipv6(IpAddress address, String what) {
    if (!Objects.requireNonNull(address, what).isIpv6()) {
      throw new InvalidValueException(what, address, "an IPv6 address is expected here");
    }
    return new StringLiteral(address.toString());
  }

  /**
   * An IPv4 prefix, reduced to its network ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}); a /32 is
   * the plain address, as nft lists it.
   */
  public static Expression prefix4(IpPrefix prefix, String what) {
    if (Objects.requireNonNull(prefix, what).address().isIpv6()) {
      throw new InvalidValueException(what, prefix, "an IPv4 prefix is expected here");
    }
    return prefix(prefix);
  }

  /** An IPv6 prefix, reduced to its network; a /128 is the plain address. */
  public static Expression prefix6(IpPrefix prefix, String what) {
    if (!Objects.requireNonNull(prefix, what).address().isIpv6()) {
      throw new InvalidValueException(what, prefix, "an IPv6 prefix is expected here");
    }
    return prefix(prefix);
  }

  private static Expression prefix(IpPrefix p) {
    IpAddress network = p.address().network(p.length());
    if (p.isHost()) {
      return new StringLiteral(network.toString());
    }
    return new PrefixExpr(new StringLiteral(network.toString()), p.length());
  }

  /** A number in {@code 0..max}. */
  public static Expression number(long value, long max, String what) {
    return new NumberLiteral(checkNumber(value, max, what));
  }

  /** {@code value}, checked to be in {@code 0..max}. */
  public static long checkNumber(long value, long max, String what) {
    if (value < 0 || value > max) {
      throw new InvalidValueException(what, value, "outside 0.." + max);
    }
    return value;
  }

  /** A quoted string of at most {@code maxLength} characters. */
  public static Expression string(String value, int maxLength, String what) {
    return new StringLiteral(checkString(value, maxLength, what));
  }

  /** {@code value}, checked to be at most {@code maxLength} characters of printable ASCII or more. */
  public static String checkString(String value, int maxLength, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.length() > maxLength) {
      throw new InvalidValueException(what, value, "1.." + maxLength + " characters are expected here");
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < 0x20 || value.charAt(i) == '"') {
        throw new InvalidValueException(what, value, "control characters and quotes cannot be written here");
      }
    }
    return value;
  }

  /** An anonymous set {@code { a, b, … }} of at least one value, each converted by {@code each}. */
  public static <T> Expression set(Collection<? extends T> values, Function<? super T, Expression> each, String what) {
    Objects.requireNonNull(values, what);
    if (values.isEmpty()) {
      throw new InvalidValueException(what, values, "an anonymous set needs at least one element");
    }
    List<Expression> out = new ArrayList<>(values.size());
    for (T v : values) {
      Expression e = each.apply(Objects.requireNonNull(v, what));
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return new SetExpr(out);
  }
}
