package io.jnftables.samples;

import static io.jnftables.dsl.Expr.payloadRaw;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.client.Nftables;
import io.jnftables.dsl.PayloadBase;
import io.jnftables.junit.NftablesExtension;
import io.jnftables.validate.InvalidValueException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Methods that need the kernel are tagged "kernel"; the others check JSON and refusals without it. */
@ExtendWith(NftablesExtension.class)
class RawPayloadKernelTest {
  @Tag("kernel")
  @Test
  void rawMatchesLoadAndNftNamesTheOnesThatAreFields(Nftables nft) {
    nft.submit(RawPayload.batch());
    Listed.assertLines(nft,
        "chain inspect {",
        "udp dport 53 log prefix \"DNS query blocked: \" drop",
        "tcp flags & syn == syn counter packets 0 bytes 0",
        "tcp dport 80 @ih,0,32 0x47455420 log prefix \"HTTP GET: \" accept");
  }

  @Test
  void aTextOfTheWrongLengthIsRefusedBeforeSending() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> payloadRaw(PayloadBase.IH, 0, 32, "GET"));
    assertTrue(e.getMessage().contains("24 bits"), e.getMessage());
  }
}
