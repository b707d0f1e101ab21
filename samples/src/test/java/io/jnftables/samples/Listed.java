package io.jnftables.samples;

import static org.junit.jupiter.api.Assertions.fail;

import io.jnftables.client.Nftables;
import java.util.List;

/** Assertions on what the kernel lists back, as {@code nft list ruleset} prints it. */
final class Listed {
  private Listed() {}

  /**
   * The ruleset's text has each of {@code lines} as a whole line (leading and trailing blanks
   * aside), in this order; returns the text.
   */
  static String assertLines(Nftables nft, String... lines) {
    String text = nft.listRulesetText();
    List<String> listed = text.lines().map(String::strip).toList();
    int from = 0;
    for (String line : lines) {
      int at = listed.subList(from, listed.size()).indexOf(line);
      if (at < 0) {
        fail("the kernel does not list \"" + line + "\"" + (from > 0 ? " after the lines before it" : "")
            + "; it lists:\n" + text);
      }
      from += at + 1;
    }
    return text;
  }
}
