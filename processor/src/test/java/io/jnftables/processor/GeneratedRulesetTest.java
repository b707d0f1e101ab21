package io.jnftables.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import io.jnftables.text.RuleParser;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * A valid policy compiles, its generated source matches the golden file, and the generated class,
 * loaded and run, builds exactly what the parser builds from the same rule texts.
 */
class GeneratedRulesetTest {
  private static final Family F = Family.INET;

  @Test
  void generatedSourceMatchesGoldenFile() throws IOException {
    Compilation compilation = Compiled.compile(Compiled.resource("com/example/BasicFirewall.java"));
    assertThat(compilation).succeededWithoutWarnings();
    String source = Compiled.generatedSource(compilation, "com.example.BasicFirewallRuleset");
    Golden.check("BasicFirewallRuleset.java.txt", source);
  }

  @Test
  void everythingTheAnnotationsDeclareMatchesGoldenFile() throws IOException {
    Compilation compilation = Compiled.compile(Compiled.resource("com/example/Gateway.java"));
    assertThat(compilation).succeededWithoutWarnings();
    Golden.check("GatewayRuleset.java.txt", Compiled.generatedSource(compilation, "com.example.GatewayRuleset"));
  }

  /**
   * A rule method with placeholders builds, at run time, exactly what the parser builds from the
   * same text with the values written in; set handles build element commands of the set's type.
   */
  @Test
  void placeholdersBuildWhatTheParserBuildsForTheSameValues() throws Exception {
    Compilation compilation = Compiled.compile(Compiled.resource("com/example/Gateway.java"));
    assertThat(compilation).succeeded();
    ClassLoader loader = Compiled.classLoader(compilation);
    Class<?> input = Class.forName("com.example.GatewayRuleset$Input", true, loader);
    Rule allow = (Rule) input.getMethod("allow", io.jnftables.validate.IpPrefix.class, int.class)
        .invoke(null, new io.jnftables.validate.IpPrefix(io.jnftables.validate.IpAddress.parse("10.1.2.3"), 8), 22);
    assertEquals(RuleParser.parse("ip saddr 10.0.0.0/8 tcp dport 22 accept", F), allow.statements());
    Rule trusted = (Rule) input.getMethod("trusted", String.class, java.util.List.class, String.class)
        .invoke(null, "eth1", java.util.List.of(java.net.InetAddress.getByName("10.0.0.1"),
            java.net.InetAddress.getByName("10.0.0.2")), "ok ");
    assertEquals(RuleParser.parse("iifname \"eth1\" ip saddr { 10.0.0.1, 10.0.0.2 } log prefix \"ok \" accept", F),
        trusted.statements());
    java.lang.reflect.InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.lang.reflect.InvocationTargetException.class,
        () -> input.getMethod("allow", io.jnftables.validate.IpPrefix.class, int.class)
            .invoke(null, new io.jnftables.validate.IpPrefix(io.jnftables.validate.IpAddress.parse("10.0.0.0"), 8), 70000));
    assertTrue(e.getCause().getMessage().contains("$port of allow()"), e.getCause().getMessage());
    Class<?> blocklist = Class.forName("com.example.GatewayRuleset$BlocklistSet", true, loader);
    Batch add = (Batch) blocklist.getMethod("add", java.net.Inet4Address[].class)
        .invoke(null, (Object) new java.net.Inet4Address[] {(java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.9")});
    assertEquals("{\"nftables\":[{\"add\":{\"element\":{\"family\":\"inet\",\"table\":\"gateway\",\"name\":\"blocklist\","
        + "\"elem\":[\"192.0.2.9\"]}}}]}", add.toJson());
  }

  @Test
  void generationIsDeterministic() {
    String first = Compiled.generatedSource(
        Compiled.compile(Compiled.resource("com/example/BasicFirewall.java")), "com.example.BasicFirewallRuleset");
    String second = Compiled.generatedSource(
        Compiled.compile(Compiled.resource("com/example/BasicFirewall.java")), "com.example.BasicFirewallRuleset");
    assertEquals(first, second);
    assertFalse(first.contains("date ="), "@Generated carries no date");
  }

  @Test
  void generatedBatchIsWhatTheParserBuilds() throws Exception {
    Compilation compilation = Compiled.compile(Compiled.resource("com/example/BasicFirewall.java"));
    assertThat(compilation).succeeded();
    Batch batch = (Batch) Compiled.call(compilation, "com.example.BasicFirewallRuleset", "toBatch");
    Batch expected = Batch.builder()
        .add(Table.of(F, "filter"))
        .command(Command.delete(Table.of(F, "filter")))
        .add(Table.of(F, "filter"))
        .add(Chain.base(F, "filter", "input", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP)))
        .add(Chain.regular(F, "filter", "services"))
        .add(Chain.base(F, "filter", "output", BaseChain.of(ChainType.FILTER, Hook.OUTPUT, -10, Policy.ACCEPT)))
        .add(rule("input", "iif \"lo\" accept"))
        .add(rule("input", "ct state established,related accept"))
        .add(rule("input", "ct state invalid drop"))
        .add(rule("input", "ip saddr 10.0.0.0/8 tcp dport { ssh, 80, 443 } ct state new jump services"))
        .add(rule("input", "ip6 saddr fe80::/10 meta l4proto ipv6-icmp accept"))
        .add(rule("input", "tcp dport 1000-2000 log prefix \"high \" reject with tcp reset"))
        .add(rule("services", "counter accept"))
        .build();
    assertEquals(expected, batch);
    String json = (String) Compiled.call(compilation, "com.example.BasicFirewallRuleset", "toJson");
    assertEquals(expected.toJson(), json);
    assertTrue(json.startsWith("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"filter\"}}},"
        + "{\"delete\":{\"table\":{\"family\":\"inet\",\"name\":\"filter\"}}},"
        + "{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"filter\"}}},"
        + "{\"add\":{\"chain\":{\"family\":\"inet\",\"table\":\"filter\",\"name\":\"input\",\"type\":\"filter\","
        + "\"hook\":\"input\",\"prio\":0,\"policy\":\"drop\"}}},"), json);
    assertTrue(json.contains("{\"add\":{\"rule\":{\"family\":\"inet\",\"table\":\"filter\",\"chain\":\"input\",\"expr\":["
        + "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"saddr\"}},"
        + "\"right\":{\"prefix\":{\"addr\":\"10.0.0.0\",\"len\":8}}}},"
        + "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},"
        + "\"right\":{\"set\":[22,80,443]}}},"
        + "{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":\"new\"}},"
        + "{\"jump\":{\"target\":\"services\"}}]}}}"), json);
  }

  @Test
  void nestedTableTypeGetsJoinedNameAndExactJson() throws Exception {
    Compilation compilation = Compiled.compile(Compiled.resource("com/example/Policies.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        "{\"nftables\":["
            + "{\"add\":{\"table\":{\"family\":\"ip\",\"name\":\"nat\"}}},"
            + "{\"delete\":{\"table\":{\"family\":\"ip\",\"name\":\"nat\"}}},"
            + "{\"add\":{\"table\":{\"family\":\"ip\",\"name\":\"nat\"}}},"
            + "{\"add\":{\"chain\":{\"family\":\"ip\",\"table\":\"nat\",\"name\":\"post\",\"type\":\"nat\","
            + "\"hook\":\"postrouting\",\"prio\":100,\"policy\":\"accept\"}}},"
            + "{\"add\":{\"rule\":{\"family\":\"ip\",\"table\":\"nat\",\"chain\":\"post\",\"expr\":["
            + "{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"oifname\"}},\"right\":\"eth0\"}},"
            + "{\"match\":{\"op\":\"!=\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"daddr\"}},"
            + "\"right\":{\"prefix\":{\"addr\":\"192.168.1.0\",\"len\":24}}}},"
            + "{\"counter\":null}]}}}]}",
        Compiled.call(compilation, "com.example.Policies_EdgeRuleset", "toJson"));
    Class<?> type = Class.forName("com.example.Policies_EdgeRuleset", true, Compiled.classLoader(compilation));
    assertEquals("nat", type.getField("TABLE").get(null));
    assertEquals(Family.IP, type.getField("FAMILY").get(null));
    assertTrue(Modifier.isFinal(type.getModifiers()));
    assertTrue(Modifier.isPrivate(type.getDeclaredConstructor().getModifiers()));
  }

  @Test
  void awkwardStringsSurviveTheRoundTrip() throws Exception {
    // a literal backslash-u in rule text must not become a line break in the generated source,
    // non-ASCII must survive any -encoding, quotes must not end a literal
    Compilation compilation = Compiled.compile(Compiled.source("p.Awkward",
        "package p;",
        "import io.jnftables.annotations.*;",
        "@Table(name = \"t\")",
        "interface Awkward {",
        "  @Chain(name = \"c\")",
        "  interface C {",
        "    @Rule(\"log prefix \\\"a\\\\u000a*/\\\\\\\" iifname \\\"\u00e9t\u00e9\\\" counter\") void r();",
        "    @Rule(\"log prefix \\\"\\ttab\\\"\") void tab();",
        "  }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Batch batch = (Batch) Compiled.call(compilation, "p.AwkwardRuleset", "toBatch");
    Rule first = (Rule) batch.commands().get(4).object(); // after table, delete, table, chain
    assertEquals(RuleParser.parse("log prefix \"a\\u000a*/\\\" iifname \"\u00e9t\u00e9\" counter", F), first.statements());
    Rule second = (Rule) batch.commands().get(5).object();
    assertEquals(RuleParser.parse("log prefix \"\ttab\"", F), second.statements());
    String source = Compiled.generatedSource(compilation, "p.AwkwardRuleset");
    assertTrue(source.chars().allMatch(c -> c < 0x7f), "generated source is ASCII");
  }

  @Test
  void everyStatementTheParserReadsCanBeGenerated() throws Exception {
    String[] rules = {
      "limit rate over 10/second burst 5 packets log prefix \"x\" level info drop",
      "meta mark set ct mark | 0x00000010 ct helper set \"ftp\"",
      "tcp flags syn / fin,syn,rst,ack tcp option maxseg size set 1360",
      "ip saddr . tcp dport { 10.0.0.1 . 22, 10.0.0.2 . 80 } quota over 10 mbytes accept",
      "meta l4proto tcp dnat ip to 192.168.1.1:8080",
      "ip daddr vmap { 10.0.0.0/8 : jump other, 192.168.0.0/16 : drop }",
      "update @seen { ip saddr timeout 1m counter } tcp dport 22 ct count over 3 reject with icmpx admin-prohibited",
      "icmp type echo-request ct original bytes > 10 queue flags bypass to 1-3",
    };
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < rules.length; i++) {
      body.append("    @Rule(\"").append(rules[i].replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\") void r").append(i).append("();\n");
    }
    Compilation compilation = Compiled.compile(Compiled.source("p.Wide",
        "package p;",
        "import io.jnftables.annotations.*;",
        "@Table(name = \"t\", family = Family.INET)",
        "@Set(name = \"seen\", type = \"ipv4_addr\", flags = {SetFlag.TIMEOUT, SetFlag.DYNAMIC})",
        "@CtHelper(name = \"ftp\", type = \"ftp\")",
        "interface Wide {",
        "  @Chain(name = \"c\", hook = Hook.PREROUTING, type = ChainType.NAT)",
        "  interface C {",
        body.toString(),
        "  }",
        "  @Chain(name = \"other\")",
        "  interface Other {}",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Batch batch = (Batch) Compiled.call(compilation, "p.WideRuleset", "toBatch");
    for (int i = 0; i < rules.length; i++) {
      Rule r = (Rule) batch.commands().get(7 + i).object(); // table, delete, table, 2 objects, 2 chains
      assertEquals(RuleParser.parse(rules[i], F), r.statements(), rules[i]);
    }
  }

  /**
   * The processor runs inside javac and never loads native code: its classes name no class of the
   * native module (libnft, netns, helper) nor jnr-ffi, and the client classes the generated code
   * uses are named by string (loading them could pull native code in). The processor's own
   * dependency on the runtime excludes the native module; only these tests have it.
   */
  @Test
  void processorClassesReferToNoNativeCode() throws IOException {
    Path classes = Paths.get("target/classes/io/jnftables/processor");
    try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(java.util.stream.Collectors.toList())) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String pkg : new String[] {"io/jnftables/libnft/", "io/jnftables/netns/", "io/jnftables/helper/",
            "jnr/ffi/", "io/jnftables/client/Nftables;", "io/jnftables/client/LibnftablesExecutor"}) {
          assertFalse(bytes.contains(pkg), f + " refers to " + pkg);
        }
      }
    }
  }

  private static Rule rule(String chain, String text) {
    return Rule.of(F, "filter", chain, RuleParser.parse(text, F));
  }

  /** Golden files under src/test/resources/golden; {@code -Djnftables.regenerateGolden=true} rewrites them. */
  static final class Golden {
    static void check(String name, String actual) throws IOException {
      String dir = System.getProperty("jnftables.goldenDir", "src/test/resources/golden");
      Path file = Paths.get(dir, name);
      if (Boolean.getBoolean("jnftables.regenerateGolden")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertTrue(Files.exists(file), file + " is missing; run the tests with -Djnftables.regenerateGolden=true");
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          "generated source differs from " + file + "; if the change is intended, rerun with -Djnftables.regenerateGolden=true");
    }
  }
}
