package io.jnftables.policy;

import java.util.List;

/**
 * The services the seed's {@code setup_basic_firewall(allow_services:)} knows, with their ports
 * and the log prefix of the seed's {@code allow_*} helpers. DNS opens UDP and TCP (the seed opened
 * TCP only, although its docstring says UDP).
 */
public enum Service {
  SSH(22, List.of(Transport.TCP), "SSH: "),
  HTTP(80, List.of(Transport.TCP), "HTTP: "),
  HTTPS(443, List.of(Transport.TCP), "HTTPS: "),
  DNS(53, List.of(Transport.TCP, Transport.UDP), "DNS: ");

  private final int port;
  private final List<Transport> transports;
  private final String logPrefix;

  Service(int port, List<Transport> transports, String logPrefix) {
    this.port = port;
    this.transports = transports;
    this.logPrefix = logPrefix;
  }

  public int port() {
    return port;
  }

  /** The transport protocols the service is opened for. */
  public List<Transport> transports() {
    return transports;
  }

  /** The log prefix of the seed's helper, e.g. {@code "SSH: "}. */
  public String logPrefix() {
    return logPrefix;
  }
}
