package io.jnftables.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jnftables.batch.Batch;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.Verb;
import io.jnftables.text.NftText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The nft text inputs that abort or crash libnftables 1.0.6, recognised on the script as nft's
 * scanner splits it: {@code #} comments to the end of the line, {@code "…"} strings (which may span
 * lines), commands separated by a newline or {@code ;} outside braces, a backslash joining lines,
 * {@code { }} blocks that belong to the command they open in (so {@code table inet t { … }}
 * declares, whatever its blocks hold). Commands are counted from 0 in that order.
 *
 * <ul>
 *   <li>{@code replace rule} with an anonymous interval set or map (as in JSON; nft evaluates it even
 *       when another line of the script has a syntax error). The command is read with the project's
 *       parser (the script's {@code define}s before it included) and checked as its JSON would be;
 *       if the parser cannot read it, any range or prefix inside its braces counts.</li>
 *   <li>{@code rename chain} followed in the same script by {@code delete table} or {@code delete
 *       chain} of it by name.</li>
 *   <li>{@code include}: libnftables reads the file itself, so what it holds cannot be checked;
 *       refused, with the advice to pass the file's text instead.</li>
 * </ul>
 */
final class TextAbortRules {
  private TextAbortRules() {}

  private enum Kind { WORD, STRING, OPEN, CLOSE, SEPARATOR, OTHER }

  /** A token: its kind, text, offsets, brace depth before it and the command it belongs to. */
  private record Tok(Kind kind, String text, int start, int end, int depth, int command) {}

  /** The defect name of a refused {@code include}: what it reads cannot be checked. */
  static final String INCLUDE_DEFECT = "include-unchecked";

  static final String INCLUDE = "is refused: libnftables reads the included file itself, so the"
      + " client cannot check it for inputs that would abort libnftables 1.0.6 (and kill the process)."
      + " Read the file and pass its text instead (runText(Files.readString(path))); it is then checked.";

  /** The first command of {@code script} that would abort, or null. */
  static JsonAbortRules.@Nullable Finding check(String script) {
    List<Tok> toks = tokenize(script);
    List<JsonAbortRules.Renamed> renamed = new ArrayList<>();
    StringBuilder defines = new StringBuilder();
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.kind() != Kind.WORD) {
        continue;
      }
      boolean first = i == 0 || toks.get(i - 1).command() != t.command() || toks.get(i - 1).kind() == Kind.SEPARATOR;
      switch (t.text()) {
        case "include" -> {
          return new JsonAbortRules.Finding(t.command(), "include", new ObjectPath("include", null, null, null, null, null),
              INCLUDE_DEFECT, INCLUDE);
        }
        case "define", "redefine" -> {
          if (first) {
            defines.append(script, t.start(), spanEnd(toks, i, script)).append('\n');
          }
        }
        case "replace" -> {
          if (next(toks, i, 1, "rule")) {
            String span = script.substring(t.start(), spanEnd(toks, i, script));
            String why = replaceAborts(defines.toString(), span);
            if (why != null) {
              List<String> w = words(toks, i + 2);
              return new JsonAbortRules.Finding(t.command(), "replace", rulePath(w), JsonAbortRules.REPLACE_INTERVAL, why);
            }
          }
        }
        case "rename" -> {
          if (next(toks, i, 1, "chain")) {
            List<String> w = words(toks, i + 2); // [family] table chain newname
            boolean fam = w.size() >= 4 && JsonAbortRules.FAMILIES.contains(w.get(0));
            if (w.size() >= (fam ? 4 : 3)) {
              renamed.add(new JsonAbortRules.Renamed(t.command(), fam ? w.get(0) : "ip", w.get(fam ? 1 : 0),
                  w.get(fam ? 2 : 1)));
            }
          }
        }
        case "delete" -> {
          boolean table = next(toks, i, 1, "table");
          if ((table || next(toks, i, 1, "chain")) && !renamed.isEmpty()) {
            List<String> w = words(toks, i + 2); // [family] table [chain]
            if (!w.contains("handle")) {
              int need = table ? 1 : 2;
              boolean fam = w.size() > need && JsonAbortRules.FAMILIES.contains(w.get(0));
              if (w.size() >= need + (fam ? 1 : 0)) {
                int o = fam ? 1 : 0;
                String family = fam ? w.get(0) : "ip";
                Integer at = JsonAbortRules.renameBefore(renamed, family, w.get(o), table ? null : w.get(o + 1));
                if (at != null) {
                  return new JsonAbortRules.Finding(t.command(), "delete", table
                      ? new ObjectPath("table", family, w.get(o), null, null, null)
                      : new ObjectPath("chain", family, w.get(o), w.get(o + 1), null, null),
                      JsonAbortRules.RENAME_THEN_DELETE, JsonAbortRules.renameThenDelete(at, table ? "table" : "chain"));
                }
              }
            }
          }
        }
        default -> { }
      }
    }
    return null;
  }

  private static ObjectPath rulePath(List<String> w) {
    boolean fam = w.size() >= 3 && JsonAbortRules.FAMILIES.contains(w.get(0));
    int o = fam ? 1 : 0;
    return new ObjectPath("rule", fam ? w.get(0) : "ip", w.size() > o ? w.get(o) : null,
        w.size() > o + 1 ? w.get(o + 1) : null, null, null);
  }

  /**
   * Why this {@code replace rule} command aborts, or null: read with the project's parser (after
   * the script's defines) and checked as JSON; if the parser cannot read it, a range or prefix
   * anywhere inside its braces.
   */
  private static @Nullable String replaceAborts(String defines, String span) {
    try {
      Batch batch = NftText.parseRuleset(defines + span);
      for (Command c : batch.commands()) {
        if (c.verb() == Verb.REPLACE && c.object() instanceof Rule) {
          JsonNode item = Json.readTree(JsonCodec.encode(List.of(c))).path("nftables").path(0);
          JsonAbortRules.Why why = JsonAbortRules.replaceRuleAborts(item.path("replace").path("rule").path("expr"));
          if (why != null) {
            return why.message();
          }
        }
      }
      return null;
    } catch (RuntimeException unreadable) {
      return intervalInBraces(expand(span, defines)) ? JsonAbortRules.replaceRuleMessage("a range or prefix inside its braces") : null;
    }
  }

  /** {@code $name} replaced by its define's value (a few rounds, for defines that use defines). */
  private static String expand(String span, String defines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : defines.split("\n")) {
      String d = line.strip().replaceFirst("^(re)?define\\s+", "");
      int eq = d.indexOf('=');
      if (eq > 0) {
        values.put(d.substring(0, eq).strip(), d.substring(eq + 1).strip());
      }
    }
    String s = span;
    for (int round = 0; round < 8 && s.indexOf('$') >= 0; round++) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        s = s.replace("$" + e.getKey(), e.getValue());
      }
    }
    return s;
  }

  /**
   * Whether a range ({@code 1-5}, {@code 10.0.0.1-10.0.0.9}, {@code ssh - http}) or a prefix
   * ({@code 10.0.0.0/8}) appears inside braces, outside strings: a dash after a digit, colon or dot
   * or between spaces, a slash after a digit, letter or colon. Names such as {@code echo-request}
   * do not count. Errs on the side of refusing (e.g. {@code limit rate 10/second} in a meter).
   */
  static boolean intervalInBraces(String s) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth > 0 && (c == '-' || c == '/') && i > 0 && i + 1 < s.length()) {
        char before = s.charAt(i - 1);
        char after = s.charAt(i + 1);
        if (c == '/' && (Character.isLetterOrDigit(before) || before == ':')) {
          return true;
        }
        if (c == '-' && (Character.isDigit(before) || before == ':' || before == '.'
            || Character.isWhitespace(before) && Character.isWhitespace(after))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean next(List<Tok> toks, int i, int ahead, String word) {
    int j = i + ahead;
    return j < toks.size() && toks.get(j).kind() == Kind.WORD && toks.get(j).command() == toks.get(i).command()
        && toks.get(j).text().equals(word);
  }

  /** The words (strings unquoted) from token {@code from} to the end of its command or block. */
  private static List<String> words(List<Tok> toks, int from) {
    List<String> w = new ArrayList<>();
    for (int j = from; j < toks.size(); j++) {
      Tok t = toks.get(j);
      if (t.kind() == Kind.WORD) {
        w.add(t.text());
      } else if (t.kind() == Kind.STRING) {
        w.add(t.text().length() >= 2 ? t.text().substring(1, t.text().length() - 1) : t.text());
      } else {
        break;
      }
    }
    return w;
  }

  /**
   * Where the command starting at token {@code i} ends: at a separator at its depth, at a brace
   * closing below its depth, or at the end of the script.
   */
  private static int spanEnd(List<Tok> toks, int i, String script) {
    int depth = toks.get(i).depth();
    for (int j = i + 1; j < toks.size(); j++) {
      Tok t = toks.get(j);
      if (t.kind() == Kind.SEPARATOR && t.depth() == depth || t.kind() == Kind.CLOSE && t.depth() <= depth) {
        return t.start();
      }
    }
    return script.length();
  }

  private static List<Tok> tokenize(String s) {
    List<Tok> out = new ArrayList<>();
    int depth = 0;
    int command = 0;
    boolean inCommand = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
        i += 2; // nft joins the lines
      } else if (c == '#') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\n' || c == ';') {
        out.add(new Tok(Kind.SEPARATOR, String.valueOf(c), i, i + 1, depth, command));
        if (depth == 0 && inCommand) {
          command++;
          inCommand = false;
        }
        i++;
      } else if (c == '"') {
        int end = s.indexOf('"', i + 1);
        end = end < 0 ? n : end + 1;
        out.add(new Tok(Kind.STRING, s.substring(i, end), i, end, depth, command));
        inCommand = true;
        i = end;
      } else if (c == '{') {
        out.add(new Tok(Kind.OPEN, "{", i, i + 1, depth, command));
        depth++;
        inCommand = true;
        i++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
        out.add(new Tok(Kind.CLOSE, "}", i, i + 1, depth, command));
        i++;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < n && isWordChar(s.charAt(i))) {
          i++;
        }
        out.add(new Tok(Kind.WORD, s.substring(start, i), start, i, depth, command));
        inCommand = true;
      } else {
        out.add(new Tok(Kind.OTHER, String.valueOf(c), i, i + 1, depth, command));
        inCommand = true;
        i++;
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return c > ' ' && c != '{' && c != '}' && c != ';' && c != '"' && c != '#' && c != ',' && c != '='
        && c != '\\' && c != '(' && c != ')';
  }
}
