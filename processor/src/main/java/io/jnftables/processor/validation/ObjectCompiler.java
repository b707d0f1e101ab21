package io.jnftables.processor.validation;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Command;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NftObject;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.processor.model.ObjectDescriptor;
import io.jnftables.text.NftSyntaxException;
import io.jnftables.text.NftText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one {@code @Set}, {@code @Map}, {@code @Counter}, … into the model object, by writing
 * the declaration in nft syntax and reading it with the runtime's ruleset parser: one grammar
 * checks data type names, flags, times, and that every initial element fits the key type. Errors
 * are traced back to the attribute (and element) that produced the offending text.
 */
final class ObjectCompiler {
  /** The object, or the findings that prevent it. */
  record Result(@Nullable NftObject object, List<Finding> findings) {}

  private record Segment(int start, int end, String attribute, int element) {}

  private final StringBuilder text = new StringBuilder();
  private final List<Segment> segments = new ArrayList<>();
  private final ObjectDescriptor o;
  private final Family family;
  private final String table;

  private ObjectCompiler(ObjectDescriptor o, Family family, String table) {
    this.o = o;
    this.family = family;
    this.table = table;
  }

  static Result compile(ObjectDescriptor o, Family family, String table) {
    return new ObjectCompiler(o, family, table).run();
  }

  private Result run() {
    List<Finding> out = new ArrayList<>();
    text.append("table ").append(family.nftName()).append(' ').append(table).append(" {\n")
        .append(o.kind().nft()).append(' ').append(o.name()).append(" {\n");
    switch (o.kind()) {
      case SET:
      case MAP:
        set(out);
        break;
      case COUNTER:
        break;
      case QUOTA:
        if (o.number("bytes") <= 0) {
          out.add(attribute("bytes", "the quota must be a positive number of bytes, not " + o.number("bytes")));
        }
        text.append(o.bool("over") ? "over " : "until ");
        part("bytes", -1, Long.toString(o.number("bytes")));
        text.append(" bytes;\n");
        break;
      case LIMIT:
        limit(out);
        break;
      case CT_HELPER:
        text.append("type ");
        part("type", -1, quoted(o.string("type")));
        text.append(" protocol ");
        part("protocol", -1, o.string("protocol"));
        text.append(";\n");
        l3proto();
        break;
      case CT_TIMEOUT:
        timeout(out);
        break;
      case FLOWTABLE:
        if (o.strings("devices").isEmpty()) {
          out.add(attribute("devices", "a flowtable needs at least one device, e.g. devices = \"eth0\""));
        }
        text.append("hook ingress priority ");
        part("priority", -1, Long.toString(o.number("priority")));
        text.append(";\ndevices = { ");
        List<String> devices = o.strings("devices");
        for (int i = 0; i < devices.size(); i++) {
          text.append(i == 0 ? "" : ", ");
          part("devices", i, quoted(devices.get(i)));
        }
        text.append(" }\n");
        break;
      default:
        throw new AssertionError(o.kind());
    }
    if (!o.string("comment").isEmpty()) {
      text.append("comment ");
      part("comment", -1, quoted(o.string("comment")));
      text.append(";\n");
    }
    text.append("}\n}\n");
    if (!out.isEmpty()) {
      return new Result(null, out);
    }
    Batch batch;
    try {
      batch = NftText.parseRuleset(text.toString());
    } catch (NftSyntaxException e) {
      return new Result(null, List.of(finding(e)));
    }
    List<Command> commands = batch.commands();
    if (commands.size() != 2) {
      return new Result(null, List.of(attribute("name", "the declaration reads as " + (commands.size() - 1)
          + " objects; an attribute holds nft syntax that ends the declaration")));
    }
    NftObject object = commands.get(1).object();
    if (object instanceof NamedSet s) {
      List<Finding> flags = checkIntervals(s);
      if (!flags.isEmpty()) {
        return new Result(null, flags);
      }
      // nft 1.0.6's JSON refuses the dynamic flag; the kernel sets a set up for updates from rules
      List<String> kept = new ArrayList<>(s.flags());
      kept.remove("dynamic");
      object = new NamedSet(s.kind(), s.family(), s.table(), s.name(), null, s.type(), s.mapType(), s.policy(), kept,
          s.elements(), s.timeout(), s.gcInterval(), s.size(), s.comment(), s.statements());
    }
    return new Result(object, List.of());
  }

  private void set(List<Finding> out) {
    boolean map = o.kind() == ObjectDescriptor.Kind.MAP;
    List<String> type = o.strings("type");
    if (type.isEmpty()) {
      out.add(attribute("type", "a " + o.kind().nft() + " needs a key type, e.g. type = \"ipv4_addr\""));
      return;
    }
    text.append("type ");
    for (int i = 0; i < type.size(); i++) {
      text.append(i == 0 ? "" : " . ");
      part("type", i, type.get(i));
    }
    if (map) {
      text.append(" : ");
      part("value", -1, o.string("value"));
    }
    text.append(";\n");
    List<String> flags = o.strings("flags");
    if (!flags.isEmpty()) {
      text.append("flags ");
      part("flags", -1, String.join(", ", flags));
      text.append(";\n");
    }
    if (!o.string("timeout").isEmpty()) {
      if (!flags.contains("timeout")) {
        out.add(Finding.of(Diagnostic.SET_FLAG_MISSING, o.anchor().attribute("timeout"), o.kind().nft(), o.name(),
            "timeout", "timeout", "TIMEOUT"));
      }
      text.append("timeout ");
      part("timeout", -1, o.string("timeout"));
      text.append(";\n");
    }
    if (o.bool("autoMerge") && !flags.contains("interval")) {
      out.add(Finding.of(Diagnostic.SET_FLAG_MISSING, o.anchor().attribute("autoMerge"), o.kind().nft(), o.name(),
          "autoMerge", "interval", "INTERVAL"));
    }
    if (flags.contains("constant") && flags.contains("dynamic")) {
      out.add(attribute("flags", "CONSTANT and DYNAMIC exclude each other: a constant set never changes"));
    }
    if (o.number("size") < 0) {
      out.add(attribute("size", "size must be positive, or 0 for the kernel's default"));
    } else if (o.number("size") > 0) {
      text.append("size ");
      part("size", -1, Long.toString(o.number("size")));
      text.append(";\n");
    }
    List<String> elements = o.strings("elements");
    if (!elements.isEmpty()) {
      text.append("elements = { ");
      for (int i = 0; i < elements.size(); i++) {
        text.append(i == 0 ? "" : ", ");
        part("elements", i, elements.get(i));
      }
      text.append(" }\n");
    }
  }

