package io.jnftables.text;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
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
import io.jnftables.model.Names;
import io.jnftables.model.NftObject;
import io.jnftables.model.ObjectHandle;
import io.jnftables.model.ObjectKind;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.stmt.Limit;
import io.jnftables.model.stmt.Quota;
import io.jnftables.model.stmt.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whole files in nft syntax — what {@code nft -f} reads — into a {@link Batch}: table blocks with
 * their chains, rules, sets, maps and stateful objects; command lines ({@code add rule …}, {@code
 * insert}, {@code delete}, {@code flush}, {@code create}, {@code replace}, {@code rename});
 * {@code define}d variables; priorities by name ({@code filter}, {@code dstnat - 10}).
 *
 * <p>A table block becomes {@code add table}, then its sets, objects and chains in the order
 * written, then its rules: so that a rule may jump to a chain declared after it, as nft allows.
 */
final class RulesetParser {
  private final Cursor c;
  private final List<Command> commands = new ArrayList<>();

  /**
   * Reading a listing ({@code nft [-a] list …}) rather than a script: table blocks only, objects
   * kept in the order written (a chain followed by its rules), handles taken from {@code # handle
   * N} comments.
   */
  private final boolean listing;

  private RulesetParser(String text, boolean listing) {
    this.c = new Cursor(text, true);
    this.listing = listing;
  }

  static Batch parse(String text) {
    RulesetParser p = new RulesetParser(text, false);
    p.file();
    return Batch.of(p.commands);
  }

  /** A listing as {@code nft list ruleset} (or {@code nft -a list ruleset}) prints it, in its order. */
  static Ruleset parseListing(String text) {
    RulesetParser p = new RulesetParser(text, true);
    p.file();
    List<NftObject> objects = new ArrayList<>(p.commands.size());
    for (Command cmd : p.commands) {
      objects.add(cmd.object());
    }
    return new Ruleset(objects);
  }

  /** The handle of what was just opened or ended, from its {@code # handle N} comment (listings only). */
  private @Nullable Long listedHandle() {
    return listing ? c.trailingHandle() : null;
  }

  // ================================================================== top level

  private void file() {
    while (true) {
      skipSeparators();
      if (c.at(Token.Kind.EOF)) {
        return;
      }
      command();
      endOfCommand();
    }
  }

  private void skipSeparators() {
    while (c.at(Token.Kind.NEWLINE) || c.at(Token.Kind.SEMICOLON)) {
      c.next();
    }
  }

  private void endOfCommand() {
    Token t = c.peek();
    if (t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.SEMICOLON || t.kind() == Token.Kind.EOF) {
      return;
    }
    throw c.unexpected(t, List.of("end of line", ";"), null);
  }

  private static final List<String> COMMANDS =
      List.of("table", "add", "create", "insert", "replace", "delete", "destroy", "flush", "rename", "list", "reset",
          "define", "include");

  private void command() {
    Token t = c.next();
    if (!t.isWord()) {
      throw c.unexpected(t, COMMANDS, null);
    }
    if (listing && !t.is("table")) {
      throw c.unexpected(t, List.of("table"), "a listing holds table blocks only");
    }
    switch (t.text()) {
      case "table":
        tableBlock(Verb.ADD);
        return;
      case "add":
        add(Verb.ADD);
        return;
      case "create":
        add(Verb.CREATE);
        return;
      case "insert":
        ruleCommand(Verb.INSERT);
        return;
      case "replace":
        ruleCommand(Verb.REPLACE);
        return;
      case "delete":
      case "destroy":
        delete(t.is("delete") ? Verb.DELETE : Verb.DESTROY);
        return;
      case "flush":
      case "list":
      case "reset":
        flushListReset(t.is("flush") ? Verb.FLUSH : t.is("list") ? Verb.LIST : Verb.RESET);
        return;
      case "rename":
        rename();
        return;
      case "include":
        throw c.invalid(t, "include is not supported", "the parser reads no files; concatenate them first");
      default:
        if (isObjectWord(t.text()) || t.is("chain") || t.is("rule") || t.is("element") || t.is("set")
            || t.is("map")) {
          // nft's implicit "add": "table inet t", "chain inet t c { … }", "rule inet t c …"
          c.reset(c.position() - 1);
          add(Verb.ADD);
          return;
        }
        throw c.error(t, "unexpected " + t.describe(), COMMANDS, null, COMMANDS);
    }
  }

  private static boolean isObjectWord(String w) {
    return w.equals("counter") || w.equals("quota") || w.equals("limit") || w.equals("ct") || w.equals("synproxy")
        || w.equals("secmark") || w.equals("flowtable");
  }

  private static final List<String> OBJECTS =
      List.of("table", "chain", "rule", "set", "map", "element", "counter", "quota", "limit", "ct", "synproxy",
          "secmark", "flowtable");

