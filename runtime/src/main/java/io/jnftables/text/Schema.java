package io.jnftables.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the table a rule goes into declares, as far as checking the rule needs it: its named sets
 * and maps (with their key and value types) and its stateful objects. nft checks a rule against
 * its table the same way ({@code ip saddr @blocklist} needs a set of IPv4 addresses called
 * blocklist). An empty schema checks nothing of the kind: references are then taken on trust.
 */
public final class Schema {
  /** A named set or map: its key types (one per concatenated part) and, for a map, its value type. */
  public record SetInfo(String name, List<String> keyTypes, @Nullable String dataType, List<String> flags) {
    public SetInfo {
      Objects.requireNonNull(name, "name");
      keyTypes = List.copyOf(keyTypes);
      flags = List.copyOf(flags);
    }
  }

  private final boolean strict;
  private final Map<String, SetInfo> sets;
  private final Map<String, String> objects;

  private Schema(boolean strict, Map<String, SetInfo> sets, Map<String, String> objects) {
    this.strict = strict;
    this.sets = Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
  }

  /** Checks no references: the rule is read on its own. */
  public static final Schema NONE = new Schema(false, Map.of(), Map.of());

  /** A schema that knows every set and object of the table: a reference to anything else is an error. */
  public static Schema of(List<SetInfo> sets, Map<String, String> objectsByName) {
    Map<String, SetInfo> m = new LinkedHashMap<>();
    for (SetInfo s : sets) {
      m.put(s.name(), s);
    }
    return new Schema(true, m, objectsByName);
  }

  /** The same schema with one more set or map. */
  public Schema withSet(SetInfo set) {
    Map<String, SetInfo> m = new LinkedHashMap<>(sets);
    m.put(set.name(), set);
    return new Schema(true, m, objects);
  }

  /** The same schema with one more stateful object of {@code kind} ({@code "counter"}, {@code "quota"}, …). */
  public Schema withObject(String name, String kind) {
    Map<String, String> m = new LinkedHashMap<>(objects);
    m.put(name, kind);
    return new Schema(true, sets, m);
  }

  /** Whether references must resolve. */
  public boolean strict() {
    return strict;
  }

  public @Nullable SetInfo set(String name) {
    return sets.get(name);
  }

  public Map<String, SetInfo> sets() {
    return sets;
  }

  /** The kind of the object called {@code name}, or null. */
  public @Nullable String object(String name) {
    return objects.get(name);
  }
}
