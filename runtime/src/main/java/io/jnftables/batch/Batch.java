package io.jnftables.batch;

import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.NftObject;
import io.jnftables.model.Verb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered, immutable list of commands that the kernel applies as one transaction: all of
 * them or none. Building one needs no kernel; {@link #toJson()} is what would be sent.
 *
 * <pre>{@code
 * Batch batch = Batch.builder()
 *     .add(Table.of(Family.INET, "filter"))
 *     .add(Chain.base(Family.INET, "filter", "input", BaseChain.of(FILTER, INPUT, 0, DROP)))
 *     .build();
 * }</pre>
 */
public final class Batch {
  private static final Batch EMPTY = new Batch(List.of());

  private final List<Command> commands;

  private Batch(List<Command> commands) {
    this.commands = commands;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Batch of(List<Command> commands) {
    return commands.isEmpty() ? EMPTY : new Batch(List.copyOf(commands));
  }

  public static Batch empty() {
    return EMPTY;
  }

  /**
   * The commands of a file in nft syntax (what {@code nft -f} reads): a thin delegation to
   * {@link io.jnftables.text.NftText#parseRuleset(String)}.
   *
   * @throws io.jnftables.text.NftSyntaxException with the line and column of what nft would refuse
   */
  public static Batch parse(String text) {
    return io.jnftables.text.NftText.parseRuleset(text);
  }

  /** The commands, in the order they are applied. */
  public List<Command> commands() {
    return commands;
  }

  public int size() {
    return commands.size();
  }

  public boolean isEmpty() {
    return commands.isEmpty();
  }

  /** This batch followed by {@code other}'s commands, as one transaction. */
  public Batch concat(Batch other) {
    if (other.isEmpty()) {
      return this;
    }
    List<Command> all = new ArrayList<>(commands.size() + other.commands.size());
    all.addAll(commands);
    all.addAll(other.commands);
    return new Batch(List.copyOf(all));
  }

  /** The libnftables JSON document for this batch: {@code {"nftables":[...]}}. */
  public String toJson() {
    return new String(toJsonBytes(), StandardCharsets.UTF_8);
  }

  /** {@link #toJson()} as UTF-8 bytes, without the detour through a String. */
  public byte[] toJsonBytes() {
    return JsonCodec.encode(commands);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Batch b && b.commands.equals(commands);
  }

  @Override
  public int hashCode() {
    return commands.hashCode();
  }

  /** The commands as an nft script, one per line ({@link io.jnftables.text.NftText#print(Batch)}). */
  @Override
  public String toString() {
    return io.jnftables.text.NftText.print(this);
  }

  /** Collects commands in order. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private final List<Command> commands = new ArrayList<>();

    private Builder() {}

    /** Adds {@code add <object>}. */
    public Builder add(NftObject object) {
      commands.add(new Command(Verb.ADD, Objects.requireNonNull(object, "object")));
      return this;
    }

    /** Adds any command. */
    public Builder command(Command command) {
      commands.add(Objects.requireNonNull(command, "command"));
      return this;
    }

    /** Adds every command of {@code batch}, in order. */
    public Builder addAll(Batch batch) {
      commands.addAll(batch.commands());
      return this;
    }

    public Batch build() {
      return Batch.of(commands);
    }
  }
}
