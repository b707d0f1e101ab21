package io.jnftables.dsl;

/** Named DSCP code points; nft lists a matching number by its name ({@code ip dscp 46} as {@code ef}). */
public enum Dscp implements NftSymbol {
  CS0("cs0"),
  CS1("cs1"),
  CS2("cs2"),
  CS3("cs3"),
  CS4("cs4"),
  CS5("cs5"),
  CS6("cs6"),
  CS7("cs7"),
  AF11("af11"),
  AF12("af12"),
  AF13("af13"),
  AF21("af21"),
  AF22("af22"),
  AF23("af23"),
  AF31("af31"),
  AF32("af32"),
  AF33("af33"),
  AF41("af41"),
  AF42("af42"),
  AF43("af43"),
  EF("ef");

  private final String nft;

  Dscp(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
