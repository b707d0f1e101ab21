package io.jnftables.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Which object a command acts on: its type (the JSON key: {@code table}, {@code chain},
 * {@code rule}, {@code set}, {@code element}, {@code ruleset}, ...), family, table, chain (for
 * chains and rules) and name (for other named objects such as sets), and the handle if the command
 * names one.
 *
 * <p>Read from the command's JSON, so that it works for every object the codec can encode, typed
 * or raw.
 *
 * @param type the object's JSON key
 * @param family the family, e.g. {@code inet}
 * @param table the table's name (for a table: its own name)
 * @param chain the chain's name, for chains and rules
 * @param name the object's own name, for named objects other than tables and chains
 * @param handle the handle the command names, if any
 */
public record ObjectPath(
    String type,
    @Nullable String family,
    @Nullable String table,
    @Nullable String chain,
    @Nullable String name,
    @Nullable Long handle) {

  /** Rejects a null type. */
  public ObjectPath {
    Objects.requireNonNull(type, "type");
  }

  /** The object a model command acts on. */
  public static ObjectPath of(Command command) {
    Object o = command.object();
    // Fast paths for the objects every batch has; anything else is read from its JSON.
    if (o instanceof Table t) {
      return new ObjectPath("table", t.family().nftName(), t.name(), null, null, t.handle());
    }
    if (o instanceof Chain c) {
      return new ObjectPath("chain", c.family().nftName(), c.table(), c.name(), null, c.handle());
    }
    if (o instanceof Rule r) {
      return new ObjectPath("rule", r.family().nftName(), r.table(), r.chain(), null, r.handle());
    }
    if (o instanceof RawObject raw) {
      return raw.value().isObject() ? fromJson(raw.key(), raw.value())
          : new ObjectPath(raw.key(), null, null, null, null, null); // e.g. {"ruleset": null}
    }
    JsonNode item = Json.readTree(JsonCodec.encode(List.of(command))).path("nftables").path(0);
    JsonNode verbValue = item.isObject() && item.size() == 1 ? item.elements().next() : null;
    if (verbValue == null || !verbValue.isObject() || verbValue.size() != 1) {
      return new ObjectPath("unknown", null, null, null, null, null);
    }
    String key = verbValue.fieldNames().next();
    return fromJson(key, verbValue.get(key));
  }

  /** The object of a JSON command's object {@code {key: value}}. */
  static ObjectPath fromJson(String key, JsonNode value) {
    String family = text(value, "family");
    Long handle = value.path("handle").canConvertToLong() && value.path("handle").isIntegralNumber()
        ? value.get("handle").asLong() : null;
    return switch (key) {
      case "table" -> new ObjectPath(key, family, text(value, "name"), null, null, handle);
      case "chain" -> new ObjectPath(key, family, text(value, "table"), text(value, "name"), null, handle);
      case "rule" -> new ObjectPath(key, family, text(value, "table"), text(value, "chain"), null, handle);
      default -> new ObjectPath(key, family, text(value, "table"), null, text(value, "name"), handle);
    };
  }

  private static @Nullable String text(JsonNode v, String field) {
    JsonNode x = v.get(field);
    return x != null && x.isTextual() ? x.asText() : null;
  }

  /** The owning table, if family and table are known. */
  public @Nullable TableRef tableRef() {
    if (family == null || table == null) {
      return null;
    }
    try {
      return TableRef.parse(family, table);
    } catch (IllegalArgumentException e) {
      return null; // a family this library does not know
    }
  }

  /** As nft would name it, e.g. {@code rule inet filter input handle 5}, {@code set inet filter blocklist}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(" ");
    j.add(type);
    for (String part : new String[] {family, table, chain, name}) {
      if (part != null) {
        j.add(part);
      }
    }
    if (handle != null) {
      j.add("handle " + handle);
    }
    return j.toString();
  }
}
