package io.jnftables.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The libnftables 1.0.6 JSON inputs that abort or crash the process, recognised on the document
 * as nft's JSON parser reads it: an item's command is the first of nft's command keys it has (none:
 * {@code add}), and its object the first of that command's object keys, in nft's order. Each rule
 * was found by the abort hunt or by reading nft 1.0.6's source, and checked against it (see
 * {@code docs/client.md}).
 */
final class JsonAbortRules {
  private JsonAbortRules() {}

  /**
   * Why command {@code index} aborts, and on what; {@code defect} is the stable name
   * {@link LibnftablesDefectException#defect()} reports.
   */
  record Finding(int index, String verb, ObjectPath path, String defect, String why) {}

  /** A rule's verdict: the defect's stable name and what to tell the caller. */
  record Why(String defect, String message) {}

  static final String DELETE_CT_OBJECT = "json-delete-ct-object";
  static final String LIST_LIMITS_DEFECT = "json-list-limits";
  static final String RENAME_THEN_DELETE = "rename-then-delete-chain";
  static final String CT_TIMEOUT_JSON = "json-ct-timeout";
  static final String VERDICT_KEY = "verdict-element-key";
  static final String REPLACE_INTERVAL = "replace-rule-interval-set";

  /** nft's command keys in the order {@code json_parse_cmd} tries them. */
  private static final String[] VERBS = {"add", "replace", "create", "insert", "delete", "list", "reset", "flush", "rename"};

  /** The object keys of {@code add}, {@code create} and {@code delete}, in nft's order ({@code json_parse_cmd_add}). */
  private static final String[] ADD_OBJECTS = {"table", "chain", "rule", "set", "map", "element", "flowtable",
      "counter", "quota", "ct helper", "ct timeout", "ct expectation", "limit", "secmark"};

  /** The object keys of {@code list}, in nft's order ({@code json_parse_cmd_list}). */
  private static final String[] LIST_OBJECTS = {"table", "tables", "chain", "chains", "set", "sets", "map", "maps",
      "counter", "counters", "quota", "quotas", "ct helper", "ct helpers", "ct timeout", "ct expectation", "limit",
      "limits", "ruleset", "meter", "meters", "flowtables", "secmark", "secmarks"};

  /** The families nft's JSON parser knows ({@code parse_family}). */
  static final Set<String> FAMILIES = Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");

  /** The verdict expressions of nft's JSON. */
  private static final Set<String> VERDICTS = Set.of("accept", "drop", "continue", "return", "jump", "goto");

  /** A chain renamed earlier in the request: a later delete of it or its table by name crashes. */
  record Renamed(int index, String family, String table, String chain) {}

  /** The first command of {@code items} (the {@code nftables} array) that would abort, or null. */
  static @Nullable Finding check(JsonNode items) {
    List<Renamed> renamed = new ArrayList<>();
    int index = 0;
    for (JsonNode item : items) {
      if (item.isObject() && !item.has("metainfo")) {
        Finding f = checkItem(index, item, renamed);
        if (f != null) {
          return f;
        }
      }
      index++;
    }
    return null;
  }

  private static @Nullable Finding checkItem(int index, JsonNode item, List<Renamed> renamed) {
    String verb = firstKey(item, VERBS);
    JsonNode body = verb == null ? item : item.get(verb);
    String v = verb == null ? "add" : verb;
    if (!body.isObject()) {
      return null;
    }
    String[] objects = switch (v) {
      case "add", "create", "delete" -> ADD_OBJECTS;
      case "list" -> LIST_OBJECTS;
      case "replace", "insert" -> new String[] {"rule"};
      case "rename" -> new String[] {"chain"};
      default -> null;
    };
    String key = objects == null ? null : firstKey(body, objects);
    if (key == null) {
      return null;
    }
    JsonNode obj = body.get(key);
    Why why = switch (v) {
      case "delete" -> deleteAborts(key, obj, renamed);
      case "add", "create" -> addAborts(key, obj);
      case "list" -> key.equals("limits") ? new Why(LIST_LIMITS_DEFECT, LIST_LIMITS) : null;
      case "replace" -> obj.isObject() && obj.path("expr").isArray() ? replaceRuleAborts(obj.get("expr")) : null;
      case "rename" -> {
        if (isObjectCode(obj) && obj.path("name").isTextual()) {
          renamed.add(new Renamed(index, obj.get("family").asText(), obj.get("table").asText(), obj.get("name").asText()));
        }
        yield null;
      }
      default -> null;
    };
    return why == null ? null : new Finding(index, v, path(key, obj), why.defect(), why.message());
  }

  private static ObjectPath path(String key, JsonNode obj) {
    return obj.isObject() ? ObjectPath.fromJson(key, obj) : new ObjectPath(key, null, null, null, null, null);
  }

  static final String LIST_LIMITS = "would crash the process: libnftables 1.0.6's JSON parser turns"
      + " \"list limits\" into a listing of one limit without a name, and compares that missing name"
      + " (SIGSEGV) as soon as any table exists. List them as nft text instead: \"list limits\" or \"list"
      + " limits table FAMILY TABLE\" (runText), or list the table.";

