package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.batch.Batch;
import io.jnftables.json.JsonCodec;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.Sh;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each input {@link AbortGuard} refuses is one libnftables 1.0.6 really dies on: sent straight to
 * an in-process libnftables (a child JVM in a fresh namespace, no client in between) it kills the
 * JVM. Through a client, on either backend and every route (raw JSON, raw nft text, a batch as JSON
 * or as text, check, confirmed commit), it is refused with a {@link LibnftablesDefectException}
 * naming the defect and the command, and the ruleset is unchanged. Inputs next to them are not
 * refused, and do what they say.
 */
@Tag("kernel")
class KnownAbortsKernelTest {
  static final String SETUP = """
      table inet t {
        ct timeout ctt { protocol tcp; l3proto ip; policy = { established : 123 }; }
        ct expectation cte { protocol tcp; dport 666; timeout 100ms; size 96; l3proto ip; }
        set s { type ipv4_addr; }
        map vm { type ipv4_addr : verdict; }
        limit lim { rate 400/hour; }
        counter k { }
        chain c { tcp dport 1 accept; }
        chain d { }
      }
      """;

  /**
   * An input that aborts libnftables 1.0.6: the defect name the guard gives it, JSON or text, the
   * request, whether it is certain to die ({@code false}: undefined behaviour that may or may not
   * crash, refused all the same) and the command index the refusal names.
   */
  record Repro(String defect, boolean json, String request, boolean dies, int command) {
    @Override
    public String toString() {
      return defect + (json ? " (JSON)" : " (text)");
    }
  }

  static final List<Repro> REPROS = List.of(
      new Repro("json-delete-ct-object", true,
          "{\"nftables\":[{\"delete\":{\"ct timeout\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"ctt\"}}}]}", true, 0),
      new Repro("json-delete-ct-object", true,
          "{\"nftables\":[{\"add\":{\"counter\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"k2\"}}},"
              + "{\"delete\":{\"ct expectation\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"cte\"}}}]}", true, 1),
      new Repro("json-list-limits", true, "{\"nftables\":[{\"list\":{\"limits\":null}}]}", true, 0),
      new Repro("rename-then-delete-chain", true,
          "{\"nftables\":[{\"rename\":{\"chain\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"d\",\"newname\":\"e\"}}},"
              + "{\"delete\":{\"chain\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"d\"}}}]}", true, 1),
      new Repro("rename-then-delete-chain", false, "rename chain inet t d e\ndelete table inet t", true, 1),
      new Repro("json-ct-timeout", true,
          "{\"nftables\":[{\"add\":{\"ct timeout\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"x\","
              + "\"protocol\":\"bogus\",\"l3proto\":\"ip\",\"policy\":{\"established\":1}}}}]}", true, 0),
      new Repro("json-ct-timeout", true,
          "{\"nftables\":[{\"add\":{\"ct timeout\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"x\","
              + "\"protocol\":\"tcp\",\"l3proto\":\"bogus\",\"policy\":{\"established\":1}}}}]}", true, 0),
      // no "policy": nft 1.0.6 tests an uninitialised stack pointer; seen refusing, not crashing
      new Repro("json-ct-timeout", true,
          "{\"nftables\":[{\"add\":{\"ct timeout\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"x\","
              + "\"protocol\":\"tcp\",\"l3proto\":\"ip\"}}}]}", false, 0),
      new Repro("verdict-element-key", true,
          "{\"nftables\":[{\"add\":{\"element\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"s\","
              + "\"elem\":[{\"accept\":null}]}}}]}", true, 0),
      new Repro("replace-rule-interval-set", true,
          "{\"nftables\":[{\"replace\":{\"rule\":{\"family\":\"inet\",\"table\":\"t\",\"chain\":\"c\",\"handle\":999,"
              + "\"expr\":[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},"
              + "\"right\":{\"set\":[{\"range\":[1,5]},7]}}},{\"accept\":null}]}}}]}", true, 0),
      new Repro("replace-rule-interval-set", false,
          "add counter inet t k3\nreplace rule inet t c handle 999 tcp dport { 1-5, 7 } accept", true, 1));

