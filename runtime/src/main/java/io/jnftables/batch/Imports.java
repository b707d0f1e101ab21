package io.jnftables.batch;

import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.Flowtable;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Secmark;
import io.jnftables.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A listing as the {@code add} commands that recreate it, in an order the kernel accepts. */
final class Imports {
  private Imports() {}

  static List<Command> commands(Ruleset ruleset, Predicate<Table> owned) {
    Set<String> tables = new HashSet<>();
    List<Command> out = new ArrayList<>();
    for (Table t : ruleset.tables()) {
      if (owned.test(t)) {
        tables.add(key(t.family().nftName(), t.name()));
        out.add(Command.add(t.withoutHandle()));
      }
    }
    // Chains first (rules and verdict maps jump to them), then stateful objects (object maps name
    // them), then sets and maps, then rules.
    for (Chain c : ruleset.chains()) {
      if (tables.contains(key(c.family().nftName(), c.table()))) {
        out.add(Command.add(c.withoutHandle()));
      }
    }
    for (NftObject o : ruleset.objects()) {
      if (isStateful(o) && tables.contains(tableOf(o))) {
        out.add(Command.add(withoutHandle(o)));
      }
    }
    for (NamedSet s : ruleset.sets()) {
      if (s.kind() != NamedSet.Kind.METER && tables.contains(key(s.family().nftName(), s.table()))) {
        out.add(Command.add(s.withoutHandle()));
      }
    }
    for (Rule r : ruleset.rules()) {
      if (tables.contains(key(r.family().nftName(), r.table()))) {
        out.add(Command.add(r.withoutHandle()));
      }
    }
    return out;
  }

  private static String key(String family, String table) {
    return family + " " + table;
  }

  private static boolean isStateful(NftObject o) {
    return o instanceof NamedCounter || o instanceof NamedQuota || o instanceof NamedLimit || o instanceof CtHelper
        || o instanceof CtTimeout || o instanceof CtExpectation || o instanceof NamedSynproxy || o instanceof Secmark
        || o instanceof Flowtable;
  }

  private static String tableOf(NftObject o) {
    if (o instanceof NamedCounter x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof NamedQuota x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof NamedLimit x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof CtHelper x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof CtTimeout x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof CtExpectation x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof NamedSynproxy x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof Secmark x) {
      return key(x.family().nftName(), x.table());
    } else if (o instanceof Flowtable x) {
      return key(x.family().nftName(), x.table());
    }
    return "";
  }

  /** The object without its kernel handle (the handle of a new object is the kernel's to give). */
  static NftObject withoutHandle(NftObject o) {
    if (o instanceof Table x) {
      return x.withoutHandle();
    } else if (o instanceof Chain x) {
      return x.withoutHandle();
    } else if (o instanceof Rule x) {
      return x.withoutHandle();
    } else if (o instanceof NamedSet x) {
      return x.withoutHandle();
    } else if (o instanceof NamedCounter x) {
      return new NamedCounter(x.family(), x.table(), x.name(), null, x.packets(), x.bytes(), x.comment());
    } else if (o instanceof NamedQuota x) {
      return new NamedQuota(x.family(), x.table(), x.name(), null, x.bytes(), x.used(), x.inv(), x.comment());
    } else if (o instanceof NamedLimit x) {
      return new NamedLimit(x.family(), x.table(), x.name(), null, x.rate(), x.per(), x.burst(), x.rateUnit(),
          x.burstUnit(), x.unit(), x.inv(), x.comment());
    } else if (o instanceof CtHelper x) {
      return new CtHelper(x.family(), x.table(), x.name(), null, x.type(), x.protocol(), x.l3proto(), x.comment());
    } else if (o instanceof CtTimeout x) {
      return new CtTimeout(x.family(), x.table(), x.name(), null, x.protocol(), x.l3proto(), x.policy(), x.comment());
    } else if (o instanceof CtExpectation x) {
      return new CtExpectation(x.family(), x.table(), x.name(), null, x.protocol(), x.dport(), x.timeout(), x.size(),
          x.l3proto(), x.comment());
    } else if (o instanceof NamedSynproxy x) {
      return new NamedSynproxy(x.family(), x.table(), x.name(), null, x.mss(), x.wscale(), x.flags(), x.comment());
    } else if (o instanceof Secmark x) {
      return new Secmark(x.family(), x.table(), x.name(), null, x.context(), x.comment());
    } else if (o instanceof Flowtable x) {
      return new Flowtable(x.family(), x.table(), x.name(), null, x.hook(), x.priority(), x.devices());
    }
    return o;
  }
}
