package io.jnftables.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.json.JsonCodec;

/**
 * Seed README, "Raw JSON Commands" and the {@code NFTables.Port.call} examples: a libnftables JSON
 * document built as a JSON tree (the seed's {@code Jason.encode!} of a map) and nft command text,
 * both sent as they are ({@link Nftables#runJson}, {@link Nftables#runText}); both end in
 * libnftables' {@code nft_run_cmd_from_buffer}. Errors still come back as {@code
 * NftablesException} with nft's message.
 *
 * <p>Raw input is also a way in to the typed world: {@link #batch()} decodes the JSON document
 * into a {@link Batch}, and {@code Batch.parse} reads nft text, so either can be checked, diffed
 * or submitted like any other batch.
 */
public final class RawCommands {
  /** The seed's nft text, plus a chain and a rule. */
  public static final String NFT_TEXT =
      "add table inet custom\n"
          + "add chain inet custom input { type filter hook input priority 0; policy accept; }\n"
          + "add rule inet custom input tcp dport 22 accept\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RawCommands() {}

  /** {@code {"nftables":[{"add":{"table":{"family":"inet","name":"custom"}}}]}}, as a JSON tree. */
  public static String jsonDocument() {
    ObjectNode doc = JSON.createObjectNode();
    ObjectNode table = doc.putArray("nftables").addObject().putObject("add").putObject("table");
    table.put("family", "inet");
    table.put("name", "custom");
    return doc.toString();
  }

  /** The seed's {@code list tables} call: {@code {"nftables":[{"list":{"tables":null}}]}}. */
  public static String listTablesDocument() {
    ObjectNode doc = JSON.createObjectNode();
    doc.putArray("nftables").addObject().putObject("list").putNull("tables");
    return doc.toString();
  }

  /** The raw JSON document, decoded into a typed batch. */
  public static Batch batch() {
    return Batch.of(JsonCodec.decodeCommands(jsonDocument()));
  }

  public static void main(String[] args) {
    try (Nftables nft = SampleRunner.open(args)) {
      System.out.println("# JSON in: " + jsonDocument());
      System.out.println("# JSON out: " + nft.runJson(jsonDocument()));
      System.out.println("# text in:\n" + NFT_TEXT);
      System.out.println("# text out: " + nft.runText(NFT_TEXT));
      System.out.println("# list tables, JSON out: " + nft.runJson(listTablesDocument()));
      SampleRunner.printRuleset(nft);
    }
  }
}
