package io.jnftables.dsl;

/** A constant of an nft symbol table (a ct state, a TCP flag, an ICMP type…): its nft spelling. */
public interface NftSymbol {
  /** The name as nft writes it, e.g. {@code "established"}, {@code "echo-request"}. */
  String nft();
}
