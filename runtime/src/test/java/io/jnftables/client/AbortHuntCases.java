package io.jnftables.client;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.json.Conformance;
import io.jnftables.json.JsonCodec;
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
import io.jnftables.model.ObjectKind;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.text.NftText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The abort hunt's generator: case {@code i} of seed {@code s} is always the same batch. A case is
 * a setup ruleset (our own, or one of nft's shell-test rulesets) loaded as nft text, then a random
 * batch over the names it holds — every verb of the model on every object kind, valid and not:
 * missing tables, chains, sets and objects, wrong types, out-of-range numbers, odd names, handles
 * that do not exist, and rules put together from the statements of nft's own rule corpus
 * ({@code py/**}{@code /*.t.json}), then mutated anywhere in their tree by {@link ModelMutator}.
 * It is sent as JSON through the codec or, for a share, as nft text ({@code CallOptions.asText()}),
 * or raw through {@code runJson}; submitted, checked, or submitted confirmed; with or without
 * handles.
 *
 * <p>Known and handled elsewhere: nft 1.0.6 garbles (and can abort on) the JSON of a table with
 * exactly one flag. Cases never list as JSON while such a table exists: table flags are only
 * generated for text batches without echo, every setup is free of table flags, and the hunt lists
 * nothing as JSON itself.
 */
final class AbortHuntCases {
  /** How a case reaches the client. */
  enum Route { JSON, TEXT, RAW_JSON }

  /** Which client call runs it. */
  enum Mode { SUBMIT, CHECK, CONFIRMED }

  /** One generated case. */
  record Case(long index, String setupName, String setup, Batch batch, Route route, Mode mode, boolean echo) {
    /** What the case sends, for the record of an abort: the setup, then the batch as it goes. */
    String describe() {
      String body;
      try {
        body = route == Route.TEXT ? NftText.print(batch) : batch.toJson();
      } catch (RuntimeException e) {
        body = batch.toJson();
      }
      return "case " + index + " setup=" + setupName + " route=" + route + " mode=" + mode + " echo=" + echo
          + "\n--- batch\n" + body + "\n--- setup\n" + setup;
    }
  }

  /** A setup ruleset and the names in it. */
  record Setup(String name, String text, World world) {}

  /** The objects of a setup, by kind, so that a batch names what exists (mostly). */
  static final class World {
    final List<Table> tables = new ArrayList<>();
    final Map<String, List<String>> chains = new LinkedHashMap<>(); // key: family table
    final Map<String, List<NamedSet>> sets = new LinkedHashMap<>();
    final Map<String, Map<ObjectKind, List<String>>> objects = new LinkedHashMap<>();

    static World of(Batch batch) {
      World w = new World();
      for (Command c : batch.commands()) {
        NftObject o = c.object();
        if (o instanceof Table t) {
          w.tables.add(t);
        } else if (o instanceof Chain ch) {
          w.chains.computeIfAbsent(key(ch.family(), ch.table()), k -> new ArrayList<>()).add(ch.name());
        } else if (o instanceof NamedSet s) {
          w.sets.computeIfAbsent(key(s.family(), s.table()), k -> new ArrayList<>()).add(s);
        } else {
          ObjectKind kind = kindOf(o);
          if (kind != null) {
            w.objects.computeIfAbsent(key(familyOf(o), tableOf(o)), k -> new LinkedHashMap<>())
                .computeIfAbsent(kind, k -> new ArrayList<>()).add(nameOf(o));
          }
        }
      }
      if (w.tables.isEmpty()) {
        w.tables.add(new Table(Family.INET, "t", null));
      }
      return w;
    }
  }

  private static final String OWN_SETUP = """
      table inet t {
      	ct helper cth {
      		type "ftp" protocol tcp
      		l3proto inet
      	}
      	ct timeout ctt {
      		protocol tcp
      		l3proto ip
      		policy = { established : 123, close : 12 }
      	}
      	ct expectation cte {
      		protocol tcp
      		dport 666
      		timeout 100ms
      		size 96
      		l3proto ip
      	}
      	counter cnt {
      		packets 0 bytes 0
      	}
      	quota q {
      		over 1200 bytes
      	}
      	limit lim {
      		rate 400/hour
      	}
      	synproxy syn {
      		mss 1460
      		wscale 2
      	}
      	set s4 {
      		type ipv4_addr
      		elements = { 10.0.0.1, 10.0.0.2 }
      	}
      	set s6 {
      		type ipv6_addr
      		flags interval
      		elements = { 2001:db8::/64 }
      	}
      	set sp {
      		type inet_service
      		flags timeout
      		timeout 1h
      		elements = { 22, 80 }
      	}
      	set sc {
      		type ipv4_addr . inet_service
      		elements = { 10.0.0.1 . 22 }
      	}
      	set dyn {
      		type ipv4_addr
      		size 65535
      		flags dynamic,timeout
      		timeout 1m
      	}
      	map vm {
      		type inet_service : verdict
      		elements = { 22 : accept, 23 : drop }
      	}
      	map mm {
      		type ipv4_addr : mark
      		elements = { 10.0.0.1 : 0x00000001 }
      	}
      	map om {
      		type inet_service : counter
      		elements = { 22 : "cnt" }
      	}
      	chain c1 {
      		counter
      	}
      	chain c2 {
      		ip saddr @s4 counter return
      	}
      	chain input {
      		type filter hook input priority filter; policy accept;
      		ct state established,related accept
      		tcp dport @sp jump c1
      		tcp dport vmap @vm
      		counter name "cnt"
      	}
      	chain fw {
      		type filter hook forward priority filter; policy drop;
      	}
      	chain routeout {
      		type route hook output priority filter; policy accept;
      	}
      	chain npre {
      		type nat hook prerouting priority dstnat; policy accept;
      		tcp dport 8080 redirect to :80
      	}
      	chain npost {
      		type nat hook postrouting priority srcnat; policy accept;
      		oifname "lo" masquerade
      	}
      }
      table ip t2 {
      	set s {
      		type ipv4_addr
      	}
      	chain c {
      		type filter hook input priority filter; policy accept;
      		ip saddr @s drop
      	}
      	chain r {
      	}
      }
      table ip6 t6 {
      	chain c {
      		type filter hook input priority filter; policy accept;
      	}
      }
      table bridge tb {
      	chain c {
      		type filter hook forward priority filter; policy accept;
      	}
      }
      table arp ta {
      	chain c {
      		type filter hook input priority filter; policy accept;
      	}
      }
      table netdev tnd {
      	chain ing {
      		type filter hook ingress device "lo" priority filter; policy accept;
      	}
      }
      """;

  private static final String[] TYPES = {"ipv4_addr", "ipv6_addr", "inet_service", "inet_proto", "ether_addr",
      "mark", "ifname", "integer", "string", "verdict", "counter", "quota", "bogus", "ct_state", "icmp_type"};
  private static final String[] SET_FLAGS = {"constant", "interval", "timeout", "dynamic", "bogus"};
  private static final String[] CT_STATES = {"established", "close", "syn_sent", "time_wait", "unreplied",
      "replied", "bogus"};
  private static final String[] PROTOCOLS = {"tcp", "udp", "dccp", "sctp", "gre", "icmp", "bogus", ""};
  private static final String[] L3 = {"ip", "ip6", "inet", "arp", "bridge", "netdev", "bogus"};
  private static final Family[] FAMILIES = Family.values();

  private final List<Setup> setups;
  /** A rule body of nft's corpus and the family its file tests ({@code py/<family>/…}). */
  record CorpusRule(Family family, List<Statement> statements) {}

  private final List<CorpusRule> rules;
  private final ModelMutator mutator;

  private AbortHuntCases(List<Setup> setups, List<CorpusRule> rules, ModelMutator mutator) {
    this.setups = setups;
    this.rules = rules;
    this.mutator = mutator;
  }

  /** Reads the corpus (in a fixed order, so that cases are reproducible). */
  static AbortHuntCases load() {
    List<Setup> setups = new ArrayList<>();
    setups.add(new Setup("own", OWN_SETUP, World.of(NftText.parseRuleset(OWN_SETUP))));
    List<CorpusRule> rules = new ArrayList<>();
    try {
      for (Path p : sorted(Conformance.require("shell-dumps"), ".nft")) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.contains("flags dormant") || text.contains("include")) {
          continue; // no single-flag tables (handled elsewhere); no includes (paths of the test suite)
        }
        try {
          setups.add(new Setup(p.getParent().getParent().getFileName() + "/" + p.getFileName(), text,
              World.of(NftText.parseRuleset(text))));
        } catch (RuntimeException e) {
          // a ruleset our parser does not read: its names are unknown, leave it out
        }
      }
      Path py = Conformance.require("py");
      for (Path p : sorted(py, ".t.json")) {
        String dir = py.relativize(p).getName(0).toString();
        Family family = dir.equals("any") ? Family.INET : Family.valueOf(dir.toUpperCase(java.util.Locale.ROOT));
        for (String block : blocks(Files.readString(p, StandardCharsets.UTF_8))) {
          try {
            rules.add(new CorpusRule(family, JsonCodec.decodeStatements(block)));
          } catch (RuntimeException e) {
            // not a statement array
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Expression> expressions = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    for (CorpusRule r : rules) {
      ModelMutator.harvest(r.statements(), expressions, statements);
    }
    return new AbortHuntCases(setups, rules, new ModelMutator(expressions, statements));
  }

  int setupCount() {
    return setups.size();
  }

  int ruleCount() {
    return rules.size();
  }

  /** Case {@code index} of {@code seed}. */
  Case generate(long seed, long index) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    Setup setup = r.nextInt(10) < 6 ? setups.get(0) : setups.get(r.nextInt(setups.size()));
    Route route = Route.values()[pick(r, 65, 30, 5)];
    Mode mode = switch (pick(r, 80, 15, 5)) {
      case 0 -> Mode.SUBMIT;
      case 1 -> Mode.CHECK;
      default -> Mode.CONFIRMED;
    };
    boolean echo = mode == Mode.SUBMIT && route != Route.RAW_JSON && r.nextInt(5) == 0;
    boolean tableFlags = !echo && route == Route.TEXT; // single-flag tables never meet a JSON listing
    boolean plausible = r.nextBoolean(); // half the cases mostly valid, so that they get past nft's parser
    int n = r.nextInt(8) == 0 ? 2 + r.nextInt(20) : 1 + r.nextInt(plausible ? 3 : 5);
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try {
        Command c = plausible ? plausibleCommand(r, setup.world(), tableFlags)
            : command(r, setup.world(), tableFlags); // the model refuses some odd values itself
        JsonCodec.encode(List.of(c)); // commands the codec refuses are no case
        if (route == Route.TEXT) {
          NftText.print(Batch.of(List.of(c)));
        }
        commands.add(c);
      } catch (RuntimeException e) {
        // drop it
      }
    }
    if (commands.isEmpty()) {
      commands.add(Command.list(Selector.RULESET));
    }
    return new Case(index, setup.name(), setup.text(), Batch.of(commands), route, mode, echo);
  }

  /**
   * A command nft could well accept: a verb the object kind has, names that exist (mostly), corpus
   * rules in a table of their family, and rarely a mutation.
   */
  private Command plausibleCommand(SplittableRandom r, World w, boolean tableFlags) {
    Table t = w.tables.get(r.nextInt(w.tables.size()));
    Family f = t.family();
    String table = t.name();
    String k = key(f, table);
    Verb[] objectVerbs = {Verb.ADD, Verb.ADD, Verb.CREATE, Verb.DELETE, Verb.LIST};
    NftObject o;
    Verb verb;
    switch (r.nextInt(14)) {
      case 0 -> {
        verb = pickOf(r, Verb.ADD, Verb.CREATE, Verb.DELETE, Verb.LIST, Verb.FLUSH);
        o = new Table(f, verb == Verb.ADD || verb == Verb.CREATE ? pickOf(r, table, "tnew") : table, null,
            tableFlags && r.nextInt(3) == 0 ? List.of("dormant") : List.of(), null);
      }
      case 1 -> {
        verb = pickOf(r, Verb.ADD, Verb.CREATE, Verb.DELETE, Verb.LIST, Verb.FLUSH, Verb.RENAME);
        o = chain(r, w, f, table, k, verb, null);
      }
      case 2, 3, 4 -> {
        verb = pickOf(r, Verb.ADD, Verb.ADD, Verb.INSERT, Verb.REPLACE);
        List<CorpusRule> fitting = rules.stream().filter(c -> c.family() == f
            || c.family() == Family.INET && (f == Family.IP || f == Family.IP6)).toList();
        List<CorpusRule> from = fitting.isEmpty() ? rules : fitting;
        List<Statement> body = from.get(r.nextInt(from.size())).statements();
        o = new Rule(f, table, chainName(r, w, k), body, verb == Verb.REPLACE || r.nextInt(6) == 0 ? 1L + r.nextInt(40) : null,
            null, null);
      }
      case 5 -> {
        verb = Verb.DELETE;
        o = ObjectHandle.rule(f, table, chainName(r, w, k), 1 + r.nextInt(40));
      }
      case 6 -> {
        verb = pickOf(r, Verb.ADD, Verb.CREATE, Verb.DELETE, Verb.LIST, Verb.FLUSH);
        o = set(r, w, f, table, k, null);
      }
      case 7, 8 -> {
        verb = pickOf(r, Verb.ADD, Verb.ADD, Verb.CREATE, Verb.DELETE);
        o = element(r, w, f, table, k);
      }
      case 9 -> {
        verb = pickOf(r, Verb.DELETE, Verb.DELETE, Verb.LIST);
        ObjectKind kind = pickOf(r, ObjectKind.COUNTER, ObjectKind.QUOTA, ObjectKind.LIMIT, ObjectKind.CT_HELPER,
            ObjectKind.CT_TIMEOUT, ObjectKind.CT_EXPECTATION, ObjectKind.SYNPROXY, ObjectKind.SET, ObjectKind.CHAIN,
            ObjectKind.TABLE);
        o = kind == ObjectKind.TABLE ? ObjectHandle.of(kind, f, null, 1 + r.nextInt(10))
            : ObjectHandle.of(kind, f, table, 1 + r.nextInt(40));
      }
      case 10 -> {
        verb = pickOf(r, Verb.LIST, Verb.LIST, Verb.FLUSH, Verb.RESET);
        Selector.Kind kind = verb == Verb.RESET ? pickOf(r, Selector.Kind.COUNTERS, Selector.Kind.QUOTAS)
            : verb == Verb.FLUSH ? Selector.Kind.RULESET : Selector.Kind.values()[r.nextInt(Selector.Kind.values().length)];
        o = new Selector(kind, r.nextBoolean() ? f : null, r.nextBoolean() && kind != Selector.Kind.RULESET ? table : null);
      }
      default -> {
        verb = pickOf(r, objectVerbs);
        int kind = 6 + r.nextInt(8); // the named objects of object()
        o = object(r, w, verb, tableFlags, t, kind);
        if (verb == Verb.RESET || r.nextInt(6) == 0) {
          verb = Verb.RESET;
        }
      }
    }
    if (r.nextInt(20) == 0) {
      o = mutator.mutate(o, r);
    }
    if (!tableFlags && o instanceof Table tt && !tt.flags().isEmpty()) {
      o = new Table(tt.family(), tt.name(), tt.handle(), List.of(), tt.comment());
    }
    return new Command(verb, o);
  }

  private Command command(SplittableRandom r, World w, boolean tableFlags) {
    Verb verb = Verb.values()[pick(r, 25, 8, 6, 5, 18, 8, 10, 8, 4, 4)]; // order of Verb
    NftObject o = object(r, w, verb, tableFlags);
    if (r.nextInt(100) < 30) {
      int m = 1 + r.nextInt(3);
      for (int i = 0; i < m; i++) {
        o = mutator.mutate(o, r);
      }
      if (!tableFlags && o instanceof Table t && !t.flags().isEmpty()) {
        o = new Table(t.family(), t.name(), t.handle(), List.of(), t.comment());
      }
    }
    return new Command(verb, o);
  }

  private NftObject object(SplittableRandom r, World w, Verb verb, boolean tableFlags) {
    Table t = r.nextInt(10) < 8 ? w.tables.get(r.nextInt(w.tables.size()))
        : new Table(FAMILIES[r.nextInt(FAMILIES.length)], oddName(r), null);
    int kind;
    if (verb == Verb.INSERT || verb == Verb.REPLACE) {
      kind = r.nextInt(10) < 8 ? 2 : r.nextInt(18);
    } else if (verb == Verb.RENAME) {
      kind = r.nextInt(10) < 8 ? 1 : r.nextInt(18);
    } else {
      kind = r.nextInt(18);
    }
    return object(r, w, verb, tableFlags, t, kind);
  }

  /** An object of {@code kind} (0 table … 17 raw) in table {@code t}. */
  private NftObject object(SplittableRandom r, World w, Verb verb, boolean tableFlags, Table t, int kind) {
    Family f = r.nextInt(20) == 0 ? FAMILIES[r.nextInt(FAMILIES.length)] : t.family();
    String table = t.name();
    String k = key(t.family(), table);
    Long handle = r.nextInt(4) == 0 ? handle(r) : null;
    return switch (kind) {
      case 0 -> new Table(f, r.nextInt(10) < 8 ? table : oddName(r), handle,
          tableFlags && r.nextInt(3) == 0 ? List.of("dormant") : List.of(), r.nextInt(8) == 0 ? "c" : null);
      case 1 -> chain(r, w, f, table, k, verb, handle);
      case 2 -> rule(r, w, f, table, k, verb);
      case 3 -> set(r, w, f, table, k, handle);
      case 4 -> element(r, w, f, table, k);
      case 5 -> new Flowtable(f, table, oddOr(r, "ft"), handle, r.nextBoolean() ? "ingress" : oddName(r),
          r.nextBoolean() ? 0 : (int) odd(r), r.nextBoolean() ? List.of("lo") : List.of());
      case 6 -> new NamedCounter(f, table, objectName(r, w, k, ObjectKind.COUNTER), handle,
          r.nextBoolean() ? null : odd(r), r.nextBoolean() ? null : odd(r), null);
      case 7 -> new NamedQuota(f, table, objectName(r, w, k, ObjectKind.QUOTA), handle,
          r.nextInt(4) == 0 ? null : odd(r), r.nextBoolean() ? null : odd(r), r.nextBoolean(), null);
      case 8 -> new NamedLimit(f, table, objectName(r, w, k, ObjectKind.LIMIT), handle,
          r.nextInt(4) == 0 ? null : odd(r), pickOf(r, "second", "minute", "hour", "day", "week", "bogus"),
          r.nextBoolean() ? null : odd(r), r.nextBoolean() ? null : pickOf(r, "bytes", "kbytes", "mbytes", "bogus"),
          null, r.nextBoolean() ? null : pickOf(r, "packets", "bytes"), r.nextBoolean(), null);
      case 9 -> new NamedSynproxy(f, table, objectName(r, w, k, ObjectKind.SYNPROXY), handle,
          r.nextBoolean() ? (int) odd(r) : 1460, r.nextBoolean() ? (int) odd(r) : 7,
          r.nextBoolean() ? List.of() : List.of(pickOf(r, "timestamp", "sack-perm", "bogus")), null);
      case 10 -> new CtHelper(f, table, objectName(r, w, k, ObjectKind.CT_HELPER), handle,
          pickOf(r, "ftp", "sip", "tftp", "bogus"), pickOf(r, PROTOCOLS), r.nextBoolean() ? null : pickOf(r, L3), null);
      case 11 -> new CtTimeout(f, table, objectName(r, w, k, ObjectKind.CT_TIMEOUT), handle,
          pickOf(r, PROTOCOLS), r.nextBoolean() ? null : pickOf(r, L3), policy(r), null);
      case 12 -> new CtExpectation(f, table, objectName(r, w, k, ObjectKind.CT_EXPECTATION), handle,
          pickOf(r, PROTOCOLS), r.nextBoolean() ? 666 : (int) odd(r), r.nextBoolean() ? 100L : odd(r),
          r.nextBoolean() ? 12 : (int) odd(r), r.nextBoolean() ? null : pickOf(r, L3), null);
      case 13 -> new Secmark(f, table, oddOr(r, "sec"), handle,
          r.nextBoolean() ? "system_u:object_r:ssh_server_packet_t:s0" : oddName(r), null);
      case 14 -> new ObjectHandle(ObjectKind.values()[r.nextInt(ObjectKind.values().length)], f,
          r.nextInt(10) == 0 ? null : table, r.nextBoolean() ? chainName(r, w, k) : null, handle(r));
      case 15, 16 -> new Selector(Selector.Kind.values()[r.nextInt(Selector.Kind.values().length)],
          r.nextBoolean() ? null : f, r.nextBoolean() ? null : table);
      default -> raw(r, f, table);
    };
  }

  private Chain chain(SplittableRandom r, World w, Family f, String table, String k, Verb verb, Long handle) {
    String name = r.nextInt(10) < 7 ? chainName(r, w, k) : oddOr(r, "cnew");
    BaseChain base = null;
    if (verb == Verb.ADD || verb == Verb.CREATE || r.nextInt(10) == 0) {
      if (r.nextBoolean()) {
        Hook hook = Hook.values()[1 + r.nextInt(Hook.values().length - 1)];
        base = new BaseChain(ChainType.values()[r.nextInt(3)], hook, r.nextBoolean() ? 0 : (int) odd(r),
            r.nextInt(3) == 0 ? null : Policy.values()[r.nextInt(2)],
            hook == Hook.INGRESS || hook == Hook.EGRESS || r.nextInt(10) == 0 ? List.of(pickOf(r, "lo", "lo", "eth0")) : List.of());
      }
    }
    String newName = verb == Verb.RENAME || r.nextInt(20) == 0 ? oddOr(r, "renamed") : null;
    return new Chain(f, table, name, base, handle, r.nextInt(10) == 0 ? "comment" : null, newName);
  }

  private Rule rule(SplittableRandom r, World w, Family f, String table, String k, Verb verb) {
    List<Statement> statements = new ArrayList<>(rules.get(r.nextInt(rules.size())).statements());
    if (r.nextInt(3) == 0) {
      statements.addAll(rules.get(r.nextInt(rules.size())).statements());
    }
    switch (r.nextInt(6)) {
      case 0 -> statements.add(ObjectRef.named(ObjectRef.Type.values()[r.nextInt(ObjectRef.Type.values().length)],
          pickOf(r, "cnt", "q", "lim", "cth", "ctt", "cte", "syn", "sec", "nosuch")));
      case 1 -> statements.add(new Verdict(r.nextBoolean() ? Verdict.Kind.JUMP : Verdict.Kind.GOTO, chainName(r, w, k)));
      case 2 -> statements.add(new Counter(null, null));
      default -> { }
    }
    Long handle = verb == Verb.REPLACE || r.nextInt(4) == 0 ? handle(r) : null;
    Integer index = r.nextInt(8) == 0 ? (int) odd(r) : null;
    return new Rule(f, table, chainName(r, w, k), statements, handle, r.nextInt(10) == 0 ? "comment" : null, index);
  }

  private NftObject set(SplittableRandom r, World w, Family f, String table, String k, Long handle) {
    List<NamedSet> existing = w.sets.getOrDefault(k, List.of());
    if (!existing.isEmpty() && r.nextBoolean()) {
      NamedSet s = existing.get(r.nextInt(existing.size()));
      return r.nextBoolean() ? s : mutator.mutate(s, r);
    }
    NamedSet.Kind kind = NamedSet.Kind.values()[pick(r, 5, 4, 1)];
    List<String> type = r.nextInt(5) == 0 ? List.of(pickOf(r, TYPES), pickOf(r, TYPES)) : List.of(pickOf(r, TYPES));
    List<String> flags = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      flags.add(pickOf(r, SET_FLAGS));
    }
    List<Expression> elements = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      elements.add(kind == NamedSet.Kind.MAP ? new MappingExpr(value(r), value(r)) : value(r));
    }
    return new NamedSet(kind, f, table, r.nextInt(3) == 0 ? oddName(r) : "snew", handle, type,
        kind == NamedSet.Kind.MAP ? pickOf(r, TYPES) : null, r.nextInt(5) == 0 ? pickOf(r, "performance", "memory", "bogus") : null,
        flags, elements, r.nextInt(4) == 0 ? odd(r) : null, r.nextInt(6) == 0 ? odd(r) : null,
        r.nextInt(5) == 0 ? odd(r) : null, null, r.nextInt(6) == 0 ? List.of(new Counter(null, null)) : List.of());
  }

  private Element element(SplittableRandom r, World w, Family f, String table, String k) {
    List<NamedSet> existing = w.sets.getOrDefault(k, List.of());
    NamedSet s = existing.isEmpty() || r.nextInt(8) == 0 ? null : existing.get(r.nextInt(existing.size()));
    List<Expression> elements = new ArrayList<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      Expression v = value(r);
      if (r.nextInt(4) == 0) {
        v = new ElemExpr(v, r.nextBoolean() ? odd(r) : null, r.nextInt(4) == 0 ? odd(r) : null,
            r.nextInt(4) == 0 ? "c" : null, r.nextInt(4) == 0 ? List.of(new Counter(null, null)) : List.of());
      }
      elements.add(s != null && s.isMap() ? new MappingExpr(v, value(r)) : v);
    }
    return new Element(f, table, s != null ? s.name() : oddOr(r, "nosuch"), elements);
  }

  /** A set element's value: mostly well formed for the usual types, sometimes anything. */
  private Expression value(SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0 -> new StringLiteral("10.0.0." + r.nextInt(300));
      case 1 -> new NumberLiteral(r.nextBoolean() ? r.nextInt(70000) : odd(r));
      case 2 -> new PrefixExpr(new StringLiteral("10.1.0.0"), r.nextInt(40));
      case 3 -> new RangeExpr(new NumberLiteral(r.nextInt(100)), new NumberLiteral(r.nextInt(100)));
      case 4 -> new StringLiteral("2001:db8::" + Integer.toHexString(r.nextInt(65536)));
      case 5 -> r.nextBoolean() ? VerdictExpr.ACCEPT : new VerdictExpr(new Verdict(Verdict.Kind.JUMP, "c1"));
      case 6 -> new io.jnftables.model.expr.ConcatExpr(List.of(new StringLiteral("10.0.0.1"), new NumberLiteral(22)));
      default -> mutator.oddExpression(r);
    };
  }

  private NftObject raw(SplittableRandom r, Family f, String table) {
    com.fasterxml.jackson.databind.node.ObjectNode v = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    v.put("family", f.nftName()).put("table", table).put("name", oddName(r));
    if (r.nextBoolean()) {
      v.put("handle", handle(r));
    }
    String key = r.nextInt(4) == 0 ? pickOf(r, "meter", "ct helpers", "bogus", "counters", "element")
        : ObjectKind.values()[r.nextInt(ObjectKind.values().length)].json();
    return new RawObject(key, v);
  }

  private static Map<String, Long> policy(SplittableRandom r) {
    if (r.nextInt(4) == 0) {
      return null;
    }
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      m.put(pickOf(r, CT_STATES), r.nextBoolean() ? 100L : odd(r));
    }
    return m;
  }

  private static String chainName(SplittableRandom r, World w, String k) {
    List<String> chains = w.chains.getOrDefault(k, List.of());
    return chains.isEmpty() || r.nextInt(10) == 0 ? oddOr(r, "nosuch") : chains.get(r.nextInt(chains.size()));
  }

  private static String objectName(SplittableRandom r, World w, String k, ObjectKind kind) {
    List<String> names = w.objects.getOrDefault(k, Map.of()).getOrDefault(kind, List.of());
    return names.isEmpty() || r.nextInt(5) == 0 ? oddOr(r, "onew") : names.get(r.nextInt(names.size()));
  }

  private static long handle(SplittableRandom r) {
    return r.nextInt(4) == 0 ? odd(r) : 1 + r.nextInt(60);
  }

  private static long odd(SplittableRandom r) {
    return ModelMutator.ODD_LONGS[r.nextInt(ModelMutator.ODD_LONGS.length)];
  }

  private static String oddName(SplittableRandom r) {
    return ModelMutator.ODD_STRINGS[r.nextInt(ModelMutator.ODD_STRINGS.length)];
  }

  private static String oddOr(SplittableRandom r, String usual) {
    return r.nextInt(3) == 0 ? oddName(r) : usual;
  }

  @SafeVarargs
  private static <T> T pickOf(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }

  /** An index chosen with these weights. */
  private static int pick(SplittableRandom r, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static String key(Family f, String table) {
    return f.nftName() + " " + table;
  }

  private static ObjectKind kindOf(NftObject o) {
    if (o instanceof NamedCounter) {
      return ObjectKind.COUNTER;
    } else if (o instanceof NamedQuota) {
      return ObjectKind.QUOTA;
    } else if (o instanceof NamedLimit) {
      return ObjectKind.LIMIT;
    } else if (o instanceof CtHelper) {
      return ObjectKind.CT_HELPER;
    } else if (o instanceof CtTimeout) {
      return ObjectKind.CT_TIMEOUT;
    } else if (o instanceof CtExpectation) {
      return ObjectKind.CT_EXPECTATION;
    } else if (o instanceof NamedSynproxy) {
      return ObjectKind.SYNPROXY;
    } else if (o instanceof Secmark) {
      return ObjectKind.SECMARK;
    } else if (o instanceof Flowtable) {
      return ObjectKind.FLOWTABLE;
    }
    return null;
  }

  private static Family familyOf(NftObject o) {
    return (Family) component(o, "family");
  }

  private static String tableOf(NftObject o) {
    return (String) component(o, "table");
  }

  private static String nameOf(NftObject o) {
    return (String) component(o, "name");
  }

  private static Object component(NftObject o, String name) {
    try {
      return o.getClass().getMethod(name).invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> sorted(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** The JSON blocks of a {@code .t.json} file: each follows a {@code # rule} line. */
  static List<String> blocks(String file) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : file.split("\n", -1)) {
      if (line.startsWith("#")) {
        if (cur != null && !cur.toString().isBlank()) {
          out.add(cur.toString());
        }
        cur = new StringBuilder();
      } else if (cur != null) {
        cur.append(line).append('\n');
      }
    }
    if (cur != null && !cur.toString().isBlank()) {
      out.add(cur.toString());
    }
    return out;
  }
}
