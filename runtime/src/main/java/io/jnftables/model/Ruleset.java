package io.jnftables.model;

import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.Statement;
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

  /** How many objects, statements and expressions were kept raw because the model lacks them. */
  public int rawCount() {
    int n = 0;
    for (NftObject o : objects) {
      if (o instanceof RawObject) {
        n++;
      } else if (o instanceof Rule r) {
        for (Statement s : r.statements()) {
          n += RawStatement.countRaw(s);
        }
      }
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
}
