package io.jnftables.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.batch.Batch;
import io.jnftables.model.Command;
import io.jnftables.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Gives each command of a batch the handle libnftables echoed for it.
 *
 * <p>By structure, not by position: an echoed object answers the first unanswered command with the
 * same verb and an identical object (the echo of JSON input repeats it with a {@code handle}
 * added); failing that, the first with the same verb and the same identity (type, family, table,
 * chain, name). An echoed object that answers nothing is ignored, a command without an answer
 * keeps no handle, and an echo that cannot be read gives no handles: never an exception.
 */
final class EchoMatcher {
  private EchoMatcher() {}

  static SubmitResult match(Batch batch, byte[] batchJson, String echo) {
    List<Command> commands = batch.commands();
    Long[] handles = new Long[commands.size()];
    List<Item> sent = items(Json.readTree(batchJson));
    JsonNode echoTree = Json.readTreeOrNull(echo);
    List<Item> echoed = echoTree == null ? List.of() : items(echoTree);
    if (sent.size() == commands.size()) {
      boolean[] answered = new boolean[commands.size()];
      for (Item e : echoed) {
        Long handle = e.handle();
        if (handle == null) {
          continue; // nothing to hand out (elements, objects that already existed)
        }
        int i = find(sent, answered, e, true);
        if (i < 0) {
          i = find(sent, answered, e, false);
        }
        if (i >= 0) {
          answered[i] = true;
          handles[i] = handle;
        }
      }
    }
    List<SubmitResult.Added> added = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (addsSomething(c.verb())) {
        added.add(new SubmitResult.Added(i, c, pathOf(sent, i, c), handles[i]));
      }
    }
    return new SubmitResult(added, true);
  }

  /** The result for a batch submitted without echo: what it adds, without handles. */
  static SubmitResult withoutHandles(Batch batch) {
    List<SubmitResult.Added> added = new ArrayList<>();
    List<Command> commands = batch.commands();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (addsSomething(c.verb())) {
        added.add(new SubmitResult.Added(i, c, ObjectPath.of(c), null));
      }
    }
    return new SubmitResult(added, false);
  }

  static boolean addsSomething(Verb verb) {
    return verb == Verb.ADD || verb == Verb.CREATE || verb == Verb.INSERT || verb == Verb.REPLACE;
  }

  private static ObjectPath pathOf(List<Item> sent, int i, Command c) {
    return i < sent.size() && sent.get(i).path() != null ? sent.get(i).path() : ObjectPath.of(c);
  }

  private static int find(List<Item> sent, boolean[] answered, Item echoed, boolean exact) {
    for (int i = 0; i < sent.size(); i++) {
      Item s = sent.get(i);
      if (answered[i] || !s.verb().equals(echoed.verb()) || !s.key().equals(echoed.key())) {
        continue;
      }
      if (exact ? s.value().equals(echoed.withoutHandleUnless(s.value().has("handle")))
          : sameIdentity(s.path(), echoed.path())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean sameIdentity(@Nullable ObjectPath a, @Nullable ObjectPath b) {
    return a != null && b != null && a.type().equals(b.type()) && Objects.equals(a.family(), b.family())
        && Objects.equals(a.table(), b.table()) && Objects.equals(a.chain(), b.chain())
        && Objects.equals(a.name(), b.name());
  }

  /** One command of a JSON document: {@code {verb: {key: value}}}. */
  private record Item(String verb, String key, JsonNode value, @Nullable ObjectPath path) {
    @Nullable Long handle() {
      JsonNode h = value.get("handle");
      return h != null && h.isIntegralNumber() && h.canConvertToLong() ? h.asLong() : null;
    }

    JsonNode withoutHandleUnless(boolean keep) {
      if (keep || !value.has("handle") || !value.isObject()) {
        return value;
      }
      ObjectNode copy = ((ObjectNode) value).deepCopy();
      copy.remove("handle");
      return copy;
    }
  }

  private static List<Item> items(JsonNode doc) {
    List<Item> items = new ArrayList<>();
    for (JsonNode cmd : doc.path("nftables")) {
      if (!cmd.isObject() || cmd.size() != 1) {
        continue;
      }
      String verb = cmd.fieldNames().next();
      JsonNode obj = cmd.get(verb);
      if (!obj.isObject() || obj.size() != 1) {
        continue;
      }
      String key = obj.fieldNames().next();
      JsonNode value = obj.get(key);
      items.add(new Item(verb, key, value, value.isObject() ? ObjectPath.fromJson(key, value) : null));
    }
    return items;
  }
}
