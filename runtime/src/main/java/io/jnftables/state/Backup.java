package io.jnftables.state;

import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.client.CallOptions;
import io.jnftables.client.Fidelity;
import io.jnftables.client.Nftables;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.RawNodes;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.query.Query;
import io.jnftables.text.NftText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Backup and restore of the tables an application owns (the seed's "backup existing rules … restore
 * later", made atomic):
 *
 * <pre>{@code
 * Predicate<Table> mine = t -> t.name().startsWith("app_");
 * Backup.save(nft, Path.of("/var/lib/app/firewall.nft"), mine);
 * …
 * Backup.restore(nft, Path.of("/var/lib/app/firewall.nft"), mine);  // one transaction
 * }</pre>
 *
 * The live tables are captured at full fidelity ({@link Fidelity#TEXT}: nft 1.0.6's JSON listing
 * drops {@code typeof}, table flags, chain devices and more). The file is an nft script of {@code
 * add} commands (handles left out), which {@code nft -f} can apply too; a file whose name ends in
 * {@code .json} is written as a libnftables JSON document instead, for tools that want JSON, and
 * then holds only what nft's JSON can say. Restoring deletes every owned table that is live and
 * adds the saved ones, all in one transaction, sent as nft text when the batch can be said in
 * text: the owned tables are exactly as saved afterwards, or unchanged if the kernel refuses
 * anything. Tables not owned are never touched.
 */
public final class Backup {
  private Backup() {}

  /** The owned tables of the live ruleset as the commands that recreate them. */
  public static Batch capture(Nftables nft, Predicate<Table> owned) {
    return capture(Query.of(nft, Fidelity.TEXT).ruleset(), owned);
  }

  /** The owned tables of a listing as the commands that recreate them. */
  public static Batch capture(Ruleset ruleset, Predicate<Table> owned) {
    return Builder.fromRuleset(ruleset, owned).build();
  }

  /** Writes the owned tables to {@code file} (atomically replacing it) and returns what was written. */
  public static Batch save(Nftables nft, Path file, Predicate<Table> owned) {
    Batch b = capture(nft, owned);
    write(b, file);
    return b;
  }

  /**
   * Writes a batch as an nft script (or, for a {@code .json} file, a libnftables JSON document),
   * through a temporary file and a rename.
   */
  public static void write(Batch batch, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.write(tmp, isJson(file) ? batch.toJsonBytes() : NftText.print(batch).getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads a saved file back as a batch: a JSON document if it is one, else an nft script. */
  public static Batch read(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return content.stripLeading().startsWith("{")
          ? Batch.of(JsonCodec.decodeCommands(content))
          : NftText.parseRuleset(content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The one transaction that makes the owned tables of {@code live} exactly {@code saved}: delete
   * every owned live table and every table the saved batch adds, then the saved commands.
   */
  public static Batch restoreBatch(Batch saved, Ruleset live, Predicate<Table> owned) {
    Set<Table> drop = new LinkedHashSet<>();
    for (Table t : live.tables()) {
      if (owned.test(t)) {
        drop.add(new Table(t.family(), t.name(), null));
      }
    }
    for (Command c : saved.commands()) {
      if (c.verb() == Verb.ADD && c.object() instanceof Table t) {
        if (!owned.test(t)) {
          throw new IllegalArgumentException("the backup holds table " + t.family().nftName() + " " + t.name()
              + ", which is not owned: refusing to replace it");
        }
        boolean live1 = live.tables().stream().anyMatch(x -> x.family() == t.family() && x.name().equals(t.name()));
        if (live1) {
          drop.add(new Table(t.family(), t.name(), null));
        }
      }
    }
    List<Command> out = new ArrayList<>();
    for (Table t : drop) {
      out.add(Command.delete(t));
    }
    out.addAll(saved.commands());
    return Batch.of(out);
  }

  /** Restores the owned tables from {@code file} in one transaction (see the class comment). */
  public static void restore(Nftables nft, Path file, Predicate<Table> owned) {
    restore(nft, read(file), owned);
  }

  public static void restore(Nftables nft, Batch saved, Predicate<Table> owned) {
    Batch batch = restoreBatch(saved, nft.listRuleset(), owned);
    // Text carries what nft 1.0.6's JSON input drops; a raw node (JSON the model could not read)
    // can only go back as JSON.
    boolean raw = batch.commands().stream().anyMatch(c -> RawNodes.count(c) > 0);
    nft.submit(batch, raw ? CallOptions.defaults() : CallOptions.defaults().asText());
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }
}
