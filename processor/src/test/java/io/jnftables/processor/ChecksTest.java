package io.jnftables.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The checks on placeholders, references, objects, priorities and where statements run (NFT117 to
 * NFT144): each on a policy that triggers it, asserting the message and the line it lands on.
 * Sources start with the package (line 1) and the imports (line 2); the first line given is line 3.
 */
class ChecksTest {
  private static final String IMPORTS = "import io.jnftables.annotations.*; import java.net.*;"
      + " import io.jnftables.validate.*; import io.jnftables.dsl.*; import java.util.List;";

  private static JavaFileObject src(String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "package p;";
    all[1] = IMPORTS;
    System.arraycopy(lines, 0, all, 2, lines.length);
    return Compiled.source("p.T", all);
  }

  private static Compilation failing(JavaFileObject f, int errors) {
    Compilation c = Compiled.compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(errors);
    return c;
  }

  @Test
  void nft101PlainSyntaxError() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"tcp dport 22 {\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT101] invalid rule text in C.r(): ").inFile(f).onLine(5);
  }

  @Test
  void nft117UnknownWordWithSuggestion() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"ct state estabished accept\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT117] unknown word in C.r(): unknown ct state \"estabished\" at"
        + " column 10").inFile(f).onLine(5);
    assertThat(failing(f, 1)).hadErrorContaining("(did you mean \"established\"?)").inFile(f).onLine(5);
  }

  @Test
  void nft118And119PlaceholderAndParameterMismatch() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"tcp dport $prot accept\")", // line 5
        "    void r(int port);",
        "  }",
        "}");
    Compilation c = failing(f, 2);
    assertThat(c).hadErrorContaining("[NFT118] C.r(): placeholder $prot at column 11 has no parameter; add a"
        + " parameter named prot to the method (did you mean $port?)").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT119] C.r(): parameter int port is not used by the rule text; write $port"
        + " where its value goes, or remove the parameter").inFile(f).onLine(5);
  }

  @Test
  void nft120ParameterTypeCannotFillThePlaceholder() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP) interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"tcp dport $a accept\") void port(Inet4Address a);", // line 5
        "    @Rule(\"ip saddr $a accept\") void v6(Inet6Address a);", // line 6
        "    @Rule(\"meta mark set $m accept\") void set(List<Integer> m);", // line 7
        "  }",
        "}");
    Compilation c = failing(f, 3);
    assertThat(c).hadErrorContaining("[NFT120] C.port(): parameter java.net.Inet4Address a cannot fill $a at column 11:"
        + " invalid port").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT120] C.v6(): parameter java.net.Inet6Address a cannot fill $a at column 10:")
        .inFile(f).onLine(6);
    assertThat(c).hadErrorContaining("[NFT120] C.set(): parameter java.util.List<java.lang.Integer> m cannot fill $m"
        + " at column 15:").inFile(f).onLine(7);
  }

  @Test
  void nft121UnsupportedParameterType() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"tcp dport $o accept\") void r(Object o);", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT121] C.r(): parameter o has type java.lang.Object, which no"
        + " placeholder takes; use int, long, String,").inFile(f).onLine(5);
  }

  @Test
  void nft122UnknownSetWithSuggestion() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"blocklist\", type = \"ipv4_addr\")",
        "interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"ip saddr @blocklst drop\") void r();", // line 7
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT122] C.r(): @blocklst is not a set or map of table inet t"
        + " (did you mean @blocklist?); declare it with @Set or @Map on the table type").inFile(f).onLine(7);
  }

  @Test
  void nft123UnknownObjectWithSuggestion() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Counter(name = \"dropped\")",
        "interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"counter name \\\"droped\\\" drop\") void r();", // line 7
        "    @Rule(\"quota name \\\"q\\\" drop\") void q();", // line 8
        "    @Rule(\"tcp dport 21 ct helper set \\\"ftp\\\"\") void h();", // line 9
        "  }",
        "}");
    Compilation c = failing(f, 3);
    assertThat(c).hadErrorContaining("[NFT123] C.r(): counter \"droped\" is not declared in table inet t (did you mean"
        + " \"dropped\"?); declare it with @Counter on the table type").inFile(f).onLine(7);
    assertThat(c).hadErrorContaining("[NFT123] C.q(): quota \"q\" is not declared in table inet t; declare it with"
        + " @Quota on the table type").inFile(f).onLine(8);
    assertThat(c).hadErrorContaining("[NFT123] C.h(): ct helper \"ftp\" is not declared in table inet t; declare it"
        + " with @CtHelper on the table type").inFile(f).onLine(9);
  }

  @Test
  void nft124SetKeyTypeDoesNotFitTheField() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"v6set\", type = \"ipv6_addr\")",
        "interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"ip saddr @v6set drop\") void r();", // line 7
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT124] C.r(): @v6set holds ipv6_addr, not ipv4_addr")
        .inFile(f).onLine(7);
  }

  @Test
  void nft125NothingAfterAVerdict() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"tcp dport 22 accept counter\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT125] C.r(): unexpected \"counter\" at column 21, expected end of"
        + " rule: nothing can follow a verdict (\"accept\" at column 14); move the statement before it")
        .inFile(f).onLine(5);
  }

  @Test
  void nft126MatchTheFamilyCannotSee() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP6) interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"ip saddr 10.0.0.1 drop\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT126] C.r(): \"ip\" cannot be used in an ip6 table at column 1:"
        + " an ip6 table sees IPv6 packets only; use ip6, or an inet table for both; match this family's headers,"
        + " or declare the table with Family.INET").inFile(f).onLine(5);
  }

  @Test
  void nft127PortWithoutTransportProtocol() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP) interface T {",
        "  @Chain(name = \"c\", type = ChainType.NAT, hook = Hook.PREROUTING, priorityName = PriorityName.DSTNAT)",
        "  interface C {",
        "    @Rule(\"redirect to :8080\") void r();", // line 6
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT127] C.r(): a port needs a transport protocol at column 10")
        .inFile(f).onLine(6);
  }

  @Test
  void nft128MatchesNoPacketSatisfiesTogether() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule(\"tcp dport 22 udp sport 53 accept\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT128] C.r(): \"udp\" conflicts with tcp at column 14")
        .inFile(f).onLine(5);
  }

  @Test
  void nft129PriorityNameNotOnHookAndNatPriorityTooLow() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP) interface T {",
        "  @Chain(name = \"in\", hook = Hook.INPUT,",
        "      priorityName = PriorityName.DSTNAT) interface In {}", // line 5
        "  @Chain(name = \"pre\", type = ChainType.NAT, hook = Hook.PREROUTING,",
        "      priority = -300) interface Pre {}", // line 7
        "}");
    Compilation c = failing(f, 2);
    assertThat(c).hadErrorContaining("[NFT129] chain \"in\": priority DSTNAT is not available on hook INPUT in ip"
        + " tables; use one of: RAW, MANGLE, FILTER, SECURITY, or a number").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT129] chain \"pre\": NAT chains need a priority above -200 (after conntrack),"
        + " and this one is -300").inFile(f).onLine(7);
  }

  @Test
  void nft130NatOutsideANatChain() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP) interface T {",
        "  @Chain(name = \"post\", hook = Hook.POSTROUTING) interface Post {",
        "    @Rule(\"oifname \\\"eth0\\\" masquerade\") void m();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT130] Post.m(): masquerade needs a chain of type NAT, and chain"
        + " \"post\" is a FILTER chain; move the rule into a @Chain(type = ChainType.NAT, hook = POSTROUTING)")
        .inFile(f).onLine(5);
  }

  @Test
  void nft131NatOnTheWrongHookAlsoThroughAJump() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP) interface T {",
        "  @Chain(name = \"post\", type = ChainType.NAT, hook = Hook.POSTROUTING) interface Post {",
        "    @Rule(\"tcp dport 80 dnat to 10.0.0.1\") void d();", // line 5
        "    @Rule(\"jump common\") void j();",
        "  }",
        "  @Chain(name = \"common\") interface Common {",
        "    @Rule(\"tcp dport 25 redirect to :2525\") void r();", // line 9
        "  }",
        "}");
    Compilation c = failing(f, 2);
    assertThat(c).hadErrorContaining("[NFT131] Post.d(): dnat works on hook PREROUTING or OUTPUT only, and chain"
        + " \"post\" runs at POSTROUTING; move the rule into a chain on PREROUTING or OUTPUT").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT131] Common.r(): redirect works on hook PREROUTING or OUTPUT only, and chain"
        + " \"post\" runs at POSTROUTING").inFile(f).onLine(9);
  }

  @Test
  void nft132RejectOnTheWrongHook() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"post\", hook = Hook.POSTROUTING) interface Post {",
        "    @Rule(\"tcp dport 23 reject\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT132] Post.r(): reject works on hooks INPUT, FORWARD and OUTPUT"
        + " only, and chain \"post\" runs at POSTROUTING").inFile(f).onLine(5);
  }

  @Test
  void nft133TproxyOutsidePrerouting() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.IP) interface T {",
        "  @Chain(name = \"in\", hook = Hook.INPUT) interface In {",
        "    @Rule(\"meta l4proto tcp tproxy to :50080\") void r();", // line 5
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT133] In.r(): tproxy works on hook PREROUTING only, and chain"
        + " \"in\" runs at INPUT").inFile(f).onLine(5);
  }

  @Test
  void nft134And135InvalidAndDuplicateObjectNames() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"bad name\", type = \"ipv4_addr\")", // line 4
        "@Set(name = \"s\", type = \"ipv4_addr\")",
        "@Map(name = \"s\", type = \"ipv4_addr\", value = \"verdict\")", // line 6
        "@Counter(name = \"s\")",
        "interface T {}");
    Compilation c = failing(f, 2);
    assertThat(c).hadErrorContaining("[NFT134] invalid set name \"bad name\": character ' ' at index 3 is not allowed")
        .inFile(f).onLine(4);
    assertThat(c).hadErrorContaining("[NFT135] duplicate map name \"s\" in table inet t; a @Set of this table has that"
        + " name (sets and maps share their names)").inFile(f).onLine(6);
  }

  @Test
  void nft136UnknownDataType() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"s\", type = \"ipv4_adr\")", // line 4
        "interface T {}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT136] set \"s\": unknown data type \"ipv4_adr\" (did you mean"
        + " \"ipv4_addr\"?); use an nft data type").inFile(f).onLine(4);
  }

  @Test
  void nft137ElementThatDoesNotFit() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"s\", type = \"ipv4_addr\",",
        "    elements = {\"10.0.0.1\", \"10.0.0.300\"})", // line 5
        "@Map(name = \"m\", type = \"inet_service\", value = \"verdict\",",
        "    elements = \"22 : acept\")", // line 7
        "interface T {}");
    Compilation c = failing(f, 2);
    assertThat(c).hadErrorContaining("[NFT137] set \"s\": element \"10.0.0.300\" does not fit ipv4_addr: invalid IPv4"
        + " address \"10.0.0.300\": octet 300 is outside 0..255").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT137] map \"m\": element \"22 : acept\" does not fit inet_service : verdict:")
        .inFile(f).onLine(7);
  }

  @Test
  void nft138InvalidObjectAttributes() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Quota(name = \"q\", bytes = 0)", // line 4
        "@Limit(name = \"l\", rate = 5, per = \"fortnight\")", // line 5
        "@CtTimeout(name = \"ct\", policy = \"established\")", // line 6
        "@Flowtable(name = \"f\", devices = {})", // line 7
        "interface T {}");
    Compilation c = failing(f, 4);
    assertThat(c).hadErrorContaining("[NFT138] quota \"q\": the quota must be a positive number of bytes, not 0")
        .inFile(f).onLine(4);
    assertThat(c).hadErrorContaining("[NFT138] limit \"l\": per must be second, minute, hour, day or week, not"
        + " \"fortnight\"").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT138] ct timeout \"ct\": policy entry \"established\" is not state=seconds")
        .inFile(f).onLine(6);
    assertThat(c).hadErrorContaining("[NFT138] flowtable \"f\": a flowtable needs at least one device").inFile(f).onLine(7);
  }

  @Test
  void nft139SetFlagMissing() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"a\", type = \"ipv4_addr\", timeout = \"1h\")", // line 4
        "@Set(name = \"b\", type = \"ipv4_addr\", elements = \"10.0.0.0/8\")", // line 5
        "@Set(name = \"c\", type = \"ipv4_addr\", autoMerge = true)", // line 6
        "interface T {}");
    Compilation c = failing(f, 3);
    assertThat(c).hadErrorContaining("[NFT139] set \"a\": timeout needs the timeout flag; add SetFlag.TIMEOUT to flags")
        .inFile(f).onLine(4);
    assertThat(c).hadErrorContaining("[NFT139] set \"b\": element \"10.0.0.0/8\" (a prefix or range) needs the interval"
        + " flag; add SetFlag.INTERVAL to flags").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT139] set \"c\": autoMerge needs the interval flag").inFile(f).onLine(6);
  }

  @Test
  void nft140DslRuleMustBeStaticAndReturnARuleBody() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule void a();", // line 5
        "    @Rule static String b() { return \"\"; }", // line 6
        "  }",
        "}");
    Compilation c = failing(f, 2);
    assertThat(c).hadErrorContaining("[NFT140] C.a(): a @Rule without text is a DSL rule, so the method must be static"
        + " and return io.jnftables.dsl.RuleBody; it is not static").inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[NFT140] C.b(): a @Rule without text is a DSL rule, so the method must be static"
        + " and return io.jnftables.dsl.RuleBody; it returns java.lang.String").inFile(f).onLine(6);
  }

  @Test
  void nft141ObjectOutsideATable() {
    JavaFileObject f = src(
        "@Counter(name = \"c\")", // line 3
        "interface T {}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT141] @Counter on interface T, which is not a @Table type")
        .inFile(f).onLine(3);
  }

  @Test
  void nft110And142Devices() {
    JavaFileObject f = src(
        "@Table(name = \"t\", family = Family.NETDEV) interface T {",
        "  @Chain(name = \"in\", hook = Hook.INGRESS) interface In {}", // line 4
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT110] chain \"in\": hook INGRESS needs a device; name the"
        + " interface the chain sees, e.g. device = \"eth0\"").inFile(f).onLine(4);
    JavaFileObject g = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"in\", hook = Hook.INPUT,",
        "      device = \"lo\") interface In {}", // line 5
        "}");
    assertThat(failing(g, 1)).hadErrorContaining("[NFT142] chain \"in\": device \"lo\" is only for INGRESS and EGRESS"
        + " chains, and this chain hooks INPUT; remove the device").inFile(g).onLine(5);
  }

  @Test
  void nft144PacketPathUpdatesOfAConstantSet() {
    JavaFileObject f = src(
        "@Table(name = \"t\")",
        "@Set(name = \"k\", type = \"ipv4_addr\", flags = SetFlag.CONSTANT)",
        "interface T {",
        "  @Chain(name = \"c\", hook = Hook.INPUT) interface C {",
        "    @Rule(\"add @k { ip saddr }\") void r();", // line 7
        "  }",
        "}");
    assertThat(failing(f, 1)).hadErrorContaining("[NFT144] C.r(): add updates @k from the packet path, and it is"
        + " declared constant").inFile(f).onLine(7);
  }

  @Test
  void nft143TypeThatNeverResolves() {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {", // line 3
        "  @Chain(name = \"c\") interface C {",
        "    @Rule static RuleBody r(Missing m) { return null; }",
        "  }",
        "}");
    Compilation c = Compiled.compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[NFT143] T: type Missing could not be resolved after every round of annotation"
        + " processing; nothing is generated for table p.T").inFile(f).onLine(3);
  }

  /** Generates {@code p.Peer} in the first round, as another processor would. */
  static final class PeerGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("p.Peer").openWriter()) {
          w.write("package p; public final class Peer { public int port() { return 2049; } }");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aTypeGeneratedInALaterRoundIsWaitedFor() throws Exception {
    JavaFileObject f = src(
        "@Table(name = \"t\") interface T {",
        "  @Chain(name = \"c\") interface C {",
        "    @Rule static RuleBody r(Peer peer) { return Expr.expr().tcp().dport(peer.port()).accept(); }",
        "  }",
        "}");
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(new NftablesProcessor(), new PeerGenerator())
        .compile(f);
    assertThat(c).succeededWithoutWarnings();
    Class<?> chain = Class.forName("p.TRuleset$C", true, Compiled.classLoader(c));
    Class<?> peer = Class.forName("p.Peer", true, chain.getClassLoader());
    io.jnftables.model.Rule rule = (io.jnftables.model.Rule) chain.getMethod("r", peer)
        .invoke(null, peer.getConstructor().newInstance());
    assertEquals("tcp dport 2049 accept", io.jnftables.text.NftText.print(rule.statements()));
  }
}
