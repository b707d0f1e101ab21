package io.jnftables.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JSON of a generated ruleset is accepted by the kernel, and listed back as the policy says.
 * Runs {@code nft} in a fresh network namespace ({@code unshare -n}), never in the machine's own;
 * the processor does not depend on the native module, so this uses the nft command.
 */
@Tag("kernel")
class GeneratedRulesetKernelTest {

  @Test
  void kernelAcceptsAndListsTheGeneratedPolicy() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create a network namespace");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")), "needs /usr/sbin/nft (package nftables)");
    Compilation compilation = Compiled.compile(Compiled.resource("com/example/BasicFirewall.java"));
    assertThat(compilation).succeeded();
    String json = (String) Compiled.call(compilation, "com.example.BasicFirewallRuleset", "toJson");

    Process nft = new ProcessBuilder("unshare", "-n", "sh", "-c", "nft -j -f - && nft list ruleset")
        .redirectErrorStream(true)
        .start();
    try (OutputStream in = nft.getOutputStream()) {
      in.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String listed = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!nft.waitFor(30, TimeUnit.SECONDS)) {
      nft.destroyForcibly();
      throw new IOException("nft did not finish");
    }
    assertEquals(0, nft.exitValue(), listed);
    assertEquals(
        String.join("\n",
            "table inet filter {",
            "\tchain input {",
            "\t\ttype filter hook input priority filter; policy drop;",
            "\t\tiif \"lo\" accept",
            "\t\tct state established,related accept",
            "\t\tct state invalid drop",
            "\t\tip saddr 10.0.0.0/8 tcp dport { 22, 80, 443 } ct state new jump services",
            "\t\tip6 saddr fe80::/10 meta l4proto ipv6-icmp accept",
            "\t\ttcp dport 1000-2000 log prefix \"high \" reject with tcp reset",
            "\t}",
            "",
            "\tchain services {",
            "\t\tcounter packets 0 bytes 0 accept",
            "\t}",
            "",
            "\tchain output {",
            "\t\ttype filter hook output priority filter - 10; policy accept;",
            "\t}",
            "}",
            ""),
        listed);
  }
}
