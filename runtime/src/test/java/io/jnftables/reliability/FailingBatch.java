package io.jnftables.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.batch.Batch;
import io.jnftables.client.NftErrno;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.RawObject;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.reliability.StartRuleset.Tbl;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * One batch of valid commands with one command that must fail injected at a random position, built
 * against a {@link StartRuleset}. Valid commands are chosen so that each applies on top of the
 * start and the commands before it, and none of them can make the injected one succeed.
 */
final class FailingBatch {
  /** How the batch is sent. */
  enum Route {
    /** the default: libnftables JSON */
    JSON,
    /** {@code CallOptions.asText()}: the nft script */
    TEXT,
    /** element updates only: written as nf_tables netlink messages (ElementUpdates) */
    DIRECT
  }

  /** Who refuses the injected command. */
  enum RefusedBy { KERNEL, NFT }

  /**
   * A kind of failure: who refuses it and the errno the client must report (null: nft's own
   * message, whatever class it maps to).
   */
  enum Kind {
    ELEMENT_OF_MISSING_SET(RefusedBy.NFT, NftErrno.ENOENT),
    CREATE_EXISTING(RefusedBy.KERNEL, NftErrno.EEXIST),
    DELETE_MISSING_RULE_HANDLE(RefusedBy.KERNEL, NftErrno.ENOENT),
    JUMP_TO_MISSING_CHAIN(RefusedBy.KERNEL, NftErrno.ENOENT),
    ELEMENT_OF_WRONG_TYPE(RefusedBy.NFT, null),
    DELETE_REFERENCED_CHAIN(RefusedBy.KERNEL, NftErrno.EBUSY),
    DELETE_REFERENCED_SET(RefusedBy.KERNEL, NftErrno.EBUSY),
    RULE_WITH_UNDEFINED_SET(RefusedBy.NFT, NftErrno.ENOENT),
    CHAIN_IN_MISSING_TABLE(RefusedBy.NFT, NftErrno.ENOENT),
    UNKNOWN_FAMILY_JSON(RefusedBy.NFT, NftErrno.PARSE),
    // element-only batches (the direct route)
    CREATE_EXISTING_ELEMENT(RefusedBy.KERNEL, NftErrno.EEXIST),
    DELETE_MISSING_ELEMENT(RefusedBy.KERNEL, NftErrno.ENOENT),
    VERDICT_TO_MISSING_CHAIN(RefusedBy.KERNEL, NftErrno.ENOENT);

    final RefusedBy refusedBy;
    final @Nullable NftErrno errno;

    Kind(RefusedBy refusedBy, @Nullable NftErrno errno) {
      this.refusedBy = refusedBy;
      this.errno = errno;
    }

    /** The kernel's errno number for a kernel refusal (what the direct route must see answered). */
    int kernelErrno() {
      return switch (errno) {
        case EEXIST -> 17;
        case ENOENT -> 2;
        case EBUSY -> 16;
        default -> throw new IllegalStateException(name());
      };
    }
  }

  private static final Kind[] SCRIPT_KINDS = {
    Kind.ELEMENT_OF_MISSING_SET, Kind.CREATE_EXISTING, Kind.DELETE_MISSING_RULE_HANDLE,
    Kind.JUMP_TO_MISSING_CHAIN, Kind.ELEMENT_OF_WRONG_TYPE, Kind.DELETE_REFERENCED_CHAIN,
    Kind.DELETE_REFERENCED_SET, Kind.RULE_WITH_UNDEFINED_SET, Kind.CHAIN_IN_MISSING_TABLE,
    Kind.UNKNOWN_FAMILY_JSON};
  private static final Kind[] ELEMENT_KINDS = {
    Kind.CREATE_EXISTING_ELEMENT, Kind.DELETE_MISSING_ELEMENT, Kind.VERDICT_TO_MISSING_CHAIN,
    Kind.ELEMENT_OF_MISSING_SET, Kind.ELEMENT_OF_WRONG_TYPE};

  final Route route;
  Kind kind; // the generator may fall back to another kind when the start ruleset lacks what it needs
  final Batch batch;
  final int failingIndex;
  final Command failing;

