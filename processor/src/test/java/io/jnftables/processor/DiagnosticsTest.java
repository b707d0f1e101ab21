package io.jnftables.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jnftables.processor.validation.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every diagnostic, on a policy that triggers it: the message (with its id) and the line it lands
 * on — the line of the annotation value that is wrong. Nothing is generated for a table with an
 * error.
 */
class DiagnosticsTest {
  private static final String IMPORTS = "import io.jnftables.annotations.*;";

  private static JavaFileObject firewall(String... body) {
    String[] lines = new String[body.length + 4];
    lines[0] = "package p;";
    lines[1] = IMPORTS;
    lines[2] = "@Table(name = \"filter\", family = Family.INET)";
    lines[3] = "interface Firewall {";
    System.arraycopy(body, 0, lines, 4, body.length);
    lines[lines.length - 1] = "}";
    return Compiled.source("p.Firewall", lines);
  }

  @TempDir Path generated;

  /** An inline policy of these tests that compiles, for {@link AcceptedPoliciesKernelTest}. */
  record Inline(String name, JavaFileObject source) {}

  private static JavaFileObject regularChainWithBaseAttributes() {
    return firewall(
        "  @Chain(name = \"r\",",
        "      policy = Policy.DROP,", // line 6
        "      priority = 5)", // line 7
        "  interface R {}",
        "");
  }

  /** Every inline policy of this class that compiles. */
  static List<Inline> compilingPolicies() {
    return List.of(new Inline("regularChainWithBaseAttributes", regularChainWithBaseAttributes()),
        new Inline("emptyTable", firewall("")));
  }

