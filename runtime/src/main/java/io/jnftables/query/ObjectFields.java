package io.jnftables.query;

import io.jnftables.annotations.Family;
import io.jnftables.model.Chain;
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
import io.jnftables.model.Rule;
import io.jnftables.model.Secmark;
import io.jnftables.model.Table;
import org.jspecify.annotations.Nullable;

/** The family, table and name every ruleset object has, whatever its record type. */
final class ObjectFields {
  private ObjectFields() {}

  static Family family(NftObject o) {
    if (o instanceof Table x) return x.family();
    if (o instanceof Chain x) return x.family();
    if (o instanceof Rule x) return x.family();
    if (o instanceof NamedSet x) return x.family();
    if (o instanceof Element x) return x.family();
    if (o instanceof NamedCounter x) return x.family();
    if (o instanceof NamedQuota x) return x.family();
    if (o instanceof NamedLimit x) return x.family();
    if (o instanceof Flowtable x) return x.family();
    if (o instanceof CtHelper x) return x.family();
    if (o instanceof CtTimeout x) return x.family();
    if (o instanceof CtExpectation x) return x.family();
    if (o instanceof NamedSynproxy x) return x.family();
    if (o instanceof Secmark x) return x.family();
    throw new IllegalArgumentException("no family: " + o);
  }

  static String table(NftObject o) {
    if (o instanceof Table x) return x.name();
    if (o instanceof Chain x) return x.table();
    if (o instanceof Rule x) return x.table();
    if (o instanceof NamedSet x) return x.table();
    if (o instanceof Element x) return x.table();
    if (o instanceof NamedCounter x) return x.table();
    if (o instanceof NamedQuota x) return x.table();
    if (o instanceof NamedLimit x) return x.table();
    if (o instanceof Flowtable x) return x.table();
    if (o instanceof CtHelper x) return x.table();
    if (o instanceof CtTimeout x) return x.table();
    if (o instanceof CtExpectation x) return x.table();
    if (o instanceof NamedSynproxy x) return x.table();
    if (o instanceof Secmark x) return x.table();
    throw new IllegalArgumentException("no table: " + o);
  }

  static @Nullable String name(NftObject o) {
    if (o instanceof Table x) return x.name();
    if (o instanceof Chain x) return x.name();
    if (o instanceof NamedSet x) return x.name();
    if (o instanceof Element x) return x.name();
    if (o instanceof NamedCounter x) return x.name();
    if (o instanceof NamedQuota x) return x.name();
    if (o instanceof NamedLimit x) return x.name();
    if (o instanceof Flowtable x) return x.name();
    if (o instanceof CtHelper x) return x.name();
    if (o instanceof CtTimeout x) return x.name();
    if (o instanceof CtExpectation x) return x.name();
    if (o instanceof NamedSynproxy x) return x.name();
    if (o instanceof Secmark x) return x.name();
    return null;
  }
}
