package io.jnftables.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.client.NftablesException;
import io.jnftables.json.Conformance;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Ruleset;
import io.jnftables.query.Query;
import io.jnftables.testing.KernelNs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The round trip over the nftables 1.0.6 shell-test rulesets: each one nft loads here is listed,
 * imported into a batch ({@link Builder#fromRuleset}), the namespace is flushed, and the batch is
 * applied in a fresh namespace; the two listings must be the same apart from kernel handles and
 * the countdown of element expiry.
 */
@Tag("kernel")
class RoundTripConformanceKernelTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String LIST = "{\"nftables\":[{\"list\":{\"ruleset\":null}}]}";

  static List<Path> dumps() throws IOException {
    Path root = Conformance.require("shell-dumps");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".nft")
              && p.getParent().getFileName().toString().equals("dumps"))
          .sorted()
          .toList();
    }
  }

  /**
   * Rulesets whose listing nft 1.0.6 cannot take back as JSON input, whatever the client does:
   * bugs and gaps of its JSON parser or printer, each checked by hand against nft 1.0.6 here.
   */
  static final Map<String, String> NFT_106_JSON_CANNOT =
      Map.ofEntries(
          Map.entry("chains/dumps/0041chain_binding_0.nft", "anonymous chains are listed as nft text, which JSON input refuses"),
          Map.entry("maps/dumps/typeof_maps_update_0.nft", "a statement is listed as nft text, which JSON input refuses"),
          Map.entry("chains/dumps/0042chain_variable_0.nft", "a chain on two devices: the JSON listing omits devices and the model holds one"),
          Map.entry("maps/dumps/0010concat_map_0.nft", "map values of a concatenated type: 'Invalid map type'"),
          Map.entry("maps/dumps/nat_addr_port.nft", "map values of a concatenated type: 'Invalid map type'"),
          Map.entry("sets/dumps/0067nat_concat_interval_0.nft", "map values of a concatenated type: 'Invalid map type'"),
          Map.entry("maps/dumps/typeof_integer_0.nft", "typeof keys are listed as 'integer', which JSON input refuses"),
          Map.entry("maps/dumps/typeof_maps_0.nft", "typeof keys are listed as 'string'/'integer', which JSON input refuses"),
          Map.entry("maps/dumps/typeof_raw_0.nft", "typeof keys are listed as 'integer', which JSON input refuses"),
          Map.entry("sets/dumps/typeof_raw_0.nft", "typeof keys are listed as 'integer', which JSON input refuses"),
          Map.entry("sets/dumps/0029named_ifname_dtype_0.nft", "typeof keys are listed as 'integer', which JSON input refuses"),
          Map.entry("sets/dumps/0070stacked_l2_headers.nft", "typeof keys are listed as 'integer', which JSON input refuses"),
          Map.entry("sets/dumps/typeof_sets_0.nft", "typeof keys are listed as 'string', which JSON input refuses"),
          Map.entry("sets/dumps/typeof_sets_1.nft", "typeof keys are listed as 'integer', which JSON input refuses"),
          Map.entry("nft-f/dumps/0017ct_timeout_obj_0.nft", "JSON input ignores a ct timeout policy (inverted check, fixed in nft 1.0.9)"),
          Map.entry("nft-f/dumps/0025empty_dynset_0.nft", "JSON input drops statements (counter, limit) of set elements"),
          Map.entry("optionals/dumps/comments_objects_0.nft", "JSON input cannot add synproxy objects ('Unknown object passed to add command')"),
          Map.entry("sets/dumps/0024named_objects_0.nft", "JSON input cannot add synproxy objects ('Unknown object passed to add command')"),
          Map.entry("sets/dumps/0047nat_0.nft", "map values that are intervals: the listing lacks it, JSON input refuses ('Value must be a singleton')"),
          Map.entry("sets/dumps/0054comments_set_0.nft", "JSON input ignores set and map comments"),
          Map.entry("transactions/dumps/0002table_0.nft", "the JSON listing mangles table flags ('x' for dormant) and JSON input ignores them"));

  @Test
  void everyLoadableRulesetSurvivesImportFlushAndReapply() throws IOException {
    Path root = Conformance.require("shell-dumps");
    List<Path> files = dumps();
    int loadable = 0;
    int same = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      String id = root.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String before;
      Batch batch;
      try (KernelNs ns = KernelNs.fresh()) {
        try {
          ns.text(text);
        } catch (NftablesException e) {
          continue;
        }
        loadable++;
        before = listing(ns, id);
        Ruleset listed = Query.of(ns.nft()).ruleset();
        batch = Builder.fromRuleset(listed).build();
        ns.nft().submit(Builder.create().flushRuleset().build());
        assertEquals(0, ns.nft().listRuleset().tables().size(), id + ": flush left tables");
      } catch (RuntimeException e) {
        failures.add(id + ": listing or import failed: " + e);
        continue;
      }
      try (KernelNs ns = KernelNs.fresh()) {
        ns.nft().submit(batch);
        String after = listing(ns, id);
        JsonNode a = normalize(M.readTree(before));
        JsonNode b = normalize(M.readTree(after));
        if (a.equals(b)) {
          same++;
        } else {
          failures.add(id + ": listed differently after reapply\n  before " + a + "\n  after  " + b);
        }
      } catch (IOException e) {
        failures.add(id + ": a listing is not JSON: " + e.getMessage());
      } catch (NftablesException e) {
        failures.add(id + ": reapply refused: " + e.nftMessage().strip().lines().findFirst().orElse("")
            + "\n  batch " + abbreviate(batch.toJson()));
      }
    }
    System.out.println("CONFORMANCE roundtrip rulesets=" + same + "/" + loadable);
    List<String> unexpected = new ArrayList<>();
    for (String f : failures) {
      String id = f.substring(0, f.indexOf(':'));
      if (NFT_106_JSON_CANNOT.containsKey(id)) {
        System.out.println("  not round-trippable through nft 1.0.6 JSON: " + id + ": " + NFT_106_JSON_CANNOT.get(id));
      } else {
        unexpected.add(f);
      }
    }
    if (!unexpected.isEmpty()) {
      fail(unexpected.size() + " ruleset(s) did not round trip:\n" + String.join("\n", unexpected));
    }
    assertEquals(loadable - NFT_106_JSON_CANNOT.size(), same, "every ruleset outside the known nft 1.0.6 gaps round trips");
    assertTrue(loadable >= 150, "only " + loadable + " rulesets load here");
  }

  static final List<String> TRUNCATED = new ArrayList<>();

  /**
   * The JSON listing. Rarely (seen once in a full suite run, never in isolation) the listing's text
   * came back cut short; that is retried once and reported, so a native-layer flake shows without
   * hiding the round trip's own result.
   */
  static String listing(KernelNs ns, String id) {
    String s = ns.json(LIST);
    try {
      M.readTree(s);
      return s;
    } catch (IOException e) {
      String again = ns.json(LIST);
      System.out.println("WARNING: truncated JSON listing (" + s.length() + " chars) for " + id + ", retried: "
          + (again.length() == s.length() ? "same length" : again.length() + " chars"));
      TRUNCATED.add(id);
      return again;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }

  /** Without the metainfo, handles and element expiry countdowns. */
  static JsonNode normalize(JsonNode listing) {
    ArrayNode out = M.createArrayNode();
    for (JsonNode item : listing.get("nftables")) {
      if (item.has("metainfo")) {
        continue;
      }
      out.add(strip(item.deepCopy()));
    }
    return out;
  }

  private static JsonNode strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove("handle");
      o.remove("expires");
      JsonNode elem = o.get("elem");
      if (elem instanceof ArrayNode a && (o.has("type") || o.has("map"))) {
        // The order of a set's elements is the kernel's (hash or tree order), not part of its meaning.
        List<JsonNode> sorted = new ArrayList<>();
        a.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(JsonNode::toString));
        a.removeAll();
        sorted.forEach(a::add);
      }
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        strip(it.next().getValue());
      }
    } else if (n instanceof ArrayNode a) {
      for (JsonNode x : a) {
        strip(x);
      }
    }
    return n;
  }

  static String encode(Ruleset rs) {
    return JsonCodec.encodeRuleset(rs);
  }
}