  /** {@code add|create table|chain|rule|set|map|element|counter|…}. */
  private void add(Verb verb) {
    Token what = c.next();
    if (!what.isWord()) {
      throw c.unexpected(what, OBJECTS, null);
    }
    switch (what.text()) {
      case "table":
        tableBlock(verb);
        return;
      case "chain": {
        Family f = family();
        String table = name("table");
        String chain = name("chain");
        if (c.at(Token.Kind.LBRACE)) {
          chainBlock(verb, f, table, chain, null);
        } else {
          commands.add(new Command(verb, Chain.regular(f, table, chain)));
        }
        return;
      }
      case "rule":
        ruleCommand(verb);
        return;
      case "set":
      case "map": {
        Family f = family();
        String table = name("table");
        String set = name(what.text());
        setBlock(verb, f, table, set, what.is("map"));
        return;
      }
      case "element":
        elementCommand(verb);
        return;
      default:
        if (isObjectWord(what.text())) {
          ObjectKind kind = objectKind(what); // "ct helper": both words come before the family
          Family f = family();
          String table = name("table");
          objectBlock(verb, kind, f, table);
          return;
        }
        throw c.error(what, "unexpected " + what.describe(), OBJECTS, null, OBJECTS);
    }
  }

  private void delete(Verb verb) {
    Token what = c.next();
    if (!what.isWord()) {
      throw c.unexpected(what, OBJECTS, null);
    }
    switch (what.text()) {
      case "table": {
        Family f = family();
        if (c.accept("handle")) {
          commands.add(new Command(verb, ObjectHandle.of(ObjectKind.TABLE, f, null, handle())));
        } else {
          commands.add(new Command(verb, new Table(f, name("table"), null)));
        }
        return;
      }
      case "chain": {
        Family f = family();
        String table = name("table");
        if (c.accept("handle")) {
          commands.add(new Command(verb, ObjectHandle.of(ObjectKind.CHAIN, f, table, handle())));
        } else {
          commands.add(new Command(verb, new Chain(f, table, name("chain"), null, null)));
        }
        return;
      }
      case "rule": {
        Family f = family();
        String table = name("table");
        String chain = name("chain");
        c.expect("handle");
        commands.add(new Command(verb, ObjectHandle.rule(f, table, chain, handle())));
        return;
      }
      case "set":
      case "map": {
        Family f = family();
        String table = name("table");
        if (c.accept("handle")) {
          commands.add(new Command(verb, ObjectHandle.of(what.is("set") ? ObjectKind.SET : ObjectKind.MAP, f, table,
              handle())));
        } else {
          String n = name(what.text());
          commands.add(new Command(verb, new NamedSet(what.is("set") ? NamedSet.Kind.SET : NamedSet.Kind.MAP, f,
              table, n, null, List.of(), null, null, List.of(), List.of(), null, null, null, null, List.of())));
        }
        return;
      }
      case "element":
        elementCommand(verb);
        return;
      default:
        if (isObjectWord(what.text())) {
          ObjectKind kind = objectKind(what);
          Family f = family();
          String table = name("table");
          if (c.accept("handle")) {
            commands.add(new Command(verb, ObjectHandle.of(kind, f, table, handle())));
          } else {
            commands.add(new Command(verb, namedObject(kind, f, table, name(kind.json()))));
          }
          return;
        }
        throw c.error(what, "unexpected " + what.describe(), OBJECTS, null, OBJECTS);
    }
  }

  /** {@code add|delete element family table set { … }}, elements read as the set's type when it is known. */
  private void elementCommand(Verb verb) {
    Family f = family();
    String table = name("table");
    String set = name("set");
    SetTypes types = setTypes.getOrDefault(f + " " + table + " " + set, SetTypes.UNKNOWN);
    commands.add(new Command(verb, new Element(f, table, set, elementSet(types).elements())));
  }

  private void flushListReset(Verb verb) {
    Token what = c.next();
    switch (what.text()) {
      case "ruleset": {
        Family f = c.peek().isWord() && familyOf(c.peek().text()) != null ? family() : null;
        commands.add(new Command(verb, new Selector(Selector.Kind.RULESET, f, null)));
        return;
      }
      case "table": {
        Family f = family();
        commands.add(new Command(verb, new Table(f, name("table"), null)));
        return;
      }
      case "chain": {
        Family f = family();
        String table = name("table");
        commands.add(new Command(verb, new Chain(f, table, name("chain"), null, null)));
        return;
      }
      case "set":
      case "map": {
        Family f = family();
        String table = name("table");
        String n = name(what.text());
        commands.add(new Command(verb, new NamedSet(what.is("set") ? NamedSet.Kind.SET : NamedSet.Kind.MAP, f,
            table, n, null, List.of(), null, null, List.of(), List.of(), null, null, null, null, List.of())));
        return;
      }
      default:
        if (isObjectWord(what.text())) {
          ObjectKind kind = objectKind(what);
          Family f = family();
          String table = name("table");
          commands.add(new Command(verb, namedObject(kind, f, table, name(kind.json()))));
          return;
        }
        Selector.Kind kind = Selector.Kind.fromJson(what.text());
        if (kind != null) {
          Family f = c.peek().isWord() && familyOf(c.peek().text()) != null ? family() : null;
          String table = f != null && c.peek().isWord() ? name("table") : null;
          commands.add(new Command(verb, new Selector(kind, f, table)));
          return;
        }
        throw c.unexpected(what, List.of("ruleset", "table", "chain", "set", "map"), null);
    }
  }