  /**
   * Compiles again with plain javac into a directory (compile-testing hides the generated files
   * of a failed compilation) and checks that no source was generated.
   */
  private void assertNothingGenerated(JavaFileObject source) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(generated));
      JavaCompiler.CompilationTask task = javac.getTask(null, files, d -> { }, List.of("-proc:only"), null, List.of(source));
      task.setProcessors(List.of(new NftablesProcessor()));
      assertFalse(task.call(), "the compilation fails");
    }
    try (Stream<Path> written = Files.walk(generated)) {
      assertEquals(List.of(), written.filter(Files::isRegularFile).collect(Collectors.toList()));
    }
  }

  @Test
  void syntaxErrorNamesTokenColumnAndSuggestion() throws IOException {
    JavaFileObject f = firewall(
        "  @Chain(name = \"input\", hook = Hook.INPUT)",
        "  interface Input {",
        "    @Rule(\"tcp dport 22 acept\")", // line 7
        "    void ssh();",
        "  }",
        "");
    Compilation c = Compiled.compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("[NFT117] unknown word in Input.ssh(): unexpected \"acept\" at column 14,"
            + " expected one of: accept, drop,")
        .inFile(f)
        .onLine(7);
    assertThat(c).hadErrorContaining("(did you mean \"accept\"?)").inFile(f).onLine(7);
    // the rule text and a caret line under the token (javac indents continuation lines itself)
    String[] lines = c.errors().get(0).getMessage(null).split("\n");
    assertEquals(3, lines.length);
    assertEquals("tcp dport 22 acept", lines[1].trim());
    assertEquals("^^^^^", lines[2].trim());
    assertEquals(lines[1].indexOf("acept"), lines[2].indexOf('^'));
    assertNothingGenerated(f);
  }

  @Test
  void invalidValueAndFamilyMismatchInRuleText() {
    JavaFileObject f = Compiled.source("p.V4",
        "package p;",
        IMPORTS,
        "@Table(name = \"v4\", family = Family.IP)",
        "interface V4 {",
        "  @Chain(name = \"c\")",
        "  interface C {",
        "    @Rule(\"tcp dport 70000\") void port();", // line 7
        "    @Rule(\"ip6 saddr ::1 accept\") void v6();", // line 8
        "    @Rule(\"ip saddr 10.0.0.256 drop\") void octet();", // line 9
        "  }",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[NFT101] invalid rule text in C.port(): invalid port \"70000\" at column 11: outside 0..65535")
        .inFile(f).onLine(7);
    assertThat(c).hadErrorContaining("[NFT126] C.v6(): \"ip6\" cannot be used in an ip table at column 1")
        .inFile(f).onLine(8);
    assertThat(c).hadErrorContaining("invalid IPv4 address \"10.0.0.256\" at column 10: octet 256 is outside 0..255")
        .inFile(f).onLine(9);
  }

  @Test
  void invalidTableName() throws IOException {
    JavaFileObject f = Compiled.source("p.Bad",
        "package p;",
        IMPORTS,
        "@Table(", // line 3
        "    name = \"9lives\")", // line 4
        "interface Bad {}");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorContaining("[NFT102] invalid table name \"9lives\": it must start with a letter or '_'")
        .inFile(f).onLine(4);
    assertNothingGenerated(f);
  }

  @Test
  void invalidAndDuplicateChainNames() {
    JavaFileObject f = firewall(
        "  @Chain(name = \"in put\") interface A {}", // line 5
        "  @Chain(name = \"dup\") interface B {}", // line 6
        "  @Chain(name = \"dup\") interface C {}", // line 7
        "");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[NFT103] invalid chain name \"in put\": character ' ' at index 2 is not allowed")
        .inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT104] duplicate chain name \"dup\" in table inet filter: B declares it already")
        .inFile(f).onLine(7);
  }

  @Test
  void ruleOutsideAChain() {
    JavaFileObject f = firewall(
        "  @Rule(\"accept\") void stray();", // line 5
        "");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorContaining(
            "[NFT105] @Rule method Firewall.stray() is not in a @Chain type (it is in interface Firewall)")
        .inFile(f).onLine(5);
  }

  @Test
  void chainOutsideATable() {
    JavaFileObject f = Compiled.source("p.Loose",
        "package p;",
        IMPORTS,
        "@Chain(name = \"loose\")", // line 3
        "interface Loose {",
        "  @Rule(\"accept\") void a();",
        "  class Holder {",
        "    @Chain(name = \"deeper\") interface Deeper {}", // line 7
        "  }",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[NFT106] @Chain type Loose is not nested in a @Table type (it is in package p)")
        .inFile(f).onLine(3);
    assertThat(c).hadErrorContaining("[NFT106] @Chain type Deeper is not nested in a @Table type (it is in class Holder)")
        .inFile(f).onLine(7);
  }

  @Test
  void hookNotInFamily() {
    JavaFileObject f = Compiled.source("p.Arp",
        "package p;",
        IMPORTS,
        "@Table(name = \"a\", family = Family.ARP)",
        "interface Arp {",
        "  @Chain(name = \"fwd\",",
        "      hook = Hook.FORWARD)", // line 6
        "  interface Fwd {}",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorContaining(
            "[NFT107] chain \"fwd\": hook FORWARD is not available in arp tables; use one of: INPUT, OUTPUT")
        .inFile(f).onLine(6);
  }

  @Test
  void chainTypeNotInFamilyAndNotOnHook() {
    JavaFileObject f = Compiled.source("p.Br",
        "package p;",
        IMPORTS,
        "@Table(name = \"b\", family = Family.BRIDGE)",
        "interface Br {",
        "  @Chain(name = \"nat\", type = ChainType.NAT, hook = Hook.PREROUTING) interface Nat {}", // line 5
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorContaining(
            "[NFT108] chain \"nat\": NAT chains are not available in bridge tables (only in: ip, ip6, inet)")
        .inFile(f).onLine(5);

    JavaFileObject g = firewall(
        "  @Chain(name = \"fwd\", type = ChainType.NAT,",
        "      hook = Hook.FORWARD) interface Fwd {}", // line 6
        "  @Chain(name = \"r\", type = ChainType.ROUTE,",
        "      hook = Hook.INPUT) interface R {}", // line 8
        "");
    Compilation d = Compiled.compile(g);
    assertThat(d).hadErrorContaining(
            "[NFT109] chain \"fwd\": NAT chains cannot attach to hook FORWARD; use one of: PREROUTING, INPUT, OUTPUT, POSTROUTING")
        .inFile(g).onLine(6);
    assertThat(d).hadErrorContaining("[NFT109] chain \"r\": ROUTE chains cannot attach to hook INPUT; use one of: OUTPUT")
        .inFile(g).onLine(8);
  }

  @Test
  void ingressNeedsADevice() {
    JavaFileObject f = Compiled.source("p.Dev",
        "package p;",
        IMPORTS,
        "@Table(name = \"d\", family = Family.NETDEV)",
        "interface Dev {",
        "  @Chain(name = \"in\", hook = Hook.INGRESS) interface In {}", // line 5
        "  @Chain(name = \"out\", hook = Hook.OUTPUT) interface Out {}", // line 6
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorContaining("[NFT110] chain \"in\": hook INGRESS needs a device").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT107] chain \"out\": hook OUTPUT is not available in netdev tables;"
        + " use one of: INGRESS, EGRESS").inFile(f).onLine(6);
  }

  @Test
  void jumpTargets() {
    JavaFileObject f = firewall(
        "  @Chain(name = \"input\", hook = Hook.INPUT)",
        "  interface Input {",
        "    @Rule(\"tcp dport 22 jump servces\") void typo();", // line 7
        "    @Rule(\"goto output\") void toBase();", // line 8
        "    @Rule(\"jump a\") void enter();", // line 9
        "  }",
        "  @Chain(name = \"output\", hook = Hook.OUTPUT) interface Output {}",
        "  @Chain(name = \"services\") interface Services {}",
        "  @Chain(name = \"a\") interface A {",
        "    @Rule(\"jump b\") void toB();", // line 14
        "  }",
        "  @Chain(name = \"b\") interface B {",
        "    @Rule(\"counter goto a\") void back();", // line 17
        "  }",
        "");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining(
            "[NFT111] Input.typo(): jump to chain \"servces\", which table inet filter does not declare"
                + " (did you mean \"services\"?)")
        .inFile(f).onLine(7);
    assertThat(c).hadErrorContaining("[NFT112] Input.toBase(): goto to base chain \"output\"")
        .inFile(f).onLine(8);
    assertThat(c).hadErrorContaining(
            "[NFT113] B.back(): goto to chain \"a\" closes a loop (a -> b -> a) reachable from base chain \"input\"")
        .inFile(f).onLine(17);
  }

  @Test
  void tableOnAnEnum() {
    JavaFileObject f = Compiled.source("p.E",
        "package p;",
        IMPORTS,
        "@Table(name = \"e\")", // line 3
        "enum E { X }");
    Compilation c = Compiled.compile(f);
    assertThat(c).hadErrorContaining("[NFT114] @Table goes on a class or interface, and E is an enum")
        .inFile(f).onLine(3);
  }

  @Test
  void baseChainAttributesOnARegularChainWarnAndStillGenerate() {
    JavaFileObject f = regularChainWithBaseAttributes();
    Compilation c = Compiled.compile(f);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(2);
    assertThat(c).hadWarningContaining(
            "[NFT115] chain \"r\": policy = DROP is ignored on a regular chain (hook = NONE); give the chain"
                + " a hook or remove the policy attribute")
        .inFile(f).onLine(6);
    assertThat(c).hadWarningContaining("[NFT115] chain \"r\": priority = 5 is ignored on a regular chain")
        .inFile(f).onLine(7);
    assertTrue(c.generatedSourceFile("p.FirewallRuleset").isPresent());
  }

  @Test
  void existingClassWithTheGeneratedNameIsReportedNotThrown() {
    JavaFileObject policy = firewall("");
    JavaFileObject clash = Compiled.source("p.FirewallRuleset", "package p;", "class FirewallRuleset {}");
    Compilation c = Compiled.compile(policy, clash);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[NFT116] could not write p.FirewallRuleset").inFile(policy).onLine(3);
  }

  @Test
  void aCleanTableIsGeneratedByPlainJavacToo() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(generated));
      JavaCompiler.CompilationTask task = javac.getTask(null, files, d -> { }, List.of("-proc:only"), null,
          List.of(firewall("")));
      task.setProcessors(List.of(new NftablesProcessor()));
      assertTrue(task.call());
    }
    assertTrue(Files.exists(generated.resolve("p/FirewallRuleset.java")));
  }

  @Test
  void catalogueIdsAreUniqueAndStable() {
    Set<String> ids = new HashSet<>();
    for (Diagnostic d : Diagnostic.values()) {
      assertTrue(d.id().matches("NFT1\\d\\d"), d.id());
      assertTrue(ids.add(d.id()), "duplicate id " + d.id());
    }
    assertEquals("NFT101", Diagnostic.RULE_SYNTAX.id());
    assertEquals("NFT115", Diagnostic.IGNORED_ON_REGULAR_CHAIN.id());
    assertEquals(Diagnostic.Severity.WARNING, Diagnostic.IGNORED_ON_REGULAR_CHAIN.severity());
  }
}
