package io.jnftables.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Names nft resolves through the C library, hard-coded so that parsing never reads the host's
 * files: the same text parses the same everywhere (the processor's build machine included).
 *
 * <ul>
 *   <li>{@link #SERVICES}: the port names of Debian 12's {@code /etc/services} (netbase 6.4,
 *       resource {@code services.txt}); nft resolves them with {@code getaddrinfo}, whatever the
 *       protocol; {@code tcp dport ssh} lists back as {@code 22}. A name not in this table is a
 *       parse error: write the number.
 *   <li>{@link #PROTOCOLS}: layer 4 protocols from {@code /etc/protocols}, by the name nft
 *       lists them with ({@code meta l4proto 58} and {@code meta l4proto icmpv6} both list as
 *       {@code "ipv6-icmp"}).
 * </ul>
 */
final class WellKnown {
  private WellKnown() {}

  static final Map<String, Integer> SERVICES = services();

  /** Canonical name → protocol number. */
  static final Map<String, Integer> PROTOCOLS = protocols();

  /** Extra spellings nft accepts for a protocol, mapped to the canonical name. */
  private static final Map<String, String> PROTOCOL_ALIASES = Map.of("icmpv6", "ipv6-icmp");

  private static Map<String, Integer> services() {
    Map<String, Integer> m = new LinkedHashMap<>();
    try (java.io.InputStream in = WellKnown.class.getResourceAsStream("services.txt")) {
      if (in == null) {
        throw new IllegalStateException("io/jnftables/text/services.txt is missing from the classpath");
      }
      java.io.BufferedReader r =
          new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int sp = line.indexOf(' ');
        m.putIfAbsent(line.substring(0, sp), Integer.parseInt(line.substring(sp + 1)));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Integer> protocols() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("icmp", 1);
    m.put("igmp", 2);
    m.put("tcp", 6);
    m.put("udp", 17);
    m.put("dccp", 33);
    m.put("ipv6", 41);
    m.put("gre", 47);
    m.put("esp", 50);
    m.put("ah", 51);
    m.put("ipv6-icmp", 58);
    m.put("ospf", 89);
    m.put("ipip", 94);
    m.put("vrrp", 112);
    m.put("l2tp", 115);
    m.put("sctp", 132);
    m.put("udplite", 136);
    return Collections.unmodifiableMap(m);
  }

  /** The canonical protocol name for a name or alias, or {@code null}. */
  static @Nullable String protocolName(String nameOrAlias) {
    if (PROTOCOLS.containsKey(nameOrAlias)) {
      return nameOrAlias;
    }
    return PROTOCOL_ALIASES.get(nameOrAlias);
  }

  /** The canonical protocol name for a number, or {@code null} if the table does not name it. */
  static @Nullable String protocolName(int number) {
    for (Map.Entry<String, Integer> e : PROTOCOLS.entrySet()) {
      if (e.getValue() == number) {
        return e.getKey();
      }
    }
    return null;
  }
}
