package io.jnftables.sysctl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory backend that records every call: values by concrete name, interface lists per IP
 * version, and optional failures by name.
 */
class FakeSysctlBackend implements SysctlBackend {
  final Map<String, String> values = new LinkedHashMap<>();
  final Map<IpVersion, List<String>> interfaces = new HashMap<>();
  final Map<String, SysctlException.Reason> failOnWrite = new HashMap<>();
  final List<String> reads = new ArrayList<>();
  final List<String> writes = new ArrayList<>();
  int calls;
  boolean closed;

  /** Every concrete parameter but the initial-namespace-only ones, as in a fresh namespace. */
  static FakeSysctlBackend freshNamespace(List<String> v4Interfaces, List<String> v6Interfaces) {
    FakeSysctlBackend f = new FakeSysctlBackend();
    for (SysctlParameter p : SysctlParameter.concrete()) {
      if (p.scope() != SysctlParameter.Scope.INITIAL_NAMESPACE_ONLY) {
        f.values.put(p.name(), p.type() instanceof SysctlType.PortRange ? "32768\t60999" : "0");
      }
    }
    f.interfaces.put(IpVersion.IPV4, List.copyOf(v4Interfaces));
    f.interfaces.put(IpVersion.IPV6, List.copyOf(v6Interfaces));
    for (IpVersion v : IpVersion.values()) {
      for (String ifname : f.interfaces.get(v)) {
        for (SysctlParameter t : SysctlParameter.templates()) {
          if (t.name().startsWith("net." + v.directory() + ".")) {
            f.values.put(t.forInterface(ifname).name(), "0");
          }
        }
      }
    }
    return f;
  }

  /** Removes every IPv6 parameter, as with IPv6 disabled at boot. */
  FakeSysctlBackend withoutIpv6() {
    values.keySet().removeIf(k -> k.startsWith("net.ipv6."));
    interfaces.put(IpVersion.IPV6, List.of());
    return this;
  }

  @Override
  public String read(SysctlParameter.Resolved p) {
    calls++;
    reads.add(p.name());
    String v = values.get(p.name());
    if (v == null) {
      throw new SysctlException(SysctlException.Reason.NOT_PRESENT, p.name(), p.name() + " absent (fake)");
    }
    return v;
  }

  @Override
  public void write(SysctlParameter.Resolved p, String canonicalValue) {
    calls++;
    SysctlException.Reason fail = failOnWrite.get(p.name());
    if (fail != null) {
      throw new SysctlException(fail, p.name(), p.name() + " fails (fake)");
    }
    if (!values.containsKey(p.name())) {
      throw new SysctlException(SysctlException.Reason.NOT_PRESENT, p.name(), p.name() + " absent (fake)");
    }
    writes.add(p.name() + "=" + canonicalValue);
    values.put(p.name(), canonicalValue);
  }

  @Override
  public List<String> interfaces(IpVersion version) {
    calls++;
    return interfaces.getOrDefault(version, List.of());
  }

  @Override
  public void close() {
    closed = true;
  }
}