  private void rename() {
    c.expect("chain");
    Family f = family();
    String table = name("table");
    String chain = name("chain");
    String newName = name("chain");
    commands.add(Command.rename(Chain.rename(f, table, chain, newName)));
  }

  // ================================================================== tables

  private void tableBlock(Verb verb) {
    Family f = family();
    String name = name("table");
    if (!c.at(Token.Kind.LBRACE)) {
      commands.add(new Command(verb, new Table(f, name, null)));
      return;
    }
    c.next();
    Long tableHandle = listedHandle();
    List<String> flags = new ArrayList<>();
    String comment = null;
    int tableIndex = commands.size();
    commands.add(null); // the table, once its flags and comment are known
    List<Command> chains = new ArrayList<>();
    List<Command> rules = new ArrayList<>();
    while (true) {
      skipSeparators();
      Token t = c.peek();
      if (t.kind() == Token.Kind.RBRACE) {
        c.next();
        break;
      }
      if (!t.isWord()) {
        throw c.unexpected(t, TABLE_ITEMS, null);
      }
      c.next();
      switch (t.text()) {
        case "flags":
          do {
            Token fl = c.next();
            if (!fl.is("dormant") && !fl.is("owner")) {
              throw c.error(fl, "unknown table flag " + fl.describe(), List.of("dormant", "owner"), null,
                  List.of("dormant", "owner"));
            }
            flags.add(fl.text());
          } while (c.accept(Token.Kind.COMMA));
          break;
        case "comment":
          comment = commentString();
          break;
        case "chain": {
          if (listing) {
            chainBlock(Verb.ADD, f, name, name("chain"), null); // the chain, then its rules, as listed
            break;
          }
          int at = commands.size();
          rules.addAll(chainBlock(Verb.ADD, f, name, name("chain"), rules));
          chains.add(commands.remove(at)); // nft adds a table's chains before its other objects
          break;
        }
        case "set":
        case "map":
          setBlock(Verb.ADD, f, name, name(t.text()), t.is("map"));
          break;
        default:
          if (isObjectWord(t.text())) {
            objectBlock(Verb.ADD, objectKind(t), f, name);
            break;
          }
          throw c.error(t, "unexpected " + t.describe() + " in a table", TABLE_ITEMS, null, TABLE_ITEMS);
      }
      endOfDeclaration();
    }
    commands.set(tableIndex, new Command(verb, new Table(f, name, tableHandle, flags, comment)));
    commands.addAll(tableIndex + 1, chains);
    commands.addAll(rules);
  }

  private static final List<String> TABLE_ITEMS =
      List.of("chain", "set", "map", "counter", "quota", "limit", "ct", "synproxy", "secmark", "flowtable", "flags",
          "comment");

  private void endOfDeclaration() {
    Token t = c.peek();
    if (t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.SEMICOLON || t.kind() == Token.Kind.RBRACE) {
      return;
    }
    throw c.unexpected(t, List.of("end of line", ";", "}"), null);
  }

  // ================================================================== chains and rules

  /**
   * A chain block; returns its rules as commands (the caller places them after the table's other
   * declarations). {@code deferred} is null when the chain is a command of its own.
   */
  private List<Command> chainBlock(Verb verb, Family f, String table, String chain, @Nullable List<Command> deferred) {
    c.expect(Token.Kind.LBRACE, "{");
    Long chainHandle = listedHandle();
    BaseChain base = null;
    String comment = null;
    List<Command> rules = new ArrayList<>();
    ChainType type = null;
    Hook hook = null;
    Integer priority = null;
    Policy policy = null;
    List<String> devices = List.of();
    while (true) {
      skipSeparators();
      Token t = c.peek();
      if (t.kind() == Token.Kind.RBRACE) {
        c.next();
        break;
      }
      if (t.is("type") && rules.isEmpty()) {
        c.next();
        type = chainType();
        c.expect("hook");
        hook = hook(f);
        if (c.accept("device")) {
          devices = List.of(deviceName());
        } else if (c.at("devices")) {
          c.next();
          c.expect(Token.Kind.EQUALS, "=");
          devices = devices();
        }
        c.expect("priority");
        priority = priority(f, hook);
        continue;
      }
      if (t.is("policy") && rules.isEmpty()) {
        c.next();
        Token p = c.next();
        if (!p.is("accept") && !p.is("drop")) {
          throw c.unexpected(p, List.of("accept", "drop"), null);
        }
        policy = p.is("accept") ? Policy.ACCEPT : Policy.DROP;
        continue;
      }
      if (t.is("comment") && rules.isEmpty() && c.peek(1).kind() == Token.Kind.STRING) {
        c.next();
        comment = commentString();
        continue;
      }
      if (t.is("devices") && rules.isEmpty()) {
        c.next();
        c.expect(Token.Kind.EQUALS, "=");
        devices = devices();
        continue;
      }
      rules.add(rule(Verb.ADD, f, table, chain, null, null));
    }
    if (type != null) {
      base = new BaseChain(type, hook, priority, policy, devices);
    } else if (policy != null) {
      throw c.invalid(c.peek(-1), "policy needs a base chain", "write type, hook and priority first");
    }
    commands.add(new Command(verb, new Chain(f, table, chain, base, chainHandle, comment, null)));
    if (deferred == null) {
      commands.addAll(rules);
      return List.of();
    }
    return rules;
  }

