package io.jnftables.validate;

import java.util.Objects;

/** An address and a prefix length: {@code 10.0.0.0/8}. The address has no bits set after the prefix. */
public record IpPrefix(IpAddress address, int length) {
  public IpPrefix {
    Objects.requireNonNull(address, "address");
    if (length < 0 || length > address.bits()) {
      throw new InvalidValueException("prefix length", length, "outside 0.." + address.bits());
    }
  }

  /** A single host: /32 or /128. */
  public boolean isHost() {
    return length == address.bits();
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
