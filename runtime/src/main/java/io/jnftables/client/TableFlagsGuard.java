package io.jnftables.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Command;
import io.jnftables.model.Verb;
import io.jnftables.model.NftObject;
import io.jnftables.model.RawObject;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netlink.NetlinkException;
import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.nfnetlink.TableFlags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps nft 1.0.6's table-flags bug away from users. libnftables 1.0.6 prints a table that has
 * exactly one flag (only {@code dormant}, say) as JSON from freed memory ({@code
 * table_flags_json()}): the listing then shows another string as the flag ({@code "flags": "t1"},
 * the next table's name), or is cut off mid-document, and the double free that follows can abort
 * the process ("corrupted double-linked list"; in the JVM, with the in-process backend).
 *
 * <p>So, before libnftables prints tables as JSON ({@code list ruleset}, {@code list table}, {@code
 * list tables}), the client reads every table's flags with one netlink dump ({@link TableFlags},
 * tens of µs) and, if a table in scope has exactly one flag, lists as text instead. Every JSON listing
 * is also checked after the fact (well-formed, flags from nft's vocabulary): a listing that fails
 * is listed again once, then as text. The check covers executors that cannot send netlink
 * messages (test doubles) and the instant between the dump and the listing.
 */
final class TableFlagsGuard {
  /** {@link LibnftablesDefectException#defect()} of refusals made here. */
  static final String DEFECT = "table-flags-json";
  /** What nft 1.0.6 prints for table flag bits 0, 1 and any other ({@code table_flag_name()}). */
  private static final Set<String> VOCABULARY = Set.of("dormant", "owner", "unknown");
  /** Text commands that print tables: {@code list ruleset}, {@code list tables}, {@code list table}. */
  private static final Pattern LISTS_TABLES = Pattern.compile("\\blist\\s+(ruleset|tables|table)\\b");
  /** A table given one flag in nft text (1.0.6 knows only these two), not followed by another. */
  private static final Pattern ONE_TABLE_FLAG = Pattern.compile("\\bflags\\s+(dormant|owner)\\b(?!\\s*,)");

  private final @Nullable NfnetlinkTransport transport;
  private volatile boolean dumpWorks;

  TableFlagsGuard(@Nullable NfnetlinkTransport transport) {
    this.transport = transport;
    this.dumpWorks = transport != null;
  }

  /**
   * The tables within {@code family}/{@code table} (null: any) that nft 1.0.6 would garble as
   * JSON; empty if there are none, or if they cannot be read (no netlink transport, or a helper
   * that refuses the dump: then only the after-the-fact check protects).
   */
  List<TableRef> garbling(@Nullable Family family, @Nullable String table, @Nullable Duration timeout) {
    if (!dumpWorks) {
      return List.of();
    }
    List<TableFlags.Entry> tables;
    try {
      tables = TableFlags.read(transport, timeout);
    } catch (NetlinkException e) {
      if (!e.maybeSent()) {
        dumpWorks = false; // e.g. an older helper without the table dump: check listings only
        return List.of();
      }
      // the executor failed (a helper that died mid-call): the listing fails as any call would
      throw new ExecutorException("reading the tables' flags before listing failed: " + e.getMessage(), e);
    } catch (NftTimeoutException e) {
      throw new NftablesTimeoutException(e.getMessage(), e.commandStarted(), "GETTABLE dump", e);
    } catch (IllegalStateException e) {
      return List.of();
    }
    List<TableRef> out = new ArrayList<>();
    for (TableFlags.Entry t : tables) {
      if (t.garblesJson() && t.family() != null
          && (family == null || family == t.family()) && (table == null || table.equals(t.name()))) {
        out.add(new TableRef(t.family(), t.name()));
      }
    }
    return out;
  }

  /** {@link #garbling} for what a {@link Listing} covers: only ruleset and table listings print tables. */
  List<TableRef> garbling(Listing what, @Nullable Duration timeout) {
    return switch (what.kind()) {
      case RULESET -> garbling(what.family(), null, timeout);
      case TABLE -> garbling(what.family(), what.table(), timeout);
      case CHAIN, SET, MAP -> List.of();
    };
  }

  /**
   * Whether a decoded JSON listing shows the bug: a table flag nft never prints, or a table node
   * the decoder could not read (a flag printed from freed memory as some other JSON value).
   */
  static boolean garbled(Ruleset listing) {
    for (NftObject o : listing.objects()) {
      if (o instanceof Table t && !VOCABULARY.containsAll(t.flags())) {
        return true;
      }
      if (o instanceof RawObject raw && raw.key().equals("table")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a raw request (libnftables JSON, or nft text, which libnftables reads when the JSON
   * parser refuses the input) asks for a listing that prints tables.
   */
  static boolean listsTables(String document) {
    JsonNode tree = Json.readTreeOrNull(document);
    if (tree == null || !tree.path("nftables").isArray()) {
      return LISTS_TABLES.matcher(document).find();
    }
    for (JsonNode cmd : tree.get("nftables")) {
      JsonNode list = cmd.get("list");
      if (list != null && (list.has("ruleset") || list.has("tables") || list.has("table"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether nft text run with JSON output and echo would print a table with one flag: libnftables
   * echoes text input through its event printer, which prints each added table as JSON (JSON
   * input is echoed as the input itself, which is safe).
   */
  static boolean echoesOneFlagTable(String text) {
    return Json.readTreeOrNull(text) == null && ONE_TABLE_FLAG.matcher(text).find();
  }

  /** The first command of the batch that adds or creates a table with exactly one flag, or -1. */
  static int oneFlagTable(Batch batch) {
    List<Command> commands = batch.commands();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if ((c.verb() == Verb.ADD || c.verb() == Verb.CREATE) && c.object() instanceof Table t && t.flags().size() == 1) {
        return i;
      }
    }
    return -1;
  }
}