  private ChainType chainType() {
    Token t = c.next();
    for (ChainType ct : ChainType.values()) {
      if (t.is(ct.nftName())) {
        return ct;
      }
    }
    List<String> names = List.of("filter", "nat", "route");
    throw c.error(t, "unknown chain type " + t.describe(), names, null, names);
  }

  private Hook hook(Family f) {
    Token t = c.next();
    for (Hook h : Hook.values()) {
      if (h != Hook.NONE && t.is(h.nftName())) {
        return h;
      }
    }
    List<String> names = new ArrayList<>();
    for (Hook h : Hook.values()) {
      if (h != Hook.NONE) {
        names.add(h.nftName());
      }
    }
    throw c.error(t, "unknown hook " + t.describe(), names, null, names);
  }

  /** {@code priority 0}, {@code priority filter}, {@code priority dstnat - 10}, {@code priority -150}. */
  private int priority(Family f, Hook hook) {
    Token t = c.next();
    long value;
    Long n = t.isWord() ? signed(t.text()) : null;
    if (n != null) {
      value = n;
    } else {
      Integer std = t.isWord() ? Priorities.value(t.text(), f, hook) : null;
      if (std == null) {
        List<String> names = Priorities.names(f, hook);
        throw c.error(t, "unknown priority " + t.describe(), names, "or a number", names);
      }
      value = std;
      Token op = c.peek();
      if ((op.is("+") || op.is("-") || op.text().startsWith("-")) && op.isWord()) {
        c.next();
        Long delta;
        if (op.text().length() > 1) {
          delta = signed(op.text().substring(1));
        } else {
          Token d = c.next();
          delta = d.isWord() ? signed(d.text()) : null;
        }
        if (delta == null) {
          throw c.unexpected(c.peek(-1), List.of("a number"), null);
        }
        value += op.text().startsWith("-") ? -delta : delta;
      } else if (op.kind() == Token.Kind.OTHER && op.text().equals("+")) {
        c.next();
        Token d = c.next();
        Long delta = d.isWord() ? signed(d.text()) : null;
        if (delta == null) {
          throw c.unexpected(d, List.of("a number"), null);
        }
        value += delta;
      }
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw c.invalid(t, "priority out of range", null);
    }
    return (int) value;
  }

  private static @Nullable Long signed(String s) {
    boolean neg = s.startsWith("-");
    String digits = neg ? s.substring(1) : s;
    if (!ValueParser.isDigits(digits) || digits.length() > 12) {
      return null;
    }
    long v = Long.parseLong(digits);
    return neg ? -v : v;
  }

  /** {@code [add|insert|replace] rule [family] table chain [handle N|position N|index N] statements [comment "…"]}. */
  private void ruleCommand(Verb verb) {
    if (verb == Verb.INSERT || verb == Verb.REPLACE) {
      c.expect("rule");
    }
    Family f = family();
    String table = name("table");
    String chain = name("chain");
    Long handle = null;
    Integer index = null;
    if (c.at("handle") || c.at("position")) {
      c.next();
      handle = handle();
    } else if (c.at("index")) {
      c.next();
      index = (int) (long) handle();
    }
    if (verb == Verb.REPLACE && handle == null) {
      throw c.unexpected(c.peek(), List.of("handle"), "replace names the rule to replace by its handle");
    }
    commands.add(rule(verb, f, table, chain, handle, index));
  }

  private Command rule(Verb verb, Family f, String table, String chain, @Nullable Long handle, @Nullable Integer index) {
    StatementParser p = new StatementParser(c, f, Schema.NONE);
    List<Statement> statements = p.statements();
    String comment = p.comment();
    if (!c.atEndOfRule()) {
      throw c.unexpected(c.peek(), List.of("end of rule"), null);
    }
    if (handle == null) {
      handle = listedHandle();
    }
    return new Command(verb, new Rule(f, table, chain, statements, handle, comment, index));
  }

  // ================================================================== sets and maps

