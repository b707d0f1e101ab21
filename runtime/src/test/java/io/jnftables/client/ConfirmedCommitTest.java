package io.jnftables.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.PendingCommit.Status;
import io.jnftables.model.Table;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Commit-confirmed against a fake executor: the requests the client sends, and the JVM timer. */
class ConfirmedCommitTest {
  /** nft's text {@code list tables} (the client reads it as text: JSON would print table flags). */
  private static final String TABLES = "table inet filter\n";
  private static final String LISTING = "table inet filter {\n\tchain input {\n\t}\n}\n";
  private static final String ROLLBACK = "add table inet extra\ndelete table inet extra\n"
      + "add table inet filter\ndelete table inet filter\n" + LISTING;
  private static final Batch CHANGE = Batch.builder().add(Table.of(Family.INET, "extra")).build();

  /** A kernel that holds table inet filter; {@code rollback} answers the rollback (dry or not). */
  private static FakeExecutor kernel(Function<NftRequest, NftResponse> rollback) {
    return new FakeExecutor(r -> {
      if (r.input().equals("list tables") && !r.has(NftRequest.Option.JSON)) {
        return new NftResponse(true, TABLES, "");
      }
      if (r.input().equals("list table inet filter\n")) {
        return new NftResponse(true, LISTING, "");
      }
      if (r.input().equals(ROLLBACK)) {
        return rollback.apply(r);
      }
      return new NftResponse(true, "", "");
    });
  }

  private static Nftables scoped(FakeExecutor fake) {
    return Nftables.builder().executor(fake).ownTable(Family.INET, "filter").ownTable(Family.INET, "extra")
        .probeCapabilities(false).open();
  }

  @Test
  void capturesTheCoveredTablesChecksTheRollbackAppliesAndRollsBackAtTheDeadline() {
    FakeExecutor fake = kernel(r -> new NftResponse(true, "", ""));
    PendingCommit c = scoped(fake).submitConfirmed(CHANGE, Duration.ofMillis(50));
    assertEquals(ROLLBACK, c.rollback());
    assertEquals(Set.of(new TableRef(Family.INET, "filter"), new TableRef(Family.INET, "extra")), c.tables());
    List<NftRequest> sent = List.copyOf(fake.requests);
    assertEquals(4, sent.size(), sent.toString());
    assertEquals("list tables", sent.get(0).input());
    assertFalse(sent.get(0).has(NftRequest.Option.JSON)); // text: JSON would print table flags, which nft 1.0.6 garbles
    assertEquals("list table inet filter\n", sent.get(1).input()); // extra does not exist: not listed
    assertEquals(ROLLBACK, sent.get(2).input());
    assertTrue(sent.get(2).has(NftRequest.Option.DRY_RUN));
    assertEquals(CHANGE.toJson(), sent.get(3).input());
    assertFalse(sent.get(3).has(NftRequest.Option.DRY_RUN));

    assertEquals(Status.ROLLED_BACK, c.awaitDecision(Duration.ofSeconds(5)));
    NftRequest last = fake.requests.get(fake.requests.size() - 1);
    assertEquals(ROLLBACK, last.input());
    assertFalse(last.has(NftRequest.Option.DRY_RUN));
    assertEquals(5, fake.requests.size(), "the rollback ran once");
  }

  @Test
  void aRollbackThatWouldNotApplyRefusesBeforeAnythingChanges() {
    FakeExecutor fake = kernel(r -> new NftResponse(false, "", "Error: syntax error"));
    NftablesException e = assertThrows(NftablesException.class,
        () -> scoped(fake).submitConfirmed(CHANGE, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
    assertTrue(fake.requests.stream().noneMatch(r -> r.input().equals(CHANGE.toJson())), "the batch was not sent");
  }

  @Test
  void aRollbackTheKernelRefusesAtTheDeadlineIsReported() {
    FakeExecutor fake = kernel(r -> r.has(NftRequest.Option.DRY_RUN)
        ? new NftResponse(true, "", "") : new NftResponse(false, "", "Error: Could not process rule: Device or resource busy"));
    PendingCommit c = scoped(fake).submitConfirmed(CHANGE, Duration.ofMillis(20));
    assertEquals(Status.ROLLBACK_FAILED, c.awaitDecision(Duration.ofSeconds(5)));
    assertTrue(c.detail().contains("Device or resource busy"), c.detail());
    IllegalStateException late = assertThrows(IllegalStateException.class, c::confirm);
    assertTrue(late.getMessage().contains("its rollback ran and failed"), late.getMessage());
  }

  @Test
  void confirmBeatsTheTimerAndClosingRollsAPendingCommitBack() throws Exception {
    FakeExecutor fake = kernel(r -> new NftResponse(true, "", ""));
    Nftables nft = scoped(fake);
    PendingCommit c = nft.submitConfirmed(CHANGE, Duration.ofMillis(50));
    c.confirm();
    Thread.sleep(150);
    assertEquals(Status.CONFIRMED, c.status());
    assertEquals(4, fake.requests.size(), "no rollback ran");

    PendingCommit d = nft.submitConfirmed(CHANGE, Duration.ofSeconds(60));
    nft.close();
    assertEquals(Status.ROLLED_BACK, d.status());
    assertEquals("client closed", d.detail());
    assertTrue(fake.closed);
  }
}
