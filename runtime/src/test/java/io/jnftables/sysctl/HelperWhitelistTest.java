package io.jnftables.sysctl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The privileged helper checks sysctl paths against its own copy of the whitelist
 * ({@code native/src/main/c/jnft-sysctl-whitelist.h}), because it must not trust the JVM. This test
 * keeps that copy equal to {@link SysctlParameter#all()}: it renders the header from the Java
 * whitelist and fails when the file differs.
 *
 * <p>Regenerate with {@code JNFT_UPDATE_DOCS=1 mvn -q -o -pl native,runtime -am verify
 * -DexcludedTestGroups=kernel -Dtest=HelperWhitelistTest -Dsurefire.failIfNoSpecifiedTests=false},
 * then build again (the helper is compiled with the header).
 */
class HelperWhitelistTest {
  static final Path HEADER = Path.of("..", "native", "src", "main", "c", "jnft-sysctl-whitelist.h");

  @Test
  void helperWhitelistHeaderMatchesTheJavaWhitelist() throws IOException {
    String expected = render();
    String current = Files.exists(HEADER) ? Files.readString(HEADER, StandardCharsets.UTF_8) : "";
    if (expected.equals(current)) {
      return;
    }
    if ("1".equals(System.getenv("JNFT_UPDATE_DOCS")) || Boolean.getBoolean("jnftables.updateDocs")) {
      Files.writeString(HEADER, expected, StandardCharsets.UTF_8);
      return;
    }
    fail(HEADER.normalize() + " differs from SysctlParameter.all(): regenerate it with"
        + " JNFT_UPDATE_DOCS=1 mvn -q -o -pl native,runtime -am verify -DexcludedTestGroups=kernel"
        + " -Dtest=HelperWhitelistTest -Dsurefire.failIfNoSpecifiedTests=false, then rebuild");
  }

  static String render() {
    StringBuilder b = new StringBuilder();
    b.append("/*\n")
        .append(" * The sysctl whitelist of jnft-helper: paths below /proc/sys/net. GENERATED from\n")
        .append(" * io.jnftables.sysctl.SysctlParameter.all() by HelperWhitelistTest, which fails when\n")
        .append(" * this file differs from the Java whitelist; do not edit by hand.\n")
        .append(" */\n")
        .append("static const char *const JNFT_SYSCTL_PATHS[] = {\n");
    for (SysctlParameter p : SysctlParameter.concrete()) {
      b.append("    \"").append(p.resolved().relativePath()).append("\",\n");
    }
    b.append("    NULL,\n};\n\n")
        .append("/* Per-interface parameters: prefix, an interface name, suffix. */\n")
        .append("static const struct {\n  const char *prefix;\n  const char *suffix;\n}")
        .append(" JNFT_SYSCTL_TEMPLATES[] = {\n");
    for (SysctlParameter t : SysctlParameter.templates()) {
      List<String> segs = List.of(t.name().substring("net.".length()).split("\\."));
      int i = segs.indexOf(SysctlParameter.INTERFACE);
      b.append("    {\"").append(String.join("/", segs.subList(0, i))).append("/\", \"/")
          .append(String.join("/", segs.subList(i + 1, segs.size()))).append("\"},\n");
    }
    b.append("    {NULL, NULL},\n};\n");
    return b.toString();
  }
}