  /** Key and value types of a declared set, for reading its elements. */
  private record SetTypes(List<DataType> keys, @Nullable DataType data) {
    static final SetTypes UNKNOWN = new SetTypes(List.of(DataType.ANY), null);
  }

  private final Map<String, SetTypes> setTypes = new LinkedHashMap<>();

  private void setBlock(Verb verb, Family f, String table, String name, boolean isMap) {
    c.expect(Token.Kind.LBRACE, "{");
    Long setHandle = listedHandle();
    List<String> type = new ArrayList<>();
    List<DataType> keyTypes = new ArrayList<>();
    String mapType = null;
    DataType dataType = null;
    String policy = null;
    List<String> flags = new ArrayList<>();
    List<Expression> elements = new ArrayList<>();
    Long timeout = null;
    Long gc = null;
    Long size = null;
    String comment = null;
    List<Statement> statements = new ArrayList<>();
    NamedSet.Typeof typeof = null;
    boolean autoMerge = false;
    boolean dataInterval = false;
    while (true) {
      skipSeparators();
      Token t = c.next();
      if (t.kind() == Token.Kind.RBRACE) {
        break;
      }
      switch (t.text()) {
        case "type":
          do {
            Token tn = c.next();
            DataType dt = DataType.BY_NAME.get(tn.text());
            if (dt == null) {
              throw c.error(tn, "unknown data type " + tn.describe(), List.of(), null, DataType.BY_NAME.keySet());
            }
            type.add(tn.text());
            keyTypes.add(dt);
          } while (c.accept("."));
          if (isMap) {
            c.expect(":");
            dataInterval = c.accept("interval");
            List<String> names = new ArrayList<>();
            do {
              Token dn = c.next();
              DataType dt = DataType.BY_NAME.get(dn.text());
              if (dt == null) {
                throw c.error(dn, "unknown data type " + dn.describe(), List.of(), null, DataType.BY_NAME.keySet());
              }
              names.add(dn.text());
              dataType = names.size() == 1 ? dt : DataType.ANY;
            } while (c.accept("."));
            mapType = String.join(" . ", names);
          }
          break;
        case "typeof": {
          StatementParser sp = new StatementParser(c, f, Schema.NONE);
          Expression key = sp.expr.concat();
          keyTypes.addAll(sp.expr.typesOf(key));
          for (DataType dt : keyTypes) {
            type.add(dt.name);
          }
          Expression data = null;
          if (isMap) {
            c.expect(":");
            dataInterval = c.accept("interval");
            if (c.at("verdict") || DataType.BY_NAME.containsKey(c.peek().text()) && !sp.expr.startsSelector(c.peek())) {
              Token dn = c.next();
              dataType = DataType.BY_NAME.get(dn.text());
              mapType = dn.text();
            } else {
              data = sp.expr.concat();
              List<DataType> dataTypes = sp.expr.typesOf(data);
              dataType = dataTypes.size() == 1 ? dataTypes.get(0) : DataType.ANY;
              List<String> names = new ArrayList<>();
              dataTypes.forEach(dt -> names.add(dt.name));
              mapType = String.join(" . ", names);
            }
          }
          typeof = new NamedSet.Typeof(key, data);
          break;
        }
        case "flags":
          do {
            Token fl = c.next();
            if (!SET_FLAGS.contains(fl.text())) {
              throw c.error(fl, "unknown set flag " + fl.describe(), SET_FLAGS, null, SET_FLAGS);
            }
            flags.add(fl.text());
          } while (c.accept(Token.Kind.COMMA));
          break;
        case "timeout":
          timeout = seconds();
          break;
        case "gc-interval":
          gc = seconds();
          break;
        case "size":
          size = handle();
          break;
        case "policy": {
          Token p = c.next();
          if (!p.is("performance") && !p.is("memory")) {
            throw c.unexpected(p, List.of("performance", "memory"), null);
          }
          policy = p.text();
          break;
        }
        case "auto-merge":
          autoMerge = true;
          break;
        case "comment":
          comment = commentString();
          break;
        case "counter":
        case "limit":
        case "quota": {
          c.reset(c.position() - 1);
          StatementParser sp = new StatementParser(c, f, Schema.NONE);
          while (c.at("counter") || c.at("limit") || c.at("quota")) {
            statements.add(sp.statement());
          }
          break;
        }
        case "elements": {
          c.expect(Token.Kind.EQUALS, "=");
          SetTypes st = new SetTypes(keyTypes.isEmpty() ? List.of(DataType.ANY) : keyTypes,
              isMap ? (dataType == null ? DataType.ANY : dataType) : null);
          elements.addAll(elementSet(st).elements());
          break;
        }
        default:
          throw c.error(t, "unexpected " + t.describe() + " in a " + (isMap ? "map" : "set"), SET_ITEMS, null,
              SET_ITEMS);
      }
      endOfDeclaration();
    }
    if (type.isEmpty()) {
      throw c.invalid(c.peek(-1), (isMap ? "map" : "set") + " " + name + " needs a type", "write type … or typeof …");
    }
    setTypes.put(f + " " + table + " " + name, new SetTypes(keyTypes, dataType));
    commands.add(new Command(verb, new NamedSet(isMap ? NamedSet.Kind.MAP : NamedSet.Kind.SET, f, table, name,
        setHandle, type, mapType, policy, flags, elements, timeout, gc, size, comment, statements, typeof, autoMerge,
        dataInterval)));
  }

