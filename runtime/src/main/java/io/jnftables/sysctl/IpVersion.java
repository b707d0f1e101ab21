package io.jnftables.sysctl;

/** IPv4 or IPv6: which {@code /proc/sys/net/<version>/conf} directory lists the interfaces. */
public enum IpVersion {
  IPV4("ipv4"),
  IPV6("ipv6");

  private final String directory;

  IpVersion(String directory) {
    this.directory = directory;
  }

  /** {@code ipv4} or {@code ipv6}: the directory below {@code /proc/sys/net}. */
  public String directory() {
    return directory;
  }
}