  private List<Finding> checkIntervals(NamedSet s) {
    if (s.flags().contains("interval")) {
      return List.of();
    }
    List<String> elements = o.strings("elements");
    for (int i = 0; i < s.elements().size(); i++) {
      Expression e = s.elements().get(i);
      boolean[] interval = {false};
      Trees.visit(e, n -> interval[0] |= n instanceof PrefixExpr || n instanceof RangeExpr);
      if (interval[0]) {
        return List.of(Finding.of(Diagnostic.SET_FLAG_MISSING, o.anchor().attribute("elements"), o.kind().nft(),
            o.name(), "element \"" + (i < elements.size() ? elements.get(i) : e) + "\" (a prefix or range)",
            "interval", "INTERVAL"));
      }
    }
    return List.of();
  }

  private void limit(List<Finding> out) {
    if (o.number("rate") <= 0) {
      out.add(attribute("rate", "the rate must be positive, not " + o.number("rate")));
    }
    if (!List.of("second", "minute", "hour", "day", "week").contains(o.string("per"))) {
      out.add(attribute("per", "per must be second, minute, hour, day or week, not \"" + o.string("per") + "\""));
    }
    if (o.number("burst") < 0) {
      out.add(attribute("burst", "the burst must be 0 (none) or positive"));
    }
    boolean bytes = o.bool("bytes");
    text.append("rate ").append(o.bool("over") ? "over " : "");
    part("rate", -1, Long.toString(o.number("rate")));
    text.append(bytes ? " bytes" : "").append('/');
    part("per", -1, o.string("per"));
    if (o.number("burst") > 0) {
      text.append(" burst ");
      part("burst", -1, Long.toString(o.number("burst")));
      text.append(bytes ? " bytes" : " packets");
    }
    text.append(";\n");
  }

  private void timeout(List<Finding> out) {
    text.append("protocol ");
    part("protocol", -1, o.string("protocol"));
    text.append(";\n");
    l3proto();
    List<String> policy = o.strings("policy");
    if (policy.isEmpty()) {
      out.add(attribute("policy", "a ct timeout needs at least one state timeout, e.g. policy = \"established=120\""));
      return;
    }
    text.append("policy = { ");
    for (int i = 0; i < policy.size(); i++) {
      String p = policy.get(i);
      int eq = p.indexOf('=');
      if (eq <= 0 || !p.substring(eq + 1).trim().matches("[0-9]+")) {
        out.add(attribute("policy", "policy entry \"" + p + "\" is not state=seconds, e.g. \"established=120\""));
        return;
      }
      text.append(i == 0 ? "" : ", ");
      part("policy", i, p.substring(0, eq).trim() + ": " + p.substring(eq + 1).trim());
    }
    text.append(" }\n");
  }

  private void l3proto() {
    if (!o.string("l3proto").isEmpty()) {
      text.append("l3proto ");
      part("l3proto", -1, o.string("l3proto"));
      text.append(";\n");
    }
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  private void part(String attribute, int element, String value) {
    int start = text.length();
    text.append(value);
    segments.add(new Segment(start, text.length(), attribute, element));
  }

  private Finding attribute(String attribute, String message) {
    return Finding.of(Diagnostic.INVALID_OBJECT_ATTRIBUTE, o.anchor().attribute(attribute), o.kind().nft(), o.name(),
        message);
  }

  private Finding finding(NftSyntaxException e) {
    Segment at = null;
    for (Segment s : segments) {
      if (e.offset() >= s.start() && e.offset() < Math.max(s.end(), s.start() + 1)) {
        at = s;
      }
    }
    String reason = e.headline() + (e.detail() == null ? "" : ": " + e.detail());
    String hint = e.suggestion() == null ? "" : " (did you mean \"" + e.suggestion() + "\"?)";
    if (at == null) {
      return Finding.of(Diagnostic.INVALID_OBJECT_ATTRIBUTE, o.anchor(), o.kind().nft(), o.name(), reason + hint);
    }
    if ((at.attribute().equals("type") || at.attribute().equals("value")) && reason.startsWith("unknown data type")) {
      return Finding.of(Diagnostic.UNKNOWN_DATA_TYPE, o.anchor().attribute(at.attribute()), o.kind().nft(), o.name(),
          reason, hint);
    }
    if (at.attribute().equals("elements")) {
      String typeText = String.join(" . ", o.strings("type"))
          + (o.kind() == ObjectDescriptor.Kind.MAP ? " : " + o.string("value") : "");
      return Finding.of(Diagnostic.INVALID_ELEMENT, o.anchor().attribute("elements"), o.kind().nft(), o.name(),
          o.strings("elements").get(at.element()), typeText, reason + hint);
    }
    return Finding.of(Diagnostic.INVALID_OBJECT_ATTRIBUTE, o.anchor().attribute(at.attribute()), o.kind().nft(),
        o.name(), at.attribute() + ": " + reason + hint);
  }
}