  private static final List<String> SET_FLAGS = List.of("constant", "interval", "timeout", "dynamic");
  private static final List<String> SET_ITEMS =
      List.of("type", "typeof", "flags", "timeout", "gc-interval", "size", "policy", "elements", "counter", "comment",
          "auto-merge");

  private SetExpr elementSet(SetTypes types) {
    StatementParser sp = new StatementParser(c, Family.INET, Schema.NONE);
    return sp.expr.set(types.keys(), types.data() == null ? null : List.of(types.data()), true);
  }

  private long seconds() {
    Token t = c.next();
    Long s = t.isWord() ? Times.parseSeconds(t.text()) : null;
    if (s == null) {
      throw c.unexpected(t, List.of("a time"), null);
    }
    return s;
  }

  // ================================================================== stateful objects

  private ObjectKind objectKind(Token what) {
    switch (what.text()) {
      case "counter":
        return ObjectKind.COUNTER;
      case "quota":
        return ObjectKind.QUOTA;
      case "limit":
        return ObjectKind.LIMIT;
      case "synproxy":
        return ObjectKind.SYNPROXY;
      case "secmark":
        return ObjectKind.SECMARK;
      case "flowtable":
        return ObjectKind.FLOWTABLE;
      default: {
        Token k = c.next();
        if (k.is("helper")) {
          return ObjectKind.CT_HELPER;
        }
        if (k.is("timeout")) {
          return ObjectKind.CT_TIMEOUT;
        }
        if (k.is("expectation")) {
          return ObjectKind.CT_EXPECTATION;
        }
        throw c.unexpected(k, List.of("helper", "timeout", "expectation"), null);
      }
    }
  }

  private NftObject namedObject(ObjectKind kind, Family f, String table, String name) {
    switch (kind) {
      case COUNTER:
        return new NamedCounter(f, table, name, null, null, null, null);
      case QUOTA:
        return new NamedQuota(f, table, name, null, null, null, false, null);
      case LIMIT:
        return new NamedLimit(f, table, name, null, null, null, null, null, null, null, false, null);
      case SYNPROXY:
        return new NamedSynproxy(f, table, name, null, null, null, List.of(), null);
      case SECMARK:
        return new Secmark(f, table, name, null, null, null);
      case FLOWTABLE:
        return new Flowtable(f, table, name, null, null, null, List.of());
      case CT_HELPER:
        return new CtHelper(f, table, name, null, null, null, null, null);
      case CT_TIMEOUT:
        return new CtTimeout(f, table, name, null, null, null, null, null);
      default:
        return new CtExpectation(f, table, name, null, null, null, null, null, null, null);
    }
  }

  /** {@code counter NAME { … }}, {@code ct helper NAME { … }}, {@code flowtable NAME { … }}, … */
  private void objectBlock(Verb verb, ObjectKind kind, Family f, String table) {
    String name = name(kind.json());
    if (!c.at(Token.Kind.LBRACE)) {
      commands.add(new Command(verb, namedObject(kind, f, table, name)));
      return;
    }
    c.next();
    Long objectHandle = listedHandle();
    Map<String, Object> props = new LinkedHashMap<>();
    String comment = null;
    while (true) {
      skipSeparators();
      Token t = c.peek();
      if (t.kind() == Token.Kind.RBRACE) {
        c.next();
        break;
      }
      if (t.is("comment") && c.peek(1).kind() == Token.Kind.STRING) {
        c.next();
        comment = commentString();
      } else {
        objectProperty(kind, props);
        while (!c.atEndOfRule() && (kind == ObjectKind.CT_HELPER || kind == ObjectKind.CT_TIMEOUT
            || kind == ObjectKind.CT_EXPECTATION)) {
          objectProperty(kind, props); // "type "sip" protocol tcp" on one line
        }
      }
      endOfDeclaration();
    }
    commands.add(new Command(verb, objectOf(kind, f, table, name, objectHandle, props, comment)));
  }