  private final Random r;
  private final StartRuleset start;
  private int unique = 100_000;
  // what is still present, per table, so that a delete deletes something once
  private final List<List<String>> addrs = new ArrayList<>();
  private final List<List<Integer>> ports = new ArrayList<>();
  private final List<List<String>> vmKeys = new ArrayList<>();
  private final List<List<Long>> handles = new ArrayList<>();
  private final boolean[] lonelyGone;
  private final boolean[] spareGone;
  // what the injected delete removes: no valid command may use it, or nft would refuse that one too
  private int tabuTable = -1;
  private String tabuName = "";

  FailingBatch(Random r, StartRuleset start, Route route) {
    this.r = r;
    this.start = start;
    this.route = route;
    for (Tbl t : start.tables) {
      addrs.add(new ArrayList<>(t.addrs));
      ports.add(new ArrayList<>(t.ports));
      vmKeys.add(new ArrayList<>(t.vmKeys));
      handles.add(new ArrayList<>(t.scratchHandles));
    }
    lonelyGone = new boolean[start.tables.size()];
    spareGone = new boolean[start.tables.size()];
    Kind[] kinds = route == Route.DIRECT ? ELEMENT_KINDS : SCRIPT_KINDS;
    Kind k;
    do {
      k = kinds[r.nextInt(kinds.length)];
    } while (k == Kind.UNKNOWN_FAMILY_JSON && route != Route.JSON); // a raw object has no nft text
    this.kind = k;
    if (k == Kind.DELETE_REFERENCED_SET || k == Kind.DELETE_REFERENCED_CHAIN) {
      tabuTable = r.nextInt(start.tables.size());
      tabuName = k == Kind.DELETE_REFERENCED_CHAIN ? "sub" : r.nextBoolean() ? "ports" : "a4";
    }
    int valid = r.nextInt(12);
    this.failingIndex = r.nextInt(valid + 1);
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < valid; i++) {
      commands.add(route == Route.DIRECT ? validElementCommand() : validCommand());
    }
    if (route != Route.DIRECT && commands.stream().allMatch(c -> c.object() instanceof Element)) {
      // keep the script routes off the direct route: one command that is not an element update
      commands.add(r.nextInt(commands.size() + 1), parse("add chain inet t0 x" + unique++));
    }
    int at = Math.min(failingIndex, commands.size());
    Command f = failingCommand();
    commands.add(at, f);
    this.failing = f;
    this.batch = Batch.of(commands);
  }

  /** The injected command's position in the batch. */
  int index() {
    return batch.commands().indexOf(failing);
  }

  private Tbl table() {
    return start.tables.get(r.nextInt(start.tables.size()));
  }

  private static Command parse(String line) {
    return Batch.parse(line).commands().get(0);
  }

  private String fq(Tbl t) {
    return t.family.nftName() + " " + t.name;
  }

  private boolean tabu(Tbl t, String name) {
    return t.index == tabuTable && tabuName.equals(name);
  }

  private Command validCommand() {
    Tbl t = table();
    int i = t.index;
    int u = unique++;
    for (;;) {
      int choice = r.nextInt(14);
      if ((choice == 4 || choice == 5) && tabu(t, "ports") || choice == 12 && tabu(t, "sub")
          || choice == 13 && tabu(t, "a4")) {
        continue;
      }
      switch (choice) {
        case 0: return parse("add table " + t.family.nftName() + " n" + u);
        case 1: return parse("add chain " + fq(t) + " x" + u);
        case 2: return parse("add rule " + fq(t) + " scratch meta mark " + u + " counter");
        case 3: return parse("add set " + fq(t) + " s" + u + " { type inet_service; }");
        case 4: return element(Command::add, t, "ports", List.of(new NumberLiteral(20_000 + u % 40_000)));
        case 5:
          if (!ports.get(i).isEmpty()) {
            int p = ports.get(i).remove(r.nextInt(ports.get(i).size()));
            return element(Command::delete, t, "ports", List.of(new NumberLiteral(p)));
          }
          break;
        case 6: return parse("add counter " + fq(t) + " nc" + u);
        case 7:
          if (!handles.get(i).isEmpty()) {
            long h = handles.get(i).remove(r.nextInt(handles.get(i).size()));
            return parse("delete rule " + fq(t) + " scratch handle " + h);
          }
          break;
        case 8:
          if (!lonelyGone[i]) {
            lonelyGone[i] = true;
            return parse("delete chain " + fq(t) + " lonely");
          }
          break;
        case 9:
          if (t.spare && !spareGone[i]) {
            spareGone[i] = true;
            return parse("delete set " + fq(t) + " spare");
          }
          break;
        case 10: return element(Command::add, t, "vm", List.of(new MappingExpr(new StringLiteral(t.addr(7000 + u % 50_000)),
            new VerdictExpr(r.nextBoolean() ? Verdict.ACCEPT : Verdict.DROP))));
        case 11: return parse("add quota " + fq(t) + " nq" + u + " { over " + (1 + r.nextInt(99)) + " mbytes }");
        case 12: return parse("flush chain " + fq(t) + " sub");
        default: return parse("add rule " + fq(t) + " input " + t.saddr() + " @a4 counter accept");
      }
    }
  }

  private Command validElementCommand() {
    Tbl t = table();
    int i = t.index;
    for (;;) {
      switch (r.nextInt(8)) {
        case 0: return element(Command::add, t, "a4", newAddrs(t, 1 + r.nextInt(4)));
        case 1: return element(Command::create, t, "a4", newAddrs(t, 1 + r.nextInt(3)));
        case 2: return element(Command::add, t, "ports", newPorts(1 + r.nextInt(4)));
        case 3:
          if (!addrs.get(i).isEmpty()) {
            return element(Command::delete, t, "a4", takeSome(addrs.get(i)).stream()
                .<Expression>map(StringLiteral::new).toList());
          }
          break;
        case 4:
          if (!ports.get(i).isEmpty()) {
            return element(Command::delete, t, "ports", takeSome(ports.get(i)).stream()
                .<Expression>map(p -> new NumberLiteral(p)).toList());
          }
          break;
        case 5: {
          List<Expression> m = new ArrayList<>();
          for (int n = 1 + r.nextInt(3); n > 0; n--) {
            Verdict v = switch (r.nextInt(3)) {
              case 0 -> Verdict.ACCEPT;
              case 1 -> Verdict.DROP;
              default -> new Verdict(Verdict.Kind.JUMP, "sub");
            };
            m.add(new MappingExpr(new StringLiteral(t.addr(7000 + unique++ % 50_000)), new VerdictExpr(v)));
          }
          return element(Command::add, t, "vm", m);
        }
        case 6:
          if (!vmKeys.get(i).isEmpty()) {
            return element(Command::delete, t, "vm", takeSome(vmKeys.get(i)).stream()
                .<Expression>map(StringLiteral::new).toList());
          }
          break;
        default: return element(Command::add, t, "dm",
            List.of(new MappingExpr(new NumberLiteral(3000 + unique++ % 60_000), new StringLiteral(t.addr(r.nextInt(1000))))));
      }
    }
  }

  private Command failingCommand() {
    Tbl t = table();
    int i = t.index;
    int u = unique++;
    switch (kind) {
      case ELEMENT_OF_MISSING_SET:
        return element(Command::add, t, "nosuch" + u, route == Route.DIRECT ? newAddrs(t, 1 + r.nextInt(3))
            : List.of(new StringLiteral(t.addr(9000))));
      case CREATE_EXISTING: {
        List<String> existing = new ArrayList<>(List.of("table " + fq(t), "chain " + fq(t) + " sub",
            "chain " + fq(t) + " input { type filter hook input priority 0; policy accept; }",
            "set " + fq(t) + " ports { type inet_service; }"));
        for (String c : t.counters) {
          existing.add("counter " + fq(t) + " " + c);
        }
        return parse("create " + existing.get(r.nextInt(existing.size())));
      }
      case DELETE_MISSING_RULE_HANDLE: return parse("delete rule " + fq(t) + " scratch handle " + (90_000 + u % 9000));
      case JUMP_TO_MISSING_CHAIN: return parse("add rule " + fq(t) + " input jump nochain" + u);
      case ELEMENT_OF_WRONG_TYPE: {
        List<Expression> values = new ArrayList<>(route == Route.DIRECT ? newPorts(r.nextInt(4)) : List.of());
        values.add(r.nextInt(values.size() + 1), new StringLiteral(t.addr(9001)));
        return element(Command::add, t, "ports", values);
      }
      case DELETE_REFERENCED_CHAIN, DELETE_REFERENCED_SET: {
        Tbl at = start.tables.get(tabuTable);
        return parse("delete " + (tabuName.equals("sub") ? "chain " : "set ") + fq(at) + " " + tabuName);
      }
      case RULE_WITH_UNDEFINED_SET: return parse("add rule " + fq(t) + " input " + t.saddr() + " @nosuch" + u + " drop");
      case CHAIN_IN_MISSING_TABLE: return parse("add chain " + t.family.nftName() + " notable" + u + " x");
      case UNKNOWN_FAMILY_JSON: {
        ObjectNode table = new ObjectMapper().createObjectNode().put("family", "bogus").put("name", "b" + u);
        return Command.add(new RawObject("table", table));
      }
      case CREATE_EXISTING_ELEMENT: {
        boolean useAddrs = !addrs.get(i).isEmpty() && (ports.get(i).isEmpty() || r.nextBoolean());
        if (!useAddrs && ports.get(i).isEmpty()) {
          kind = Kind.DELETE_MISSING_ELEMENT; // nothing exists to create again: the table's sets are empty
          return deleteMissing(t);
        }
        List<Expression> values = new ArrayList<>(useAddrs ? newAddrs(t, r.nextInt(4)) : newPorts(r.nextInt(4)));
        Expression existing = useAddrs ? new StringLiteral(addrs.get(i).get(r.nextInt(addrs.get(i).size())))
            : new NumberLiteral(ports.get(i).get(r.nextInt(ports.get(i).size())));
        values.add(r.nextInt(values.size() + 1), existing);
        return element(Command::create, t, useAddrs ? "a4" : "ports", values);
      }
      case DELETE_MISSING_ELEMENT: return deleteMissing(t);
      case VERDICT_TO_MISSING_CHAIN: {
        List<Expression> values = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
          values.add(new MappingExpr(new StringLiteral(t.addr(7000 + unique++ % 50_000)), new VerdictExpr(Verdict.ACCEPT)));
        }
        values.add(r.nextInt(values.size() + 1), new MappingExpr(new StringLiteral(t.addr(7000 + unique++ % 50_000)),
            new VerdictExpr(new Verdict(Verdict.Kind.JUMP, "nochain" + u))));
        return element(Command::add, t, "vm", values);
      }
      default: throw new IllegalStateException(kind.name());
    }
  }

  /** A delete of present elements with one never-added element at a random position. */
  private Command deleteMissing(Tbl t) {
    int i = t.index;
    List<Expression> values = new ArrayList<>();
    for (String a : takeSome(addrs.get(i))) {
      values.add(new StringLiteral(a));
    }
    values.add(r.nextInt(values.size() + 1), new StringLiteral(t.addr(60_000 + unique++ % 5000)));
    return element(Command::delete, t, "a4", values);
  }

  private interface Verb {
    Command of(Element e);
  }

  private static Command element(Verb verb, Tbl t, String set, List<Expression> values) {
    return verb.of(Element.of(t.family, t.name, set, values));
  }

  private List<Expression> newAddrs(Tbl t, int n) {
    List<Expression> out = new ArrayList<>();
    for (; n > 0; n--) {
      out.add(new StringLiteral(t.addr(10_000 + unique++ % 50_000)));
    }
    return out;
  }

  private List<Expression> newPorts(int n) {
    List<Expression> out = new ArrayList<>();
    for (; n > 0; n--) {
      out.add(new NumberLiteral(20_000 + unique++ % 40_000));
    }
    return out;
  }

  /** Removes 1-3 (or up to what there is, possibly 0) values from {@code present} and returns them. */
  private <T> List<T> takeSome(List<T> present) {
    List<T> out = new ArrayList<>();
    for (int n = Math.min(present.size(), r.nextInt(3) + 1); n > 0; n--) {
      out.add(present.remove(r.nextInt(present.size())));
    }
    return out;
  }

  @Override
  public String toString() {
    return route + " " + kind + " at " + index() + " of " + batch.size() + ": " + batch.toJson();
  }
}
