package io.jnftables.text;

import io.jnftables.batch.Batch;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.Element;
import io.jnftables.model.Flowtable;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.ObjectHandle;
import io.jnftables.model.Rule;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as an nft script: one command per line ({@code add table inet f { flags dormant; }},
 * {@code add rule inet f input tcp dport 22 accept}, …) that {@code nft -f} reads back into the
 * same commands. Elements of a set declared earlier in the batch are written as its key type asks.
 */
final class CommandPrinter {
  private final Map<String, NamedSet> sets = new HashMap<>();

  private CommandPrinter() {}

  static String batch(Batch batch) {
    CommandPrinter p = new CommandPrinter();
    StringBuilder sb = new StringBuilder();
    for (Command c : batch.commands()) {
      p.command(sb, c);
      sb.append('\n');
    }
    return sb.toString();
  }

  static String command(Command c) {
    StringBuilder sb = new StringBuilder();
    new CommandPrinter().command(sb, c);
    return sb.toString();
  }

  private void command(StringBuilder sb, Command c) {
    Verb verb = c.verb();
    NftObject o = c.object();
    sb.append(verb.jsonName()).append(' ');
    if (o instanceof Table t) {
      sb.append("table ").append(t.family().nftName()).append(' ').append(t.name());
      if (verb == Verb.ADD || verb == Verb.CREATE) {
        List<String> parts = new ArrayList<>();
        if (!t.flags().isEmpty()) {
          parts.add("flags " + String.join(",", t.flags()));
        }
        if (t.comment() != null) {
          parts.add("comment " + StatementPrinter.quote(t.comment()));
        }
        block(sb, parts);
      }
    } else if (o instanceof Chain ch) {
      sb.append("chain ").append(ch.family().nftName()).append(' ').append(ch.table()).append(' ').append(ch.name());
      if (verb == Verb.RENAME) {
        sb.append(' ').append(ch.newName());
      } else if (verb == Verb.ADD || verb == Verb.CREATE) {
        List<String> parts = new ArrayList<>();
        BaseChain b = ch.base();
        if (b != null) {
          StringBuilder spec = new StringBuilder("type ").append(b.type().nftName()).append(" hook ")
              .append(b.hook().nftName());
          RulesetPrinter.devices(spec, b, true);
          spec.append(" priority ").append(b.priority());
          parts.add(spec.toString());
          if (b.policy() != null) {
            parts.add("policy " + b.policy().nftName());
          }
        }
        if (ch.comment() != null) {
          parts.add("comment " + StatementPrinter.quote(ch.comment()));
        }
        block(sb, parts);
      }
    } else if (o instanceof Rule r) {
      sb.append("rule ").append(r.family().nftName()).append(' ').append(r.table()).append(' ').append(r.chain());
      if (r.handle() != null) {
        sb.append(verb == Verb.REPLACE ? " handle " : " position ").append(r.handle());
      } else if (r.index() != null) {
        sb.append(" index ").append(r.index());
      }
      sb.append(' ');
      RulesetPrinter.rule(sb, new StatementPrinter(r.family()), r);
    } else if (o instanceof NamedSet s) {
      sb.append(s.kind() == NamedSet.Kind.MAP ? "map " : "set ").append(s.family().nftName()).append(' ')
          .append(s.table()).append(' ').append(s.name());
      if ((verb == Verb.ADD || verb == Verb.CREATE) && !s.type().isEmpty()) {
        sets.put(s.family().nftName() + " " + s.table() + " " + s.name(), s);
        setBlock(sb, s);
      }
    } else if (o instanceof Element e) {
      sb.append("element ").append(e.family().nftName()).append(' ').append(e.table()).append(' ')
          .append(e.name()).append(' ');
      NamedSet s = sets.get(e.family().nftName() + " " + e.table() + " " + e.name());
      elements(sb, e.elements(), s);
    } else if (o instanceof ObjectHandle h) {
      sb.append(h.kind().json()).append(' ').append(h.family().nftName());
      if (h.table() != null) {
        sb.append(' ').append(h.table());
      }
      if (h.chain() != null) {
        sb.append(' ').append(h.chain());
      }
      sb.append(" handle ").append(h.handle());
    } else if (o instanceof Selector sel) {
      sb.append(sel.kind().json());
      if (sel.family() != null) {
        sb.append(' ').append(sel.family().nftName());
      }
      if (sel.table() != null) {
        sb.append(' ').append(sel.table());
      }
    } else {
      object(sb, verb, o);
    }
  }

  private static void block(StringBuilder sb, List<String> parts) {
    if (parts.isEmpty()) {
      return;
    }
    sb.append(" { ");
    for (String p : parts) {
      sb.append(p).append("; ");
    }
    sb.append('}');
  }

  private void setBlock(StringBuilder sb, NamedSet s) {
    List<String> parts = new ArrayList<>();
    parts.add(RulesetPrinter.typeDeclaration(s));
    if (!s.flags().isEmpty()) {
      parts.add("flags " + String.join(",", s.flags()));
    }
    if (s.timeout() != null) {
      parts.add("timeout " + Times.format(s.timeout() * 1000));
    }
    if (s.gcInterval() != null) {
      parts.add("gc-interval " + Times.format(s.gcInterval() * 1000));
    }
    if (s.size() != null) {
      parts.add("size " + s.size());
    }
    if (s.policy() != null) {
      parts.add("policy " + s.policy());
    }
    if (s.autoMerge()) {
      parts.add("auto-merge");
    }
    if (!s.statements().isEmpty()) {
      parts.add(new StatementPrinter(s.family()).statements(s.statements()));
    }
    if (s.comment() != null) {
      parts.add("comment " + StatementPrinter.quote(s.comment()));
    }
    if (!s.elements().isEmpty()) {
      StringBuilder el = new StringBuilder("elements = ");
      elements(el, s.elements(), s);
      parts.add(el.toString());
    }
    block(sb, parts);
  }