  private void objectProperty(ObjectKind kind, Map<String, Object> props) {
    Token t = c.peek();
    switch (kind) {
      case COUNTER:
        while (c.at("packets") || c.at("bytes")) {
          String k = c.next().text();
          props.put(k, handle());
        }
        return;
      case QUOTA:
        props.put("quota", quotaBody());
        return;
      case LIMIT: {
        props.put("limit", limitBody());
        return;
      }
      case SYNPROXY:
        while (c.at("mss") || c.at("wscale") || c.at("timestamp") || c.at("sack-perm")) {
          Token k = c.next();
          if (k.is("mss") || k.is("wscale")) {
            props.put(k.text(), handle());
          } else {
            @SuppressWarnings("unchecked")
            List<String> flags = (List<String>) props.computeIfAbsent("flags", x -> new ArrayList<String>());
            flags.add(k.text());
          }
        }
        return;
      case SECMARK: {
        Token s = c.next();
        if (s.kind() != Token.Kind.STRING) {
          throw c.unexpected(s, List.of("a quoted security context"), null);
        }
        props.put("context", s.value());
        return;
      }
      case FLOWTABLE: {
        Token k = c.next();
        if (k.is("hook")) {
          Token h = c.next();
          props.put("hook", h.text());
          c.expect("priority");
          props.put("priority", priority(Family.NETDEV, Hook.INGRESS));
        } else if (k.is("devices")) {
          c.expect(Token.Kind.EQUALS, "=");
          props.put("devices", devices());
        } else if (k.is("flags") || k.is("counter")) {
          while (c.peek().isWord() && !c.atEndOfRule()) {
            c.next();
          }
        } else {
          throw c.unexpected(k, List.of("hook", "devices"), null);
        }
        return;
      }
      default:
        ctObjectProperty(kind, props);
    }
  }

  private void ctObjectProperty(ObjectKind kind, Map<String, Object> props) {
    Token k = c.next();
    switch (k.text()) {
      case "type":
        if (kind != ObjectKind.CT_HELPER) {
          break;
        }
        Token ty = c.next();
        if (ty.kind() != Token.Kind.STRING) {
          throw c.unexpected(ty, List.of("a quoted helper name"), null);
        }
        props.put("type", ty.value());
        return;
      case "protocol": {
        Token p = c.next();
        if (!p.is("tcp") && !p.is("udp") && !p.is("dccp") && !p.is("sctp") && !p.is("gre") && !p.is("icmp")
            && !p.is("icmpv6") && !p.is("udplite")) {
          throw c.unexpected(p, List.of("tcp", "udp"), null);
        }
        props.put("protocol", p.text());
        return;
      }
      case "l3proto": {
        Token p = c.next();
        if (!p.is("ip") && !p.is("ip6") && !p.is("inet")) {
          throw c.unexpected(p, List.of("ip", "ip6", "inet"), null);
        }
        props.put("l3proto", p.text());
        return;
      }
      case "policy": {
        if (kind != ObjectKind.CT_TIMEOUT) {
          break;
        }
        c.expect(Token.Kind.EQUALS, "=");
        c.expect(Token.Kind.LBRACE, "{");
        Map<String, Long> policy = new LinkedHashMap<>();
        while (true) {
          c.skipNewlines();
          Token st = c.next();
          if (st.kind() == Token.Kind.RBRACE) {
            break;
          }
          String state = st.text();
          Long secs;
          int colon = state.indexOf(':');
          if (colon > 0) {
            secs = Times.parseSeconds(state.substring(colon + 1).isEmpty() ? c.next().text()
                : state.substring(colon + 1));
            state = state.substring(0, colon);
          } else {
            c.expect(":");
            Token v = c.next();
            secs = Times.parseSeconds(v.text());
          }
          if (secs == null) {
            throw c.unexpected(c.peek(-1), List.of("a time"), null);
          }
          policy.put(state, secs);
          c.skipNewlines();
          if (!c.accept(Token.Kind.COMMA)) {
            c.skipNewlines();
            c.expect(Token.Kind.RBRACE, "}");
            break;
          }
        }
        props.put("policy", policy);
        return;
      }
      case "dport":
      case "size":
        if (kind != ObjectKind.CT_EXPECTATION) {
          break;
        }
        props.put(k.text(), handle());
        return;
      case "timeout":
        if (kind != ObjectKind.CT_EXPECTATION) {
          break;
        }
        Token v = c.next();
        Long ms = Times.parseMillis(v.text());
        if (ms == null) {
          throw c.unexpected(v, List.of("a time"), null);
        }
        props.put("timeout", ms);
        return;
      default:
        break;
    }
    throw c.unexpected(k, List.of("type", "protocol", "l3proto", "policy", "dport", "timeout", "size"), null);
  }

  /** A quota object's body: the quota statement without its keyword. */
  private Quota quotaBody() {
    return (Quota) new StatementParser(c, Family.INET, Schema.NONE).statementAfterKeyword("quota");
  }

  private Limit limitBody() {
    return (Limit) new StatementParser(c, Family.INET, Schema.NONE).statementAfterKeyword("limit");
  }