  /**
   * Whether nft's {@code json_parse_cmd_add_object} gets past its first checks (a family it knows,
   * a table) to the code that fails; otherwise it reports an error and nothing aborts.
   */
  private static boolean isObjectCode(JsonNode obj) {
    return obj.isObject() && obj.path("family").isTextual() && FAMILIES.contains(obj.get("family").asText())
        && obj.path("table").isTextual();
  }

  private static @Nullable Why deleteAborts(String key, JsonNode obj, List<Renamed> renamed) {
    if ((key.equals("ct timeout") || key.equals("ct expectation")) && isObjectCode(obj)
        && (obj.path("name").isTextual() || obj.path("handle").isIntegralNumber())) {
      ObjectPath path = ObjectPath.fromJson(key, obj);
      return new Why(DELETE_CT_OBJECT, "would abort the process: libnftables 1.0.6 cannot delete a " + key + " given as JSON (by"
          + " name or by handle, existing or not: its JSON parser hands the evaluator an object type it"
          + " does not know, and the evaluator calls abort()). Delete it as nft text instead: \"delete " + key
          + " " + path.family() + " " + path.table() + " " + (path.name() == null ? "<name>" : path.name())
          + "\" (runText, or CallOptions.asText() for a batch; nft text deletes it by name only), or"
          + " delete its table.");
    }
    if (obj.isObject() && (key.equals("table") || key.equals("chain"))) {
      String family = obj.path("family").asText(null);
      String table = key.equals("table") ? obj.path("name").asText(null) : obj.path("table").asText(null);
      String chain = key.equals("chain") ? obj.path("name").asText(null) : null;
      Integer at = renameBefore(renamed, family, table, chain);
      if (at != null) {
        return new Why(RENAME_THEN_DELETE, renameThenDelete(at, key));
      }
    }
    if (key.equals("element") && obj.isObject()) {
      return elementsAbort(obj.get("elem"));
    }
    return null;
  }

  /** The index of an earlier rename of chain {@code chain} (any chain if null) of {@code family table}, or null. */
  static @Nullable Integer renameBefore(List<Renamed> renamed, @Nullable String family,
      @Nullable String table, @Nullable String chain) {
    if (family == null || table == null) {
      return null;
    }
    for (Renamed r : renamed) {
      if (r.family().equals(family) && r.table().equals(table) && (chain == null || r.chain().equals(chain))) {
        return r.index();
      }
    }
    return null;
  }

  static String renameThenDelete(int renameIndex, String what) {
    return "would crash the process: command " + renameIndex + " of the same request renames a chain"
        + " that this delete (by name) removes from libnftables 1.0.6's cache, and the rename then reads"
        + " the missing chain (SIGSEGV) while committing. Rename and delete in separate requests, or"
        + " delete " + (what.equals("table") ? "the table" : "the chain") + " by handle.";
  }

  private static @Nullable Why addAborts(String key, JsonNode obj) {
    switch (key) {
      case "ct timeout":
        return ctTimeoutAborts(obj);
      case "element":
        return obj.isObject() ? elementsAbort(obj.get("elem")) : null;
      case "set":
      case "map":
        return obj.isObject() ? elementsAbort(obj.get("elem")) : null;
      default:
        return null;
    }
  }

  private static @Nullable Why ctTimeoutAborts(JsonNode obj) {
    if (!isObjectCode(obj) || !obj.path("name").isTextual()) {
      return null;
    }
    JsonNode protocol = obj.path("protocol");
    JsonNode l3proto = obj.path("l3proto");
    String fix = " Use \"protocol\": \"tcp\" or \"udp\" and an \"l3proto\" that is a family name"
        + " (ip, ip6, inet, arp, bridge, netdev), or add the ct timeout as nft text.";
    if (protocol.isTextual() && !protocol.asText().equals("tcp") && !protocol.asText().equals("udp")) {
      return new Why(CT_TIMEOUT_JSON, "would crash the process: libnftables 1.0.6 frees a ct timeout whose JSON"
          + " protocol it refuses (\"" + protocol.asText() + "\") before initialising it (SIGSEGV)." + fix);
    }
    if (l3proto.isTextual() && !FAMILIES.contains(l3proto.asText())) {
      return new Why(CT_TIMEOUT_JSON, "would crash the process: libnftables 1.0.6 frees a ct timeout whose JSON"
          + " l3proto it refuses (\"" + l3proto.asText() + "\") before initialising it (SIGSEGV)." + fix);
    }
    if (!obj.has("policy")) {
      return new Why(CT_TIMEOUT_JSON, "could crash the process: when a ct timeout's JSON has no \"policy\", libnftables 1.0.6"
          + " reads an uninitialised pointer (its check is inverted; it then refuses with \"Invalid ct"
          + " timeout policy\", or crashes, depending on what memory held). Give a \"policy\" instead (nft 1.0.6"
          + " ignores its value in JSON: set the policy through nft text), or add the ct timeout as nft text.");
    }
    return null;
  }