  private static void elements(StringBuilder sb, List<Expression> elements, NamedSet s) {
    List<DataType> keyTypes = new ArrayList<>();
    List<DataType> dataTypes = new ArrayList<>();
    if (s != null) {
      keyTypes.addAll(RulesetPrinter.keyTypes(s));
      dataTypes.addAll(RulesetPrinter.dataTypes(s));
    }
    if (keyTypes.isEmpty()) {
      keyTypes.add(DataType.ANY);
    }
    if (dataTypes.isEmpty()) {
      dataTypes.add(DataType.ANY);
    }
    DataType keyType = keyTypes.size() == 1 ? keyTypes.get(0) : DataType.ANY;
    DataType dataType = dataTypes.size() == 1 ? dataTypes.get(0) : DataType.ANY;
    StatementPrinter p = new StatementPrinter(s == null ? null : s.family());
    sb.append("{ ");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Expression e = elements.get(i);
      if (e instanceof MappingExpr m) {
        p.value(sb, m.key(), keyTypes, keyType);
        sb.append(" : ");
        p.value(sb, m.value(), dataTypes, dataType);
      } else {
        p.value(sb, e, keyTypes, keyType);
      }
    }
    sb.append(" }");
  }

  private static void object(StringBuilder sb, Verb verb, NftObject o) {
    String kind;
    String family;
    String table;
    String name;
    List<String> parts = new ArrayList<>();
    if (o instanceof NamedCounter x) {
      kind = "counter";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.packets() != null || x.bytes() != null) {
        parts.add("packets " + (x.packets() == null ? 0 : x.packets()) + " bytes " + (x.bytes() == null ? 0 : x.bytes()));
      }
      comment(parts, x.comment());
    } else if (o instanceof NamedQuota x) {
      kind = "quota";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.bytes() != null) {
        String q = (x.inv() ? "over " : "") + RulesetPrinter.bytes(x.bytes());
        if (x.used() != null && x.used() != 0) {
          q += " used " + RulesetPrinter.bytes(x.used());
        }
        parts.add(q);
      }
      comment(parts, x.comment());
    } else if (o instanceof NamedLimit x) {
      kind = "limit";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.rate() != null) {
        String l = "rate " + (x.inv() ? "over " : "") + x.rate() + (x.rateUnit() != null ? " " + x.rateUnit() : "")
            + "/" + x.per();
        if (x.burst() != null && x.burst() != 0) {
          l += " burst " + x.burst() + " " + (x.rateUnit() == null ? "packets"
              : x.burstUnit() == null ? "bytes" : x.burstUnit());
        }
        parts.add(l);
      }
      comment(parts, x.comment());
    } else if (o instanceof CtHelper x) {
      kind = "ct helper";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.type() != null) {
        parts.add("type " + StatementPrinter.quote(x.type()) + " protocol " + x.protocol());
      }
      if (x.l3proto() != null) {
        parts.add("l3proto " + x.l3proto());
      }
      comment(parts, x.comment());
    } else if (o instanceof CtTimeout x) {
      kind = "ct timeout";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.protocol() != null) {
        parts.add("protocol " + x.protocol());
      }
      if (x.l3proto() != null) {
        parts.add("l3proto " + x.l3proto());
      }
      if (x.policy() != null && !x.policy().isEmpty()) {
        List<String> ps = new ArrayList<>();
        x.policy().forEach((k, v) -> ps.add(k + " : " + v));
        parts.add("policy = { " + String.join(", ", ps) + " }");
      }
      comment(parts, x.comment());
    } else if (o instanceof CtExpectation x) {
      kind = "ct expectation";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.protocol() != null) {
        parts.add("protocol " + x.protocol());
      }
      if (x.dport() != null) {
        parts.add("dport " + x.dport());
      }
      if (x.timeout() != null) {
        parts.add("timeout " + Times.format(x.timeout()));
      }
      if (x.size() != null) {
        parts.add("size " + x.size());
      }
      if (x.l3proto() != null) {
        parts.add("l3proto " + x.l3proto());
      }
      comment(parts, x.comment());
    } else if (o instanceof NamedSynproxy x) {
      kind = "synproxy";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.mss() != null) {
        parts.add("mss " + x.mss());
      }
      if (x.wscale() != null) {
        parts.add("wscale " + x.wscale());
      }
      if (!x.flags().isEmpty()) {
        parts.add(String.join(" ", x.flags()));
      }
      comment(parts, x.comment());
    } else if (o instanceof Secmark x) {
      kind = "secmark";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.context() != null) {
        parts.add(StatementPrinter.quote(x.context()));
      }
      comment(parts, x.comment());
    } else if (o instanceof Flowtable x) {
      kind = "flowtable";
      family = x.family().nftName();
      table = x.table();
      name = x.name();
      if (x.hook() != null) {
        parts.add("hook " + x.hook() + " priority " + (x.priority() == null ? 0 : x.priority()));
      }
      if (!x.devices().isEmpty()) {
        parts.add("devices = { " + String.join(", ", x.devices()) + " }");
      }
    } else {
      sb.append("# ").append(o);
      return;
    }
    sb.append(kind).append(' ').append(family).append(' ').append(table).append(' ').append(name);
    if (verb == Verb.ADD || verb == Verb.CREATE) {
      block(sb, parts);
    }
  }

  private static void comment(List<String> parts, String comment) {
    if (comment != null) {
      parts.add("comment " + StatementPrinter.quote(comment));
    }
  }
}
