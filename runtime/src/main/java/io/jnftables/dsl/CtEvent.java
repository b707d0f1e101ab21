package io.jnftables.dsl;

/** Conntrack events a connection reports ({@code ct event set new,related}). */
public enum CtEvent implements NftSymbol {
  NEW("new"),
  RELATED("related"),
  DESTROY("destroy"),
  REPLY("reply"),
  ASSURED("assured"),
  PROTOINFO("protoinfo"),
  HELPER("helper"),
  MARK("mark"),
  SEQADJ("seqadj"),
  SECMARK("secmark"),
  LABEL("label");

  private final String nft;

  CtEvent(String nft) {
    this.nft = nft;
  }

  @Override
  public String nft() {
    return nft;
  }
}
