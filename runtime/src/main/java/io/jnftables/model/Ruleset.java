package io.jnftables.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** What a listing returned: its objects in the order nft listed them. */
public record Ruleset(List<NftObject> objects) {
  public Ruleset {
    objects = List.copyOf(objects);
  }

  public @Nullable Metainfo metainfo() {
    for (NftObject o : objects) {
      if (o instanceof Metainfo m) {
        return m;
      }
    }
    return null;
  }

  public List<Table> tables() {
    return only(Table.class, t -> true);
  }

  public List<Chain> chains() {
    return only(Chain.class, c -> true);
  }

  public List<Rule> rules() {
    return only(Rule.class, r -> true);
  }

  /** The rules of one chain, in chain order. */
  public List<Rule> rules(String table, String chain) {
    return only(Rule.class, r -> r.table().equals(table) && r.chain().equals(chain));
  }

  /** Named sets, maps and meters. */
  public List<NamedSet> sets() {
    return only(NamedSet.class, s -> true);
  }

  /** The objects of one type, in listing order, e.g. {@code objects(NamedCounter.class)}. */
  public <T extends NftObject> List<T> objects(Class<T> type) {
    return only(type, o -> true);
  }

  /**
   * How many objects, statements and expressions were kept raw because the model lacks them,
   * counting everything nested (statements of rules, sets and elements, expressions at any depth).
   */
  public int rawCount() {
    int n = 0;
    for (NftObject o : objects) {
      n += RawNodes.count(o);
    }
    return n;
  }

  private <T extends NftObject> List<T> only(Class<T> type, Predicate<T> filter) {
    List<T> out = new ArrayList<>();
    for (NftObject o : objects) {
      if (type.isInstance(o) && filter.test(type.cast(o))) {
        out.add(type.cast(o));
      }
    }
    return List.copyOf(out);
  }

  /** The listing as {@code nft list ruleset} prints it. */
  @Override
  public String toString() {
    return io.jnftables.text.NftText.toString(this);
  }
}
