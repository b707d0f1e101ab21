package io.jnftables.client;

/**
 * How a listing is read into the typed model.
 *
 * <p>libnftables 1.0.6 leaves things out of its JSON listing that its text listing shows: set and
 * map {@code typeof} declarations (listed as their data types, {@code integer} or {@code string}
 * where JSON input then refuses them), {@code auto-merge}, the devices of base chains, table,
 * chain and set comments, ct timeout policies, the {@code dynamic} set flag, {@code interval} map
 * values; it garbles table flags (at times into invalid JSON) and lists anonymous chains and map
 * updates from the packet path as nft text. A {@link #JSON} listing applied again therefore
 * does not always recreate what was listed; a {@link #TEXT} listing does.
 */
public enum Fidelity {
  /**
   * libnftables' JSON listing, decoded by the JSON codec: the fastest, and lenient (what the model
   * does not know stays raw), with the gaps above.
   */
  JSON,
  /**
   * nft's text listing with handles ({@code nft -a list …}), read by our nft parser ({@link
   * io.jnftables.text.NftText#parseListing}): everything the kernel holds and nft shows, with
   * handles. Costs text formatting and parsing (a few times the JSON path); fails with {@link
   * io.jnftables.text.NftSyntaxException} on a construct the parser does not read, where the JSON
   * listing would keep it raw.
   */
  TEXT
}
