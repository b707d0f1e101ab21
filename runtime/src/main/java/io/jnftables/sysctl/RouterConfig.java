package io.jnftables.sysctl;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link NetworkSysctl#configureRouter(RouterConfig)} changes. Each setting is either left
 * alone (not set on the builder) or written, {@code false} included: unlike the seed library,
 * {@code false} turns a feature off instead of skipping it.
 *
 * <pre>{@code
 * RouterConfig.builder().ipv4Forwarding(true).ipv6Forwarding(true).syncookies(true)
 *     .sendRedirects(false).build()
 * }</pre>
 */
public final class RouterConfig {
  private final @Nullable Boolean ipv4Forwarding;
  private final @Nullable Boolean ipv6Forwarding;
  private final @Nullable Boolean syncookies;
  private final @Nullable Boolean sendRedirects;

  private RouterConfig(Builder b) {
    this.ipv4Forwarding = b.ipv4Forwarding;
    this.ipv6Forwarding = b.ipv6Forwarding;
    this.syncookies = b.syncookies;
    this.sendRedirects = b.sendRedirects;
  }

  /** A builder with every setting left alone. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code net.ipv4.ip_forward}, if set. */
  public Optional<Boolean> ipv4Forwarding() {
    return Optional.ofNullable(ipv4Forwarding);
  }

  /** {@code net.ipv6.conf.all.forwarding}, if set. */
  public Optional<Boolean> ipv6Forwarding() {
    return Optional.ofNullable(ipv6Forwarding);
  }

  /** {@code net.ipv4.tcp_syncookies} (1 or 0), if set. */
  public Optional<Boolean> syncookies() {
    return Optional.ofNullable(syncookies);
  }

  /** IPv4 {@code send_redirects}, if set. */
  public Optional<Boolean> sendRedirects() {
    return Optional.ofNullable(sendRedirects);
  }

  @Override
  public String toString() {
    return "RouterConfig[ipv4Forwarding=" + ipv4Forwarding + ", ipv6Forwarding=" + ipv6Forwarding
        + ", syncookies=" + syncookies + ", sendRedirects=" + sendRedirects + "]";
  }

  /** Builds a {@link RouterConfig}; settings not called are left alone. */
  public static final class Builder {
    private @Nullable Boolean ipv4Forwarding;
    private @Nullable Boolean ipv6Forwarding;
    private @Nullable Boolean syncookies;
    private @Nullable Boolean sendRedirects;

    private Builder() {}

    /** Writes {@code net.ipv4.ip_forward}. */
    public Builder ipv4Forwarding(boolean on) {
      this.ipv4Forwarding = on;
      return this;
    }

    /** Writes {@code net.ipv6.conf.all.forwarding} (the kernel then sets every interface). */
    public Builder ipv6Forwarding(boolean on) {
      this.ipv6Forwarding = on;
      return this;
    }

    /** Writes {@code net.ipv4.tcp_syncookies} 1 or 0. */
    public Builder syncookies(boolean on) {
      this.syncookies = on;
      return this;
    }

    /**
     * Writes IPv4 {@code send_redirects}: on = {@code all} and {@code default}; off = {@code all},
     * {@code default} and every interface (the kernel ORs {@code all} with each interface).
     */
    public Builder sendRedirects(boolean on) {
      this.sendRedirects = on;
      return this;
    }

    /** The configuration. */
    public RouterConfig build() {
      return new RouterConfig(this);
    }
  }
}
