package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.Flowtable;
import io.jnftables.model.Metainfo;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Secmark;
import io.jnftables.model.Table;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A listing as {@code nft list ruleset} prints it: each table with its stateful objects, sets and
 * maps, flowtables and chains (with their rules), tab-indented, items separated by blank lines,
 * long element lists wrapped the way nft wraps them.
 */
final class RulesetPrinter {
  private RulesetPrinter() {}

  static String ruleset(Ruleset ruleset) {
    Map<String, List<NftObject>> byTable = new LinkedHashMap<>();
    Map<String, List<Rule>> rulesByChain = new LinkedHashMap<>();
    List<Table> tables = new ArrayList<>();
    for (NftObject o : ruleset.objects()) {
      if (o instanceof Table t) {
        tables.add(t);
        byTable.computeIfAbsent(key(t.family(), t.name()), k -> new ArrayList<>());
      } else if (o instanceof Rule r) {
        rulesByChain.computeIfAbsent(key(r.family(), r.table()) + " " + r.chain(), k -> new ArrayList<>()).add(r);
      } else if (!(o instanceof Metainfo)) {
        String k = tableKey(o);
        if (k != null) {
          byTable.computeIfAbsent(k, x -> new ArrayList<>()).add(o);
        }
      }
    }
    // Sets a rule adds to or updates: nft marks them dynamic, and 1.0.6 does not say so in its JSON
    // listing (which carries a metainfo object); a listing read from text has the flag already.
    java.util.Set<String> dynamic = new java.util.HashSet<>();
    for (List<Rule> rules : ruleset.metainfo() == null ? List.<List<Rule>>of() : rulesByChain.values()) {
      for (Rule r : rules) {
        for (Statement st : r.statements()) {
          if (st instanceof io.jnftables.model.stmt.SetUpdate u) {
            dynamic.add(key(r.family(), r.table()) + " " + u.set());
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Table t : tables) {
      table(sb, t, byTable.getOrDefault(key(t.family(), t.name()), List.of()), rulesByChain, dynamic);
    }
    return sb.toString();
  }

  private static String key(Family f, String table) {
    return f.nftName() + " " + table;
  }

  private static String tableKey(NftObject o) {
    if (o instanceof Chain c) {
      return key(c.family(), c.table());
    }
    if (o instanceof NamedSet s) {
      return key(s.family(), s.table());
    }
    if (o instanceof NamedCounter x) {
      return key(x.family(), x.table());
    }
    if (o instanceof NamedQuota x) {
      return key(x.family(), x.table());
    }
    if (o instanceof NamedLimit x) {
      return key(x.family(), x.table());
    }
    if (o instanceof CtHelper x) {
      return key(x.family(), x.table());
    }
    if (o instanceof CtTimeout x) {
      return key(x.family(), x.table());
    }
    if (o instanceof CtExpectation x) {
      return key(x.family(), x.table());
    }
    if (o instanceof NamedSynproxy x) {
      return key(x.family(), x.table());
    }
    if (o instanceof Secmark x) {
      return key(x.family(), x.table());
    }
    if (o instanceof Flowtable x) {
      return key(x.family(), x.table());
    }
    return null;
  }

  static void table(StringBuilder sb, Table t, List<NftObject> items, Map<String, List<Rule>> rulesByChain,
      java.util.Set<String> dynamic) {
    sb.append("table ").append(t.family().nftName()).append(' ').append(t.name()).append(" {\n");
    if (!t.flags().isEmpty()) {
      sb.append("\tflags ").append(String.join(",", t.flags())).append('\n');
    }
    if (t.comment() != null) {
      sb.append("\tcomment ").append(StatementPrinter.quote(t.comment())).append('\n');
    }
    if (!t.flags().isEmpty() && !items.isEmpty()) {
      sb.append('\n'); // nft 1.0.6 leaves a blank line after the flags, not after a comment
    }
    Map<String, NamedSet> maps = new java.util.HashMap<>();
    for (NftObject o : items) {
      if (o instanceof NamedSet s && s.isMap()) {
        maps.put(s.name(), s);
      }
    }
    String delim = "";
    for (NftObject o : items) {
      sb.append(delim);
      if (o instanceof Chain c) {
        chain(sb, c, rulesByChain.getOrDefault(key(c.family(), c.table()) + " " + c.name(), List.of()), maps);
      } else if (o instanceof NamedSet s) {
        set(sb, s, dynamic.contains(key(s.family(), s.table()) + " " + s.name()));
      } else {
        object(sb, o);
      }
      delim = "\n";
    }
    sb.append("}\n");
  }

  static void chain(StringBuilder sb, Chain c, List<Rule> rules, Map<String, NamedSet> maps) {
    sb.append("\tchain ").append(c.name()).append(" {\n");
    if (c.comment() != null) {
      sb.append("\t\tcomment ").append(StatementPrinter.quote(c.comment())).append('\n');
    }
    BaseChain b = c.base();
    if (b != null) {
      sb.append("\t\ttype ").append(b.type().nftName()).append(" hook ").append(b.hook().nftName());
      devices(sb, b, false);
      sb.append(" priority ").append(Priorities.print(b.priority(), c.family(), b.hook())).append(';');
      if (b.policy() != null) {
        sb.append(" policy ").append(b.policy().nftName()).append(';');
      }
      sb.append('\n');
    }
    StatementPrinter p = new StatementPrinter(c.family(), maps);
    for (Rule r : rules) {
      sb.append("\t\t");
      rule(sb, p, r);
      sb.append('\n');
    }
    sb.append("\t}\n");
  }

  /**
   * A base chain's devices as nft lists them: {@code device "lo"}, {@code devices = { dummy0, lo
   * }}; quoted in a script ({@code quoteAll}), so that any name reads back.
   */
  static void devices(StringBuilder sb, BaseChain b, boolean quoteAll) {
    if (b.devices().size() == 1) {
      sb.append(" device ").append(StatementPrinter.quote(b.devices().get(0)));
    } else if (!b.devices().isEmpty()) {
      sb.append(" devices = { ");
      for (int i = 0; i < b.devices().size(); i++) {
        String d = b.devices().get(i);
        sb.append(i == 0 ? "" : ", ").append(quoteAll ? StatementPrinter.quote(d) : d);
      }
      sb.append(" }");
    }
  }

  static void rule(StringBuilder sb, StatementPrinter p, Rule r) {
    sb.append(p.statements(r.statements()));
    if (r.comment() != null) {
      sb.append(" comment ").append(StatementPrinter.quote(r.comment()));
    }
  }

  static void set(StringBuilder sb, NamedSet s, boolean dynamic) {
    sb.append('\t').append(s.kind().json()).append(' ').append(s.name()).append(" {\n");
    List<DataType> keyTypes = keyTypes(s);
    sb.append("\t\t").append(typeDeclaration(s)).append('\n');
    List<DataType> dataTypes = dataTypes(s);
    DataType dataType = dataTypes.size() == 1 ? dataTypes.get(0) : DataType.ANY;
    boolean constant = s.flags().contains("constant");
    if (!constant && s.policy() != null && !s.policy().equals("performance")) {
      sb.append("\t\tpolicy ").append(s.policy()).append('\n');
    }
    if (!constant && s.size() != null && s.size() > 0) {
      sb.append("\t\tsize ").append(s.size()).append('\n');
    }
    List<String> flags = new ArrayList<>();
    for (String f : List.of("constant", "dynamic", "interval", "timeout")) {
      if (s.flags().contains(f) || (f.equals("dynamic") && dynamic)) {
        flags.add(f);
      }
    }
    if (!flags.isEmpty()) {
      sb.append("\t\tflags ").append(String.join(",", flags)).append('\n');
    }
    StatementPrinter p = new StatementPrinter(s.family());
    if (!s.statements().isEmpty()) {
      sb.append("\t\t").append(p.statements(s.statements())).append('\n');
    }
    if (s.timeout() != null) {
      sb.append("\t\ttimeout ").append(Times.format(s.timeout() * 1000)).append('\n');
    }
    if (s.gcInterval() != null) {
      sb.append("\t\tgc-interval ").append(Times.format(s.gcInterval() * 1000)).append('\n');
    }
    if (s.autoMerge()) {
      sb.append("\t\tauto-merge\n");
    }
    if (s.comment() != null) {
      sb.append("\t\tcomment ").append(StatementPrinter.quote(s.comment())).append('\n');
    }
    if (!s.elements().isEmpty()) {
      sb.append("\t\telements = { ");
      DataType keyType = keyTypes.size() == 1 ? keyTypes.get(0) : DataType.ANY;
      int perLine = perLine(keyTypes);
      int onLine = 0;
      for (int i = 0; i < s.elements().size(); i++) {
        if (i > 0 && onLine < perLine) {
          sb.append(", ");
        } else if (i > 0) {
          sb.append(",\n\t\t\t     ");
          onLine = 0;
        }
        onLine++;
        Expression e = s.elements().get(i);
        if (e instanceof io.jnftables.model.expr.MappingExpr m) {
          p.value(sb, m.key(), keyTypes, keyType);
          sb.append(" : ");
          p.value(sb, m.value(), dataTypes.isEmpty() ? List.of(DataType.ANY) : dataTypes, dataType);
        } else {
          p.value(sb, e, keyTypes, keyType);
        }
      }
      sb.append(" }\n");
    }
    sb.append("\t}\n");
  }

  /**
   * The types of a set's key parts, as its elements are printed: those of its {@code typeof}
   * expressions where they say more than the type names (a raw payload is an integer nft writes in
   * hex), else those of its type names.
   */
  static List<DataType> keyTypes(NamedSet s) {
    NamedSet.Typeof typeof = s.typeof();
    return types(s.type(), typeof == null ? null : typeof.key());
  }

  /** The types of a map's value parts; empty for a set. */
  static List<DataType> dataTypes(NamedSet s) {
    if (s.mapType() == null) {
      return List.of();
    }
    NamedSet.Typeof typeof = s.typeof();
    return types(List.of(s.mapType().split(" \\. ")), typeof == null ? null : typeof.data());
  }

  private static List<DataType> types(List<String> names, io.jnftables.model.expr.@Nullable Expression typeof) {
    List<Expression> parts = typeof == null ? List.of()
        : typeof instanceof io.jnftables.model.expr.ConcatExpr c ? c.elements() : List.of(typeof);
    List<DataType> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      DataType byName = DataType.BY_NAME.getOrDefault(names.get(i), DataType.ANY);
      DataType byExpr = parts.size() == names.size() ? Selectors.typeOf(parts.get(i)) : DataType.ANY;
      out.add(byExpr != DataType.ANY && byExpr.name.equals(byName.name) ? byExpr : byName);
    }
    return out;
  }

  /**
   * {@code type ipv4_addr . inet_service : verdict}, or {@code typeof ip saddr : meta mark} for a
   * set declared by expressions.
   */
  static String typeDeclaration(NamedSet s) {
    StringBuilder sb = new StringBuilder();
    NamedSet.Typeof typeof = s.typeof();
    StatementPrinter p = new StatementPrinter(s.family());
    if (typeof != null) {
      sb.append("typeof ");
      p.expr(sb, typeof.key(), DataType.ANY);
    } else {
      sb.append("type ").append(String.join(" . ", s.type()));
    }
    if (s.mapType() != null) {
      sb.append(" : ");
      if (s.dataInterval() || intervalData(s)) {
        sb.append("interval ");
      }
      if (typeof != null && typeof.data() != null) {
        p.expr(sb, typeof.data(), DataType.ANY);
      } else {
        sb.append(s.mapType());
      }
    }
    return sb.toString();
  }

  /**
   * Whether a map's values are intervals ({@code type ipv4_addr : interval ipv4_addr}): nft's JSON
   * does not say so, but only such maps hold ranges or prefixes as values.
   */
  static boolean intervalData(NamedSet s) {
    for (Expression e : s.elements()) {
      if (e instanceof io.jnftables.model.expr.MappingExpr m && isInterval(m.value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInterval(Expression e) {
    if (e instanceof io.jnftables.model.expr.ConcatExpr c) {
      return c.elements().stream().anyMatch(RulesetPrinter::isInterval);
    }
    return e instanceof io.jnftables.model.expr.RangeExpr || e instanceof io.jnftables.model.expr.PrefixExpr;
  }

  /** How many elements nft prints per line (its calculate_delim): a few of small types, one of others. */
  private static int perLine(List<DataType> keyTypes) {
    if (keyTypes.size() != 1) {
      return 1;
    }
    DataType t = keyTypes.get(0);
    if (t == DataType.IPV4 || t == DataType.CT_STATE || t == DataType.CT_STATUS || t == DataType.PKTTYPE) {
      return 2;
    }
    if (t == DataType.NFPROTO || t.name.equals("integer") || t == DataType.ARP_OP || t == DataType.INET_PROTO
        || t == DataType.SERVICE || t == DataType.TCP_FLAG || t == DataType.DCCP_PKTTYPE || t == DataType.MARK
        || t == DataType.IFACE_INDEX || t == DataType.CLASSID || t == DataType.UID || t == DataType.GID
        || t == DataType.CT_DIR) {
      return 5;
    }
    return 1;
  }

  static void object(StringBuilder sb, NftObject o) {
    if (o instanceof NamedCounter x) {
      header(sb, "counter", x.name(), x.comment());
      sb.append("\t\tpackets ").append(x.packets() == null ? 0 : x.packets()).append(" bytes ")
          .append(x.bytes() == null ? 0 : x.bytes()).append('\n');
    } else if (o instanceof NamedQuota x) {
      header(sb, "quota", x.name(), x.comment());
      sb.append("\t\t");
      if (x.inv()) {
        sb.append("over ");
      }
      sb.append(bytes(x.bytes() == null ? 0 : x.bytes()));
      if (x.used() != null && x.used() != 0) {
        sb.append(" used ").append(bytes(x.used()));
      }
      sb.append('\n');
    } else if (o instanceof NamedLimit x) {
      header(sb, "limit", x.name(), x.comment());
      sb.append("\t\trate ");
      if (x.inv()) {
        sb.append("over ");
      }
      sb.append(x.rate());
      if (x.rateUnit() != null) {
        sb.append(' ').append(x.rateUnit());
      }
      sb.append('/').append(x.per());
      if (x.burst() != null && x.burst() != 0 && !(x.rateUnit() == null && x.burst() == 5)) {
        sb.append(" burst ").append(x.burst()).append(' ')
            .append(x.rateUnit() == null ? "packets" : x.burstUnit() == null ? "bytes" : x.burstUnit());
      }
      sb.append('\n');
    } else if (o instanceof CtHelper x) {
      header(sb, "ct helper", x.name(), x.comment());
      sb.append("\t\ttype ").append(StatementPrinter.quote(String.valueOf(x.type()))).append(" protocol ")
          .append(x.protocol()).append('\n');
      if (x.l3proto() != null) {
        sb.append("\t\tl3proto ").append(x.l3proto()).append('\n');
      }
    } else if (o instanceof CtTimeout x) {
      header(sb, "ct timeout", x.name(), x.comment());
      sb.append("\t\tprotocol ").append(x.protocol()).append('\n');
      if (x.l3proto() != null) {
        sb.append("\t\tl3proto ").append(x.l3proto()).append('\n');
      }
      sb.append("\t\tpolicy = { ");
      List<String> parts = new ArrayList<>();
      if (x.policy() != null) {
        for (String state : TIMEOUT_STATES) {
          Long v = x.policy().get(state);
          if (v != null) {
            parts.add(state + " : " + v);
          }
        }
        for (Map.Entry<String, Long> e : x.policy().entrySet()) {
          if (!TIMEOUT_STATES.contains(e.getKey())) {
            parts.add(e.getKey() + " : " + e.getValue());
          }
        }
      }
      sb.append(String.join(", ", parts)).append(" }\n");
    } else if (o instanceof CtExpectation x) {
      header(sb, "ct expectation", x.name(), x.comment());
      sb.append("\t\tprotocol ").append(x.protocol()).append('\n');
      if (x.dport() != null) {
        sb.append("\t\tdport ").append(x.dport()).append('\n');
      }
      if (x.timeout() != null) {
        sb.append("\t\ttimeout ").append(Times.format(x.timeout())).append('\n');
      }
      if (x.size() != null) {
        sb.append("\t\tsize ").append(x.size()).append('\n');
      }
      if (x.l3proto() != null) {
        sb.append("\t\tl3proto ").append(x.l3proto()).append('\n');
      }
    } else if (o instanceof NamedSynproxy x) {
      header(sb, "synproxy", x.name(), x.comment());
      if (x.mss() != null) {
        sb.append("\t\tmss ").append(x.mss()).append('\n');
      }
      if (x.wscale() != null) {
        sb.append("\t\twscale ").append(x.wscale()).append('\n');
      }
      if (!x.flags().isEmpty()) {
        sb.append("\t\t").append(String.join(" ", x.flags())).append('\n');
      }
    } else if (o instanceof Secmark x) {
      header(sb, "secmark", x.name(), x.comment());
      sb.append("\t\t").append(StatementPrinter.quote(String.valueOf(x.context()))).append('\n');
    } else if (o instanceof Flowtable x) {
      sb.append("\tflowtable ").append(x.name()).append(" {\n");
      sb.append("\t\thook ").append(x.hook()).append(" priority ")
          .append(x.priority() == null ? "0" : Priorities.print(x.priority(), x.family(), null)).append('\n');
      sb.append("\t\tdevices = { ").append(String.join(", ", x.devices())).append(" }\n");
    } else if (o instanceof RawObject r) {
      sb.append("\t# ").append(r.key()).append(' ').append(r.value()).append('\n');
      return;
    } else {
      sb.append("\t# ").append(o).append('\n');
      return;
    }
    sb.append("\t}\n");
  }

  /** nft's ct timeout states, in the order it lists them (TCP, then UDP). */
  private static final List<String> TIMEOUT_STATES =
      List.of("syn_sent", "syn_recv", "established", "fin_wait", "close_wait", "last_ack", "time_wait", "close",
          "syn_sent2", "retrans", "unacknowledged", "unreplied", "replied");

  private static void header(StringBuilder sb, String kind, String name, String comment) {
    sb.append('\t').append(kind).append(' ').append(name).append(" {\n");
    if (comment != null) {
      sb.append("\t\tcomment ").append(StatementPrinter.quote(comment)).append('\n');
    }
  }

  /** A byte count in the largest unit that divides it, as nft prints quotas: {@code 25 mbytes}. */
  static String bytes(long n) {
    String[] units = {"bytes", "kbytes", "mbytes", "gbytes"};
    int u = 0;
    while (u < units.length - 1 && n != 0 && n % 1024 == 0) {
      n /= 1024;
      u++;
    }
    return n + " " + units[u];
  }
}