  @SuppressWarnings("unchecked")
  private NftObject objectOf(ObjectKind kind, Family f, String table, String name, @Nullable Long handle,
      Map<String, Object> p,
      @Nullable String comment) {
    switch (kind) {
      case COUNTER:
        return new NamedCounter(f, table, name, handle, (Long) p.get("packets"), (Long) p.get("bytes"), comment);
      case QUOTA: {
        Quota q = (Quota) p.get("quota");
        if (q == null) {
          throw c.invalid(c.peek(-1), "a quota needs a size", null);
        }
        return new NamedQuota(f, table, name, handle, q.value() * unit(q.valueUnit()),
            q.used() == null ? null : q.used() * unit(q.usedUnit()), q.inv(), comment);
      }
      case LIMIT: {
        Limit l = (Limit) p.get("limit");
        if (l == null) {
          throw c.invalid(c.peek(-1), "a limit needs a rate", null);
        }
        return new NamedLimit(f, table, name, handle, l.rate(), l.per(), l.burst(), l.rateUnit(), l.burstUnit(), null,
            l.inv(), comment);
      }
      case SYNPROXY: {
        Long mss = (Long) p.get("mss");
        Long ws = (Long) p.get("wscale");
        List<String> flags = (List<String>) p.getOrDefault("flags", List.of());
        return new NamedSynproxy(f, table, name, handle, mss == null ? null : mss.intValue(),
            ws == null ? null : ws.intValue(), flags, comment);
      }
      case SECMARK:
        return new Secmark(f, table, name, handle, (String) p.get("context"), comment);
      case FLOWTABLE: {
        Integer prio = (Integer) p.get("priority");
        return new Flowtable(f, table, name, handle, (String) p.get("hook"), prio,
            (List<String>) p.getOrDefault("devices", List.of()));
      }
      case CT_HELPER:
        return new CtHelper(f, table, name, handle, (String) p.get("type"), (String) p.get("protocol"),
            (String) p.get("l3proto"), comment);
      case CT_TIMEOUT:
        return new CtTimeout(f, table, name, handle, (String) p.get("protocol"), (String) p.get("l3proto"),
            (Map<String, Long>) p.get("policy"), comment);
      default: {
        Long dport = (Long) p.get("dport");
        Long size = (Long) p.get("size");
        return new CtExpectation(f, table, name, handle, (String) p.get("protocol"),
            dport == null ? null : dport.intValue(), (Long) p.get("timeout"), size == null ? null : size.intValue(),
            (String) p.get("l3proto"), comment);
      }
    }
  }

  private static long unit(@Nullable String unit) {
    if ("kbytes".equals(unit)) {
      return 1024;
    }
    if ("mbytes".equals(unit)) {
      return 1024 * 1024;
    }
    return 1;
  }

  // ================================================================== small pieces

  private static final List<String> FAMILIES = List.of("ip", "ip6", "inet", "arp", "bridge", "netdev");

  private static @Nullable Family familyOf(String s) {
    return FAMILIES.contains(s) ? Family.valueOf(s.toUpperCase(Locale.ROOT)) : null;
  }

  /** An optional family; nft's default is ip. */
  private Family family() {
    Token t = c.peek();
    Family f = t.isWord() ? familyOf(t.text()) : null;
    if (f != null && c.peek(1).kind() != Token.Kind.LBRACE && c.peek(1).kind() != Token.Kind.NEWLINE
        && c.peek(1).kind() != Token.Kind.EOF && c.peek(1).kind() != Token.Kind.SEMICOLON) {
      c.next();
      return f;
    }
    return Family.IP;
  }

  private String name(String what) {
    Token t = c.next();
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.STRING) {
      throw c.unexpected(t, List.of("a " + what + " name"), null);
    }
    String problem = t.kind() == Token.Kind.STRING ? null : Names.problem(t.text());
    if (problem != null) {
      throw c.invalid(t, "invalid " + what + " name " + t.describe(), problem);
    }
    return t.value();
  }

  private long handle() {
    Token t = c.next();
    Long v = t.isWord() ? ValueParser.longValue(t.text()) : null;
    if (v == null) {
      throw c.unexpected(t, List.of("a number"), null);
    }
    return v;
  }

  private String commentString() {
    Token t = c.next();
    if (t.kind() != Token.Kind.STRING) {
      throw c.unexpected(t, List.of("a quoted comment"), null);
    }
    if (t.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Limits.COMMENT_BYTES) {
      throw c.invalid(t, "comment too long", "at most " + Limits.COMMENT_BYTES + " bytes");
    }
    return t.value();
  }

  private String deviceName() {
    Token t = c.next();
    if (t.kind() != Token.Kind.STRING && !t.isWord()) {
      throw c.unexpected(t, List.of("a device name"), null);
    }
    return t.value();
  }

  private List<String> devices() {
    List<String> out = new ArrayList<>();
    if (!c.at(Token.Kind.LBRACE)) {
      out.add(deviceName());
      return out;
    }
    c.next();
    while (true) {
      c.skipNewlines();
      out.add(deviceName());
      c.skipNewlines();
      Token sep = c.next();
      if (sep.kind() == Token.Kind.RBRACE) {
        return out;
      }
      if (sep.kind() != Token.Kind.COMMA) {
        throw c.unexpected(sep, List.of(",", "}"), null);
      }
    }
  }
}