  /**
   * A set element whose key is a verdict ({@code {"accept":null}}, {@code {"jump":{…}}}) reaches
   * nft 1.0.6's netlink_gen_key, which has no case for it and aborts; only the value of a verdict
   * map's element may be a verdict.
   */
  private static @Nullable Why elementsAbort(@Nullable JsonNode elem) {
    if (elem == null || !elem.isArray()) {
      return null;
    }
    for (JsonNode e : elem) {
      if (verdictKey(e)) {
        return new Why(VERDICT_KEY, "would abort the process: a set element whose key is a verdict (" + e + ") makes"
            + " libnftables 1.0.6 call abort() (netlink_gen_key: \"invalid data expression type"
            + " verdict\"). Only the value of a verdict map's element may be a verdict: use [key, {\"accept\": null}] in a verdict map instead.");
      }
    }
    return null;
  }

  /** Whether element {@code e} of an {@code elem} array or anonymous set has a verdict as its key. */
  private static boolean verdictKey(JsonNode e) {
    if (e.isArray()) {
      return e.size() == 2 && verdictKey(e.get(0)); // [key, value]: the key
    }
    if (!e.isObject() || e.size() != 1) {
      return false;
    }
    String k = e.fieldNames().next();
    JsonNode v = e.get(k);
    if (VERDICTS.contains(k)) {
      return true;
    }
    if (k.equals("elem") && v.isObject() && v.has("val")) {
      return verdictKey(v.get("val"));
    }
    if (k.equals("set") && v.isArray()) {
      for (JsonNode x : v) {
        if (verdictKey(x)) {
          return true; // nested sets are merged into the outer one
        }
      }
    }
    return false;
  }

  /**
   * {@code replace rule} with an anonymous set (or map, or verdict map) holding an interval — a
   * range or prefix element — makes nft 1.0.6's interval_set_eval abort ("BUG: unhandled op 2"):
   * it handles add, create, insert and delete only. Sets whose intervals are concatenations skip
   * that code, and a one-element set right of a match is reduced to its element first.
   *
   * @param expr the rule's statements ({@code expr})
   */
  static @Nullable Why replaceRuleAborts(JsonNode expr) {
    for (JsonNode stmt : expr) {
      String found = intervalSet(stmt, null);
      if (found != null) {
        return new Why(REPLACE_INTERVAL, replaceRuleMessage(found));
      }
    }
    return null;
  }

  static String replaceRuleMessage(String found) {
    return "would abort the process: libnftables 1.0.6 cannot replace a rule holding an anonymous"
        + " set or map with intervals (" + found + "): its interval code handles add, create, insert"
        + " and delete only, and calls abort() (\"BUG: unhandled op 2\"). Put the intervals in a named"
        + " set (flags interval) and refer to it (@name), or add the new rule after the old one (add"
        + " rule … handle H) and delete the old one (delete rule … handle H) in one batch.";
  }

  /**
   * The first anonymous interval set in {@code node} (a short description), or null; {@code match}
   * is the match whose right side {@code node} may be.
   */
  private static @Nullable String intervalSet(JsonNode node, @Nullable JsonNode match) {
    if (node.isArray()) {
      for (JsonNode x : node) {
        String f = intervalSet(x, null);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode set = node.get("set");
    if (node.size() == 1 && set != null && set.isArray()) {
      boolean singletonOfMatch = match != null && set.size() == 1 && match.get("right") == node;
      if (!singletonOfMatch && hasIntervals(set)) {
        return "{\"set\": " + abbreviate(set.toString()) + "}";
      }
    }
    boolean isMatch = node.has("left") && node.has("right");
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      String f = intervalSet(e.getValue(), isMatch ? node : null);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** An interval (range or prefix) among the keys of {@code elements}, and no interval that is a concatenation. */
  private static boolean hasIntervals(JsonNode elements) {
    int[] kinds = new int[2]; // [plain intervals, concatenated intervals]
    collectIntervals(elements, kinds);
    return kinds[0] > 0 && kinds[1] == 0;
  }

  private static void collectIntervals(JsonNode elements, int[] kinds) {
    for (JsonNode e : elements) {
      JsonNode key = e.isArray() && e.size() == 2 ? e.get(0) : e;
      if (key.isObject() && key.size() == 1) {
        String k = key.fieldNames().next();
        JsonNode v = key.get(k);
        if (k.equals("elem") && v.isObject() && v.has("val")) {
          key = v.get("val");
          k = key.isObject() && key.size() == 1 ? key.fieldNames().next() : "";
          v = key.get(k);
        }
        switch (k) {
          case "range", "prefix" -> kinds[0]++;
          case "concat" -> {
            if (v != null && (v.toString().contains("\"range\"") || v.toString().contains("\"prefix\""))) {
              kinds[1]++;
            }
          }
          case "set" -> {
            if (v != null && v.isArray()) {
              collectIntervals(v, kinds);
            }
          }
          default -> { }
        }
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  static @Nullable String firstKey(JsonNode object, String[] keys) {
    for (String k : keys) {
      if (object.has(k)) {
        return k;
      }
    }
    return null;
  }
}
