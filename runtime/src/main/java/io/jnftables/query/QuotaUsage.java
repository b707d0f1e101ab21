package io.jnftables.query;

import io.jnftables.annotations.Family;

/**
 * A named quota and how much of it is used: {@code bytes} is the quota, {@code used} what passed.
 * An {@code over} quota matches once {@code used} exceeds {@code bytes}; a plain one until then.
 */
public record QuotaUsage(Family family, String table, String name, long bytes, long used, boolean over) {
  /** Bytes left before the quota is reached (0 once it is). */
  public long remaining() {
    return Math.max(0, bytes - used);
  }

  /** Whether more than {@code bytes} have passed. */
  public boolean exceeded() {
    return used > bytes;
  }
}
