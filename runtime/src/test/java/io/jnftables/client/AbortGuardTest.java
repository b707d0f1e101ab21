package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link AbortGuard} reads requests as libnftables does: JSON as its JSON parser would (escapes,
 * command and object keys in nft's order), text as its scanner would (comments, strings, commands
 * split by newline and {@code ;}). What it refuses libnftables would die on
 * ({@link KnownAbortsKernelTest} proves each); what only looks alike passes.
 */
class AbortGuardTest {
  private static LibnftablesDefectException refusedJson(String json) {
    return assertThrows(LibnftablesDefectException.class, () -> AbortGuard.check(NftRequest.json(json)), json);
  }

  private static LibnftablesDefectException refusedText(String text) {
    return assertThrows(LibnftablesDefectException.class, () -> AbortGuard.check(NftRequest.text(text)), text);
  }

  private static void passesJson(String json) {
    AbortGuard.check(NftRequest.json(json));
  }

  private static void passesText(String text) {
    AbortGuard.check(NftRequest.text(text));
  }

  @Test
  void mostRequestsAreNotEvenParsed() {
    assertFalse(AbortGuard.mayAbort("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"t\"}}}]}"));
    assertFalse(AbortGuard.mayAbort("add rule inet t c tcp dport { 22, 80 } accept"));
    assertTrue(AbortGuard.mayAbort("delete ct timeout inet t x"));
  }

  @Test
  void jsonIsReadAsNftReadsIt() {
    String del = "{\"nftables\":[{\"delete\":{\"ct timeout\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"x\"}}}]}";
    LibnftablesDefectException e = refusedJson(del);
    assertEquals("json-delete-ct-object", e.defect());
    assertEquals(0, e.commandIndex().orElse(-1));
    assertTrue(e.getMessage().contains("delete ct timeout inet t x"), e.getMessage()); // what to send instead
    assertEquals(del, e.request());
    // a key spelt with escapes is the same key to jansson
    assertEquals("json-delete-ct-object",
        refusedJson("{\"nftables\":[{\"delete\":{\"ct \\u0074imeout\":{\"family\":\"inet\",\"table\":\"t\",\"handle\":4}}}]}")
            .defect());
    // metainfo items do not count as commands, but are counted
    assertEquals(1, refusedJson("{\"nftables\":[{\"metainfo\":{}},{\"delete\":{\"ct expectation\":{\"family\":\"ip\","
        + "\"table\":\"t\",\"name\":\"e\"}}}]}").commandIndex().orElse(-1));
    // the same words as data, or where nft stops before the broken code: no refusal
    passesJson("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"t\",\"comment\":\"delete ct timeout\"}}}]}");
    passesJson("{\"nftables\":[{\"delete\":{\"ct timeout\":{\"family\":\"bogus\",\"table\":\"t\",\"name\":\"x\"}}}]}");
    passesJson("{\"nftables\":[{\"list\":{\"limit\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"l\"}}}]}");
    passesJson("{\"nftables\":[{\"rename\":{\"chain\":{\"family\":\"inet\",\"table\":\"t\",\"name\":\"d\",\"newname\":\"e\"}}},"
        + "{\"delete\":{\"chain\":{\"family\":\"inet\",\"table\":\"u\",\"name\":\"d\"}}}]}"); // another table
    // not JSON at all: read as nft text, as libnftables falls back to its text parser
    assertEquals("rename-then-delete-chain",
        refusedJson("rename chain inet t d e; delete chain inet t d").defect());
  }

  @Test
  void textIsReadAsNftsScannerReadsIt() {
    LibnftablesDefectException e = refusedText("add table inet t\nrename chain inet t d e\ndelete table inet t");
    assertEquals("rename-then-delete-chain", e.defect());
    assertEquals(2, e.commandIndex().orElse(-1));
    assertEquals("replace-rule-interval-set",
        refusedText("define P = { 1-5 }\nreplace rule inet t c handle 4 tcp dport $P accept").defect());
    assertEquals("replace-rule-interval-set",
        refusedText("replace rule ip t c handle 4 ip saddr { 10.0.0.0/8 } accept").defect());
    assertEquals("include-unchecked", refusedText("include \"/etc/nftables.conf\"").defect());
    // in a comment or a string, or without an interval, or a rename of another chain: no refusal
    passesText("# include \"/etc/x\"\nadd table inet t { comment \"replace rule inet t c handle 4 tcp dport { 1-5 }\"; }");
    passesText("replace rule inet t c handle 4 icmp type { echo-request, echo-reply } accept");
    passesText("replace rule inet t c handle 4 tcp dport 1-5 accept"); // a range, but no set
    passesText("rename chain inet t d e\ndelete chain inet t f\ndelete chain inet t e handle 3");
    passesText("delete ct timeout inet t x"); // nft text deletes it
  }
}
