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
 *   <li>{@link #SERVICES}: port names from Debian 12's {@code /etc/services} that firewall
 *       policies commonly use (nft resolves them with {@code getaddrinfo}, whatever the
 *       protocol; {@code tcp dport ssh} lists back as {@code 22}). A name not in this table is a
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
    m.put("ftp-data", 20);
    m.put("ftp", 21);
    m.put("ssh", 22);
    m.put("telnet", 23);
    m.put("smtp", 25);
    m.put("domain", 53);
    m.put("bootps", 67);
    m.put("bootpc", 68);
    m.put("tftp", 69);
    m.put("http", 80);
    m.put("www", 80);
    m.put("kerberos", 88);
    m.put("pop3", 110);
    m.put("sunrpc", 111);
    m.put("nntp", 119);
    m.put("ntp", 123);
    m.put("imap2", 143);
    m.put("imap", 143);
    m.put("snmp", 161);
    m.put("snmp-trap", 162);
    m.put("bgp", 179);
    m.put("ldap", 389);
    m.put("https", 443);
    m.put("microsoft-ds", 445);
    m.put("syslog", 514);
    m.put("submission", 587);
    m.put("ldaps", 636);
    m.put("rsync", 873);
    m.put("imaps", 993);
    m.put("pop3s", 995);
    m.put("openvpn", 1194);
    m.put("mysql", 3306);
    m.put("sip", 5060);
    m.put("postgresql", 5432);
    m.put("x11", 6000);
    m.put("http-alt", 8080);
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
