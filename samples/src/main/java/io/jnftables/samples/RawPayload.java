package io.jnftables.samples;

import static io.jnftables.dsl.Expr.tcp;
import static io.jnftables.dsl.Expr.udp;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.batch.Builder;
import io.jnftables.dsl.PayloadBase;
import io.jnftables.dsl.TerminalExpr;

/**
 * Seed README, "Deep Packet Inspection with Raw Payload": matches by bit offset and length from a
 * header base ({@code @th,16,16}), with and without a mask.
 *
 * <p>nft recognises raw matches that are header fields and lists them by name: the DNS rule's
 * {@code @th,16,16 53} comes back as {@code udp dport 53}, and the SYN rule's masked byte as
 * {@code tcp flags & syn == syn}. The HTTP rule matches the first four bytes of the inner
 * header ({@code @ih,0,32}, the TCP payload) against the ASCII of {@code "GET "}; a text of the
 * wrong length is refused before anything is sent.
 */
public final class RawPayload {
  public static final String TABLE = "filter";
  public static final String CHAIN = "inspect";

  private RawPayload() {}

  /** "Match DNS queries (port 53 via raw payload)". */
  public static TerminalExpr dnsBlock() {
    return udp().payloadRaw(PayloadBase.TH, 16, 16, 53).log("DNS query blocked: ").drop();
  }

  /** The DNS rule, the seed's SYN counter (a masked match, no verdict) and the HTTP GET rule. */
  public static Batch batch() {
    return Builder.create(Family.INET)
        .addTable(TABLE)
        .addChain(CHAIN)
        .addRule(dnsBlock())
        .addRule(tcp().payloadRawMasked(PayloadBase.TH, 104, 8, 0x02, 0x02).counter())
        .addRule(tcp().dport(80).payloadRaw(PayloadBase.IH, 0, 32, "GET ").log("HTTP GET: ").accept())
        .build();
  }

  public static void main(String[] args) {
    SampleRunner.run(args, "raw payload", batch());
  }
}
