package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/sysctl.md} in step with the code: the parameter tables are generated from
 * {@link SysctlParameter#all()}, and the helper table by running every {@link NetworkSysctl} method
 * against a recording backend. The text between the markers is replaced; the rest is prose.
 *
 * <p>Regenerate with {@code JNFT_UPDATE_DOCS=1 mvn -q -pl annotations,native,runtime verify
 * -DexcludedTestGroups=kernel -Dtest=SysctlDocTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SysctlDocTest {
  static final Path DOC = Path.of("..", "docs", "sysctl.md");
  private static final String IFACE = "IFACE"; // stands for "every interface" in recorded writes

  @Test
  void docsSysctlMdIsUpToDate() throws IOException {
    String current = Files.readString(DOC, StandardCharsets.UTF_8);
    String expected = replace(replace(current, "parameters", parameters()), "helpers", helpers());
    if (expected.equals(current)) {
      return;
    }
    if ("1".equals(System.getenv("JNFT_UPDATE_DOCS")) || Boolean.getBoolean("jnftables.updateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
      return;
    }
    fail(DOC.normalize() + " is out of date: regenerate it with JNFT_UPDATE_DOCS=1 mvn -q -pl"
        + " annotations,native,runtime verify -DexcludedTestGroups=kernel -Dtest=SysctlDocTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false");
  }

  @Test
  void everyPublicHelperIsDocumented() {
    Set<String> methods = new TreeSet<>();
    for (Method m : NetworkSysctl.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
        methods.add(m.getName());
      }
    }
    Set<String> documented = new TreeSet<>();
    for (String signature : helperCalls().keySet()) {
      documented.add(signature.substring(0, signature.indexOf('(')));
    }
    assertEquals(methods, documented);
  }

  private static String replace(String doc, String section, String body) {
    Pattern p = Pattern.compile(
        "(<!-- BEGIN GENERATED " + section + "[^\n]*-->\n)(.*?)(<!-- END GENERATED " + section + " -->)",
        Pattern.DOTALL);
    Matcher m = p.matcher(doc);
    assertTrue(m.find(), "markers for section " + section + " missing in " + DOC);
    return doc.substring(0, m.start(2)) + body + doc.substring(m.end(2));
  }

  static String parameters() {
    StringBuilder sb = new StringBuilder();
    long concrete = SysctlParameter.concrete().size();
    long seed = SysctlParameter.all().stream().filter(SysctlParameter::inSeed).count();
    sb.append(concrete).append(" concrete parameters (").append(seed).append(" from the seed, ")
        .append(concrete - seed).append(" added) and ").append(SysctlParameter.templates().size())
        .append(" per-interface templates. Seed: ✔ if the seed's whitelist had it.\n");
    SysctlParameter.Group group = null;
    for (SysctlParameter p : SysctlParameter.all()) {
      if (p.group() != group) {
        group = p.group();
        sb.append("\n### ").append(group.title()).append("\n\n");
        sb.append("| Parameter | Type | Allowed | Scope | Seed | Description |\n");
        sb.append("|---|---|---|---|---|---|\n");
      }
      sb.append("| `").append(p.name()).append("` | ")
          .append(p.type().kind()).append(" | ")
          .append(cell(p.type().allowed())).append(" | ")
          .append(cell(p.scope().label())).append(" | ")
          .append(p.inSeed() ? "✔" : "").append(" | ")
          .append(cell(p.description())).append(" |\n");
    }
    return sb.toString();
  }

  /** Each helper with the call used to record it, in docs order. */
  static Map<String, Consumer<NetworkSysctl>> helperCalls() {
    Map<String, Consumer<NetworkSysctl>> calls = new LinkedHashMap<>();
    calls.put("enableIpv4Forwarding()", NetworkSysctl::enableIpv4Forwarding);
    calls.put("disableIpv4Forwarding()", NetworkSysctl::disableIpv4Forwarding);
    calls.put("ipv4ForwardingEnabled()", NetworkSysctl::ipv4ForwardingEnabled);
    calls.put("enableIpv6Forwarding()", NetworkSysctl::enableIpv6Forwarding);
    calls.put("disableIpv6Forwarding()", NetworkSysctl::disableIpv6Forwarding);
    calls.put("ipv6ForwardingEnabled()", NetworkSysctl::ipv6ForwardingEnabled);
    calls.put("enableSyncookies()", NetworkSysctl::enableSyncookies);
    calls.put("disableSyncookies()", NetworkSysctl::disableSyncookies);
    calls.put("setConntrackMax(131072)", n -> n.setConntrackMax(131072));
    calls.put("getConntrackMax()", NetworkSysctl::getConntrackMax);
    calls.put("ignorePing()", NetworkSysctl::ignorePing);
    calls.put("allowPing()", NetworkSysctl::allowPing);
    calls.put(
        "configureRouter(ipv4Forwarding(true).ipv6Forwarding(true).syncookies(true).sendRedirects(false))",
        n -> n.configureRouter(RouterConfig.builder()
            .ipv4Forwarding(true).ipv6Forwarding(true).syncookies(true).sendRedirects(false).build()));
    calls.put("configureRouter(sendRedirects(true))",
        n -> n.configureRouter(RouterConfig.builder().sendRedirects(true).build()));
    calls.put("hardenIpv4()", NetworkSysctl::hardenIpv4);
    calls.put("hardenIpv6()", NetworkSysctl::hardenIpv6);
    calls.put("harden()", NetworkSysctl::harden);
    calls.put("rejectRouterAdvertisements()", NetworkSysctl::rejectRouterAdvertisements);
    return calls;
  }

  static String helpers() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Helper | Reads | Writes, in order |\n|---|---|---|\n");
    for (Map.Entry<String, Consumer<NetworkSysctl>> e : helperCalls().entrySet()) {
      FakeSysctlBackend fake = FakeSysctlBackend.freshNamespace(List.of(IFACE), List.of(IFACE));
      e.getValue().accept(Sysctl.using(fake).network());
      sb.append("| `").append(e.getKey()).append("` | ")
          .append(codeList(fake.reads, false)).append(" | ")
          .append(codeList(fake.writes, true)).append(" |\n");
    }
    return sb.toString();
  }

  /**
   * Writes of one knob to all, default and every interface are shown as one
   * {@code net.ipv4.conf.{all,default,<each interface>}.knob=v}.
   */
  private static String codeList(List<String> items, boolean merge) {
    if (items.isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      Matcher all = Pattern.compile("(net\\.ipv[46]\\.conf\\.)all(\\..*)").matcher(item);
      if (merge && all.matches() && i + 1 < items.size()
          && items.get(i + 1).equals(all.group(1) + "default" + all.group(2))) {
        boolean each = i + 2 < items.size() && items.get(i + 2).equals(all.group(1) + IFACE + all.group(2));
        out.add(all.group(1) + (each ? "{all,default,<each interface>}" : "{all,default}") + all.group(2));
        i += each ? 2 : 1;
      } else {
        out.add(item.replace("." + IFACE + ".", ".<each interface>."));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String s : out) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('`').append(s.replace("|", "\\|")).append('`');
    }
    return sb.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
