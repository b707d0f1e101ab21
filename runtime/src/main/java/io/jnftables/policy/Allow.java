package io.jnftables.policy;

import io.jnftables.dsl.Per;
import io.jnftables.validate.Validate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of an allow rule (the seed's {@code rate_limit:} and {@code log:}), immutable:
 * {@code Allow.defaults().rateLimit(10, Per.MINUTE).log()}. Every value is checked when it is
 * set.
 *
 * <p>A rate limit counts new connections: the rule gets {@code ct state new} before the limit
 * (the seed limited every packet to the port, so a busy session ate the budget of new ones).
 * Established packets must then be accepted before it, as {@link Policies#acceptEstablished()}
 * does in {@link BasicFirewall}.
 */
public final class Allow {
  private static final Allow DEFAULTS = new Allow(0, Per.MINUTE, 0, false, null, false);

  private final long rate;
  private final Per per;
  private final long burst;
  private final boolean log;
  private final @Nullable String logPrefix;
  private final boolean counter;

  private Allow(long rate, Per per, long burst, boolean log, @Nullable String logPrefix, boolean counter) {
    this.rate = rate;
    this.per = per;
    this.burst = burst;
    this.log = log;
    this.logPrefix = logPrefix;
    this.counter = counter;
  }

  /** No rate limit, no log, no counter. */
  public static Allow defaults() {
    return DEFAULTS;
  }

  /** {@code ct state new limit rate RATE/PER}: at most this many new connections (nft's burst, 5). */
  public Allow rateLimit(long rate, Per per) {
    return new Allow(Validate.rate("limit rate", rate), Objects.requireNonNull(per), 0, log, logPrefix, counter);
  }

  /** {@code ct state new limit rate RATE/PER burst BURST packets}. */
  public Allow rateLimit(long rate, Per per, long burst) {
    return new Allow(Validate.rate("limit rate", rate), Objects.requireNonNull(per), Validate.rate("limit burst", burst),
        log, logPrefix, counter);
  }

  /** No rate limit. */
  public Allow noRateLimit() {
    return new Allow(0, Per.MINUTE, 0, log, logPrefix, counter);
  }

  /** {@code log prefix "SSH: "}: the service's prefix, as in the seed. */
  public Allow log() {
    return new Allow(rate, per, burst, true, null, counter);
  }

  /** {@code log prefix "PREFIX"}. */
  public Allow log(String prefix) {
    return new Allow(rate, per, burst, true, Validate.logPrefix(prefix), counter);
  }

  /** {@code counter}: the rule counts what it accepts (read back with the rule's listing). */
  public Allow counter() {
    return new Allow(rate, per, burst, log, logPrefix, true);
  }

  /** The limit rate, 0 without a limit. */
  public long rate() {
    return rate;
  }

  public Per per() {
    return per;
  }

  /** The limit burst in packets, 0 for nft's default (5). */
  public long burst() {
    return burst;
  }

  public boolean logs() {
    return log;
  }

  /** The log prefix given, or null for the service's own. */
  public @Nullable String logPrefix() {
    return logPrefix;
  }

  public boolean counts() {
    return counter;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Allow a && a.rate == rate && a.per == per && a.burst == burst && a.log == log
        && Objects.equals(a.logPrefix, logPrefix) && a.counter == counter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rate, per, burst, log, logPrefix, counter);
  }

  @Override
  public String toString() {
    return "Allow[" + (rate == 0 ? "no limit" : "limit " + rate + "/" + per.nft() + (burst == 0 ? "" : " burst " + burst))
        + (log ? ", log" + (logPrefix == null ? "" : " \"" + logPrefix + "\"") : "") + (counter ? ", counter" : "") + "]";
  }
}
