package io.jnftables.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses requests that libnftables 1.0.6 would abort or crash the process on (see
 * {@code docs/client.md}, "Inputs that would abort libnftables", for the list), before they reach any executor.
 *
 * <p>It runs on every request, so it first looks for the few words every such input must contain
 * ({@link #mayAbort}) and parses nothing unless one is there. A request with the JSON option that
 * jansson would read is checked as nft's JSON parser reads it ({@link JsonAbortRules}); anything
 * else as nft text ({@link TextAbortRules}), as libnftables falls back to its text parser when the
 * input is not JSON.
 */
final class AbortGuard {
  private AbortGuard() {}

  /**
   * Reads JSON as jansson (libnftables' parser) does: one value and nothing after it, as deep and
   * with numbers and strings as long as jansson takes.
   */
  private static final ObjectMapper JANSSON_LIKE = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(4096).maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Words one of which every aborting input contains. JSON keys could also spell them with
   * {@code \\u} escapes, so an escape counts too.
   */
  private static final String[] TRIGGERS = {"ct timeout", "ct expectation", "limits", "replace", "rename",
      "include", "\\u"};
  private static final String[] VERDICT_WORDS = {"\"accept\"", "\"drop\"", "\"jump\"", "\"goto\"",
      "\"continue\"", "\"return\""};

  /** Throws {@link LibnftablesDefectException} if libnftables 1.0.6 would abort on {@code request}. */
  static void check(NftRequest request) {
    String in = request.input();
    if (!mayAbort(in)) {
      return;
    }
    JsonNode items = request.has(NftRequest.Option.JSON) ? jsonItems(in) : null;
    JsonAbortRules.Finding f = items != null ? JsonAbortRules.check(items) : TextAbortRules.check(in);
    if (f != null) {
      throw new LibnftablesDefectException(f.defect(), "refused before reaching libnftables: command " + f.index()
          + " (" + f.verb() + " " + f.path() + ") " + f.why(), f.index(), null, f.path(), in);
    }
  }

  /** Whether {@code in} holds any word an aborting input needs; false for nearly every request. */
  static boolean mayAbort(String in) {
    for (String t : TRIGGERS) {
      if (in.contains(t)) {
        return true;
      }
    }
    if (in.contains("\"elem\"")) { // a verdict as a set element's key
      for (String v : VERDICT_WORDS) {
        if (in.contains(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The {@code nftables} array of a document libnftables would read as JSON, or null if it would
   * read the input as nft text (it is not JSON) or refuse it (it is JSON but not a document).
   */
  private static @Nullable JsonNode jsonItems(String in) {
    JsonNode root;
    try {
      root = JANSSON_LIKE.readTree(in);
    } catch (IOException e) {
      return null; // not JSON: libnftables reads it as nft text
    }
    if (root == null || !root.isContainerNode()) {
      return null; // jansson reads only an object or array at the top: nft text
    }
    // (Where jansson refuses what Jackson reads — an integer beyond 64 bits, a NUL in a string —
    // libnftables reads the input as nft text; text made of JSON strings and numbers holds none of
    // the words TextAbortRules acts on, so checking it as JSON can only refuse more, never less.)
    if (!root.path("nftables").isArray()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(); // nft refuses it
    }
    return root.get("nftables");
  }
}