  /** Without the guard, each certain input kills an in-process JVM; the others do not matter. */
  @Test
  void eachRefusedInputKillsAnUnguardedJvm() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "known-aborts"));
    Files.writeString(dir.resolve("setup.nft"), SETUP);
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < REPROS.size(); i++) {
      Repro r = REPROS.get(i);
      Path request = dir.resolve("request-" + i + (r.json() ? ".json" : ".nft"));
      Files.writeString(request, r.request());
      int repeat = r.dies() ? 1 : 200;
      String[] out = new String[1];
      int exit = child(r.json(), dir.resolve("setup.nft"), request, repeat, out);
      report.append(r).append(": exit ").append(exit).append(' ').append(lastWords(out[0])).append('\n');
      if (r.dies()) {
        // 134: abort() (SIGABRT); a SIGSEGV is caught by the JVM's handler, which exits 1 after
        // writing its crash report. Either way the JVM is gone before it could say it survived.
        assertFalse(out[0].contains("SURVIVED"), r + " survived: " + out[0]);
        assertTrue(exit == 134 || exit == 1 && out[0].contains("SIGSEGV"), r + ": exit " + exit + "\n" + out[0]);
      } else {
        assertTrue(exit == 0 && out[0].contains("SURVIVED error"), r + ": exit " + exit + "\n" + out[0]);
      }
    }
    System.out.print("KNOWN-ABORTS\n" + report);
  }

  @ParameterizedTest
  @EnumSource(Nftables.Backend.class)
  void eachIsRefusedOnEveryRouteAndChangesNothing(Nftables.Backend backend) {
    String host = Sh.hostRuleset();
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).backend(backend).open()) {
      nft.runText(SETUP);
      String before = nft.listRulesetText();
      for (Repro r : REPROS) {
        refused(r, () -> {
          if (r.json()) {
            nft.runJson(r.request());
          } else {
            nft.runText(r.request());
          }
        });
        Batch batch = r.json() ? Batch.of(JsonCodec.decodeCommands(r.request())) : Batch.parse(r.request());
        CallOptions route = r.json() ? CallOptions.defaults() : CallOptions.defaults().asText();
        refused(r, () -> nft.submit(batch, route));
        refused(r, () -> nft.check(batch, route));
        if (!r.defect().equals("json-list-limits")) { // a listing cannot be confirmed
          refused(r, () -> nft.submitConfirmed(batch, Duration.ofMinutes(1), route));
        }
        assertEquals(before, nft.listRulesetText(), r.toString());
      }
      assertTrue(nft.pendingCommit().isEmpty());
    }
    assertEquals(host, Sh.hostRuleset());
  }

  private static void refused(Repro r, Executable call) {
    LibnftablesDefectException e = assertThrows(LibnftablesDefectException.class, call, r.toString());
    assertEquals(r.defect(), e.defect(), e.getMessage());
    assertEquals(r.command(), e.commandIndex().orElse(-1), e.getMessage());
    assertTrue(e.getMessage().startsWith("refused before reaching libnftables: command " + r.command()), e.getMessage());
    assertTrue(e.getMessage().contains(" instead") || e.getMessage().contains("Use ")
        || e.getMessage().contains("separate requests") || e.getMessage().contains("named set"), e.getMessage());
  }

  /** Next to each refused input, one that is not refused and does what it says. */
  @Test
  void theirNeighboursAreNotRefused() {
    try (Nftables nft = Nftables.builder().netns(NetnsTarget.fresh()).open()) {
      nft.runText(SETUP);
      String handle = nft.runText("list chain inet t c", CallOptions.defaults().withHandles())
          .replaceAll("(?s).*tcp dport 1 accept # handle (\\d+).*", "$1");
      nft.runText("delete ct timeout inet t ctt"); // the text route deletes it
      nft.runJson("{\"nftables\":[{\"delete\":{\"counter\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"k\"}}}]}");
      nft.runJson("{\"nftables\":[{\"replace\":{\"rule\":{\"family\":\"inet\",\"table\":\"t\",\"chain\":\"c\",\"handle\":"
          + handle + ",\"expr\":[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},"
          + "\"right\":{\"set\":[22,80]}}},{\"accept\":null}]}}}]}"); // no interval
      nft.runJson("{\"nftables\":[{\"add\":{\"element\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"vm\","
          + "\"elem\":[[\"10.0.0.1\",{\"accept\":null}]]}}}]}"); // a verdict as the value
      nft.runJson("{\"nftables\":[{\"add\":{\"ct timeout\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"x\","
          + "\"protocol\":\"udp\",\"l3proto\":\"ip\",\"policy\":{\"unreplied\":5}}}}]}");
      nft.runText("rename chain inet t d e"); // then the delete in a request of its own, as the refusal advises
      nft.runText("delete chain inet t e");
      assertTrue(nft.runText("list limits").contains("limit lim"));
      String after = nft.listRulesetText();
      assertFalse(after.contains("ct timeout ctt") || after.contains("counter k ") || after.contains("chain d")
          || after.contains("chain e"), after);
      assertTrue(after.contains("tcp dport { 22, 80 } accept"), after);
      assertTrue(after.contains("10.0.0.1 : accept"), after);
      assertTrue(after.contains("ct timeout x"), after);
      // a name with a dash is no range: nft itself answers (no such rule)
      NftablesException e = assertThrows(NftablesException.class,
          () -> nft.runText("replace rule inet t c handle 999 icmp type { echo-request, echo-reply } accept"));
      assertFalse(e instanceof LibnftablesDefectException, e.getMessage());
      assertEquals(after, nft.listRulesetText());
    }
  }

  /** nft's assertion, the JVM's signal and frame, or what the child printed last. */
  private static String lastWords(String out) {
    java.util.regex.Matcher bug = java.util.regex.Pattern.compile("(?m)^(BUG: .*)$").matcher(out);
    java.util.regex.Matcher sig = java.util.regex.Pattern.compile("(?s)#\\s+(SIG[A-Z]+) .*?Problematic frame:\\s*\\n#\\s*(.*?)\\n")
        .matcher(out);
    return bug.find() ? bug.group(1) : sig.find() ? sig.group(1) + " in " + sig.group(2).strip()
        : out.strip().lines().reduce((a, b) -> b).orElse("");
  }

  /** Runs {@link AbortReproChild}; returns its exit code, its output in {@code out[0]}. */
  private static int child(boolean json, Path setup, Path request, int repeat, String[] out)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path dir = setup.getParent().toAbsolutePath();
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
        "-cp", System.getProperty("java.class.path"), AbortReproChild.class.getName(),
        json ? "json" : "text", setup.toString(), request.toString(), Integer.toString(repeat))
        .redirectErrorStream(true).start();
    try (InputStream in = p.getInputStream()) {
      out[0] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("child hung");
    }
    return p.exitValue();
  }
}
