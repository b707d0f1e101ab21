package io.jnftables.helper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netlink.NetlinkException;
import io.jnftables.netlink.NfnetlinkTransport;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.testing.Proc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The helper's NETLINK operation (raw nf_tables messages relayed to the kernel), each test in a
 * fresh namespace. Messages are built by hand here, independently of the library's own encoder,
 * so that the helper is tested against the kernel's protocol, not against our reading of it.
 */
@Tag("kernel")
class HelperNetlinkKernelTest {
  private static final Duration T = Duration.ofSeconds(10);

  // netlink and nfnetlink constants (linux/netlink.h, linux/netfilter/nfnetlink.h, nf_tables.h)
  private static final int NLM_F_REQUEST = 0x1;
  private static final int NLM_F_ACK = 0x4;
  private static final int NLM_F_DUMP = 0x300;
  private static final int NLM_F_CREATE = 0x400;
  private static final int NLM_F_CAPPED = 0x100;
  private static final int NLMSG_ERROR = 2;
  private static final int BATCH_BEGIN = 0x10;
  private static final int BATCH_END = 0x11;
  private static final int NFTABLES = 10;
  private static final int NEWTABLE = nft(0);
  private static final int GETSET = nft(10);
  private static final int NEWSET = nft(9);
  private static final int NEWSETELEM = nft(12);
  private static final int DELSETELEM = nft(14);
  private static final int NEWGEN = nft(15);
  private static final int GETGEN = nft(16);
  private static final int NFPROTO_INET = 1;
  private static final int NLA_F_NESTED = 0x8000;
  private static final int ENOENT = 2;
  private static final int ERESTART = 85;

  private String hostRuleset;

  private static int nft(int msg) {
    return (NFTABLES << 8) | msg;
  }

  @BeforeEach
  void recordHost() {
    hostRuleset = Proc.hostRuleset();
  }

  @AfterEach
  void hostUntouched() {
    assertEquals(hostRuleset, Proc.hostRuleset());
  }

  // ------------------------------------------------------------------ lookups

  @Test
  void getGenAnswersTheGenerationAndAnAckAndCountsCommits() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      List<Msg> first = exchange(helper, getGen(7));
      assertEquals(2, first.size(), first.toString());
      assertEquals(NEWGEN, first.get(0).type);
      assertEquals(7, first.get(0).seq);
      assertEquals(7, first.get(1).seq);
      assertEquals(0, first.get(1).error(), "an ack");
      // NETLINK_CAP_ACK: the ack carries the request's header only, not the whole request
      assertEquals(36, first.get(1).length);
      assertEquals(NLM_F_CAPPED, first.get(1).flags & NLM_F_CAPPED);
      long gen = first.get(0).genId();
      assertEquals(gen, genId(helper, 8));

      assertTrue(helper.run("add table inet x", 0, false).ok());
      assertEquals(gen + 1, genId(helper, 9));
      assertTrue(helper.run("add table inet y; add table inet z", 0, false).ok());
      assertEquals(gen + 2, genId(helper, 10), "one transaction, one generation");

      // Without NLM_F_ACK nothing is waited for; the answer, already queued, is still drained.
      List<Msg> noAck = exchange(helper, new Nl().msg(GETGEN, NLM_F_REQUEST, 11, 0, 0).end().bytes());
      assertEquals(1, noAck.size(), noAck.toString());
      assertEquals(NEWGEN, noAck.get(0).type);
      assertEquals(gen + 2, noAck.get(0).genId());

      // Two lookups in one request, each answered with its own sequence number.
      List<Msg> two = exchange(helper, concat(getGen(12), getSet(13, "inet", "x", "nope")));
      assertEquals(List.of(12, 12, 13), two.stream().map(m -> m.seq).toList(), two.toString());
      assertEquals(-ENOENT, two.get(2).error());
    }
  }

  @Test
  void getSetAnswersTheSet() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t; add set inet t s { type ipv4_addr; }", 0, false).ok());
      List<Msg> answer = exchange(helper, getSet(3, "inet", "t", "s"));
      assertEquals(2, answer.size(), answer.toString());
      assertEquals(NEWSET, answer.get(0).type);
      assertEquals("s", answer.get(0).stringAttr(2)); // NFTA_SET_NAME
      assertEquals("t", answer.get(0).stringAttr(1)); // NFTA_SET_TABLE
      assertEquals(0, answer.get(1).error());
    }
  }

  // ------------------------------------------------------------------ element updates

  @Test
  void addsAnElementInABatchAndReportsAFailingOne() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t; add set inet t s { type ipv4_addr; }", 0, false).ok());
      long gen = genId(helper, 1);

      List<Msg> answer = exchange(helper, batch(10, elements(NEWSETELEM, 11, "t", "s", ip(10, 0, 0, 1))));
      assertEquals(1, answer.size(), answer.toString());
      assertEquals(NLMSG_ERROR, answer.get(0).type);
      assertEquals(11, answer.get(0).seq);
      assertEquals(0, answer.get(0).error());
      assertTrue(list(helper).contains("elements = { 10.0.0.1 }"), list(helper));
      assertEquals(gen + 1, genId(helper, 2));

      // A set that does not exist: the kernel's error for that message, nothing changes.
      String before = helper.run("list ruleset", 0, false).output();
      List<Msg> failed = exchange(helper, batch(20, elements(NEWSETELEM, 21, "t", "nope", ip(10, 0, 0, 2))));
      assertEquals(1, failed.size(), failed.toString());
      assertEquals(21, failed.get(0).seq);
      assertEquals(-ENOENT, failed.get(0).error());
      assertEquals(before, helper.run("list ruleset", 0, false).output());
      assertEquals(gen + 1, genId(helper, 3));

      // A batch of several messages: add two, delete the first.
      exchange(helper, batch(30,
          elements(NEWSETELEM, 31, "t", "s", ip(10, 0, 0, 3)),
          elements(NEWSETELEM, 32, "t", "s", ip(10, 0, 0, 4)),
          elements(DELSETELEM, 33, "t", "s", ip(10, 0, 0, 1))));
      assertTrue(list(helper).contains("elements = { 10.0.0.3, 10.0.0.4 }"), list(helper));

      // Through the transport: the same bytes come back.
      NfnetlinkTransport transport = helper.netlinkTransport();
      assertSame(transport, helper.netlinkTransport(), "one transport per helper, kept");
      List<Msg> viaTransport = Msg.parse(transport.transact(
          batch(40, elements(DELSETELEM, 41, "t", "s", ip(10, 0, 0, 3))), T));
      assertEquals(List.of(0), viaTransport.stream().map(Msg::error).toList());
      assertTrue(list(helper).contains("elements = { 10.0.0.4 }"), list(helper));
    }
  }

  @Test
  void staleGenerationIsRefusedByTheKernelAtOnce() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t; add set inet t s { type ipv4_addr; }", 0, false).ok());
      long gen = genId(helper, 1);
      String before = list(helper);
      byte[] stale = new Nl()
          .msg(BATCH_BEGIN, NLM_F_REQUEST, 50, 0, NFTABLES).u32(1, (int) (gen - 1)).end() // NFNL_BATCH_GENID
          .raw(elements(NEWSETELEM, 51, "t", "s", ip(10, 0, 0, 9)))
          .msg(BATCH_END, NLM_F_REQUEST, 52, 0, NFTABLES).end()
          .bytes();
      long start = System.nanoTime();
      List<Msg> answer = exchange(helper, stale);
      long ms = (System.nanoTime() - start) / 1_000_000;
      // The error answers the begin, which asked for no ack: the helper stops waiting then
      // (the element's ack never comes), instead of waiting out its 5 s.
      assertEquals(1, answer.size(), answer.toString());
      assertEquals(50, answer.get(0).seq);
      assertEquals(-ERESTART, answer.get(0).error());
      assertTrue(ms < 2000, ms + " ms");
      assertEquals(before, list(helper));
      assertEquals(gen, genId(helper, 2));

      // With the current generation the same batch goes through.
      byte[] current = new Nl()
          .msg(BATCH_BEGIN, NLM_F_REQUEST, 60, 0, NFTABLES).u32(1, (int) gen).end()
          .raw(elements(NEWSETELEM, 61, "t", "s", ip(10, 0, 0, 9)))
          .msg(BATCH_END, NLM_F_REQUEST, 62, 0, NFTABLES).end()
          .bytes();
      assertEquals(List.of(0), exchange(helper, current).stream().map(Msg::error).toList());
      assertTrue(list(helper).contains("10.0.0.9"), list(helper));
    }
  }

  @Test
  void moreAnswersThanTheReceiveBufferHoldsIsAnErrorAfterSendingAndTheNextExchangeIsClean() {
    int count = 30_000; // each asks for an ack; about 10,000 fit in the helper's 4 MiB buffer
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t; add set inet t s { type ipv4_addr; size 100000; }", 0, false).ok());
      long gen = genId(helper, 1);
      Nl nl = new Nl(count * 64).msg(BATCH_BEGIN, NLM_F_REQUEST, 10, 0, NFTABLES).end();
      for (int i = 0; i < count; i++) {
        nl.raw(elements(NEWSETELEM, 100 + i, "t", "s", ip(10, 4, i >> 8, i & 255)));
      }
      byte[] big = nl.msg(BATCH_END, NLM_F_REQUEST, 99, 0, NFTABLES).end().bytes();
      assertTrue(big.length > 1_000_000, "larger than the default send buffer: " + big.length);
      NetlinkReply r = helper.netlink(big, T);
      assertEquals(NftHelper.RC_ERRNO, r.rc(), r.toString());
      assertEquals("recv", r.failedCall());
      assertEquals(105, r.errno()); // ENOBUFS
      assertTrue(r.error().contains("ask for fewer acks"), r.error());
      assertTrue(r.mayHaveReachedKernel());
      // The batch was committed (only answers were lost), and what was left queued does not leak
      // into the next exchange.
      List<Msg> next = exchange(helper, getGen(2));
      assertEquals(List.of(NEWGEN, NLMSG_ERROR), next.stream().map(Msg::type).toList());
      assertEquals(List.of(2, 2), next.stream().map(Msg::seq).toList());
      assertEquals(gen + 1, next.get(0).genId());
      assertEquals(count, helper.run("list set inet t s", 0, false).output().split("10\\.4\\.").length - 1);
      NetlinkException e = assertThrows(NetlinkException.class,
          () -> helper.netlinkTransport().transact(big, T));
      assertTrue(e.maybeSent());
      assertEquals(List.of(3, 3), exchange(helper, getGen(3)).stream().map(Msg::seq).toList());
    }
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void refusesAnythingButElementUpdatesAndLookupsAndSendsNothing() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t; add set inet t s { type ipv4_addr; }", 0, false).ok());
      long gen = genId(helper, 1);
      String before = helper.run("list ruleset", 0, false).output();
      long pid = helper.pid();
      byte[] getGen = getGen(2);
      byte[] truncated = Arrays.copyOf(getGen, getGen.length + 8); // a header cut short after it
      byte[] beyond = getGen(3);
      ByteBuffer.wrap(beyond).order(ByteOrder.LITTLE_ENDIAN).putInt(0, beyond.length + 4);
      byte[] noRequestFlag = new Nl().msg(GETGEN, NLM_F_ACK, 4, 0, 0).end().bytes();
      byte[] shortMsg = new Nl().msg(GETGEN, NLM_F_REQUEST | NLM_F_ACK, 5, 0, 0).end().bytes();
      ByteBuffer.wrap(shortMsg).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 16);
      Map<String, byte[]> cases = new LinkedHashMap<>();
      cases.put("not relayed", batch(10, new Nl()
          .msg(NEWTABLE, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK, 11, NFPROTO_INET, 0)
          .str(1, "evil").end().bytes())); // NFTA_TABLE_NAME
      cases.put("asks for a dump", new Nl().msg(GETSET, NLM_F_REQUEST | NLM_F_DUMP, 20, NFPROTO_INET, 0).end().bytes());
      cases.put("is truncated", truncated);
      cases.put("goes beyond the end", beyond);
      cases.put("is outside a batch", elements(NEWSETELEM, 30, "t", "s", ip(10, 0, 0, 1)));
      cases.put("is empty", new byte[0]);
      cases.put("lacks NLM_F_REQUEST", noRequestFlag);
      cases.put("shorter than a header and its nfgenmsg", shortMsg);
      cases.put("follows the end of the batch",
          concat(batch(40, elements(NEWSETELEM, 41, "t", "s", ip(10, 0, 0, 1))), getGen(42)));
      cases.put("a batch must be the whole request",
          concat(getGen(43), batch(44, elements(NEWSETELEM, 45, "t", "s", ip(10, 0, 0, 1)))));
      cases.put("ends an empty batch", concat(
          new Nl().msg(BATCH_BEGIN, NLM_F_REQUEST, 50, 0, NFTABLES).end().bytes(),
          new Nl().msg(BATCH_END, NLM_F_REQUEST, 51, 0, NFTABLES).end().bytes()));
      cases.put("has no end", concat(
          new Nl().msg(BATCH_BEGIN, NLM_F_REQUEST, 52, 0, NFTABLES).end().bytes(),
          elements(NEWSETELEM, 53, "t", "s", ip(10, 0, 0, 1))));
      cases.put("only nf_tables (10) batches", concat(
          new Nl().msg(BATCH_BEGIN, NLM_F_REQUEST, 54, 0, 12).end().bytes(),
          elements(NEWSETELEM, 55, "t", "s", ip(10, 0, 0, 1)),
          new Nl().msg(BATCH_END, NLM_F_REQUEST, 56, 0, 12).end().bytes()));
      cases.put("asks for an ack", concat(
          new Nl().msg(BATCH_BEGIN, NLM_F_REQUEST | NLM_F_ACK, 57, 0, NFTABLES).end().bytes(),
          elements(NEWSETELEM, 58, "t", "s", ip(10, 0, 0, 1)),
          new Nl().msg(BATCH_END, NLM_F_REQUEST, 59, 0, NFTABLES).end().bytes()));
      cases.put("is inside a batch", batch(60, getGen(61)));
      cases.put("NEWSET", batch(62, new Nl()
          .msg(NEWSET, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK, 63, NFPROTO_INET, 0)
          .str(1, "t").str(2, "evil").end().bytes()));

      NfnetlinkTransport transport = helper.netlinkTransport();
      for (Map.Entry<String, byte[]> c : cases.entrySet()) {
        NetlinkReply r = helper.netlink(c.getValue(), T);
        assertEquals(NftHelper.RC_REFUSED, r.rc(), c.getKey() + ": " + r);
        assertTrue(r.error().startsWith("jnft-helper: netlink request refused, nothing was sent: "), r.error());
        assertTrue(r.error().contains(c.getKey()), c.getKey() + ": " + r.error());
        assertFalse(r.mayHaveReachedKernel());
        assertEquals(0, r.answersLength());
        NetlinkException e = assertThrows(NetlinkException.class, () -> transport.transact(c.getValue(), T));
        assertFalse(e.maybeSent(), c.getKey());
        assertEquals(r.error(), e.getMessage());
      }
      // nothing reached the kernel: the ruleset and its generation are unchanged
      assertEquals(before, helper.run("list ruleset", 0, false).output());
      assertEquals(gen, genId(helper, 70));
      assertEquals(pid, helper.pid(), "the helper kept serving");
      assertEquals(1, helper.starts());
    }
  }

  // ------------------------------------------------------------------ transport failures

  @Test
  void transportMapsTimeoutsAndDeathsOfTheHelper() throws Exception {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      NfnetlinkTransport transport = helper.netlinkTransport();
      long pid = helper.pid();
      Proc.ok("kill", "-STOP", Long.toString(pid));
      try {
        NftTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
            NftTimeoutException.class, () -> transport.transact(getGen(1), Duration.ofMillis(200))));
        assertEquals(Duration.ofMillis(200), e.timeout());
      } finally {
        Proc.ok("kill", "-CONT", Long.toString(pid));
      }
      assertEquals(2, Msg.parse(transport.transact(getGen(2), T)).size());

      Proc.ok("kill", "-STOP", Long.toString(pid));
      CompletableFuture<byte[]> inFlight = CompletableFuture.supplyAsync(() -> transport.transact(getGen(3), T));
      Thread.sleep(100);
      assertFalse(inFlight.isDone());
      Proc.ok("kill", "-9", Long.toString(pid));
      Exception e = assertThrows(Exception.class, () -> inFlight.get(10, TimeUnit.SECONDS));
      NetlinkException ne = assertInstanceOf(NetlinkException.class, e.getCause());
      assertTrue(ne.maybeSent());
      assertInstanceOf(HelperException.class, ne.getCause());
      assertTrue(ne.getMessage().contains("killed by signal 9"), ne.getMessage());
      // the next exchange starts a new helper
      assertEquals(2, Msg.parse(transport.transact(getGen(4), T)).size());
      assertEquals(2, helper.starts());
    }
  }

  @Test
  void armedCommitStillRollsBackOnTimeWhileNetlinkExchangesRun() {
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      HelperCommit commit = helper.arm("add table inet armed", 0, "delete table inet armed", 0,
          Duration.ofMillis(300), T);
      assertTrue(commit.applied().ok(), commit.applied().toString());
      long until = System.nanoTime() + 700_000_000L;
      int seq = 1;
      while (System.nanoTime() < until) {
        assertTrue(helper.netlink(getGen(seq++), T).ok());
      }
      assertEquals(new NftResult(0, "rolled-back:deadline", ""), commit.status(T));
      assertEquals("", helper.run("list tables", 0, false).output());
    }
  }

  // ------------------------------------------------------------------ concurrency, cost

  @Test
  void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
    int threads = 8;
    int calls = 200;
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      NfnetlinkTransport transport = helper.netlinkTransport();
      long gen = genId(helper, 1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Queue<String> wrong = new ConcurrentLinkedQueue<>();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < calls; i++) {
            int seq = (thread + 1) * 100_000 + i;
            List<Msg> answer = Msg.parse(transport.transact(getGen(seq), T));
            boolean right = answer.size() == 2 && answer.stream().allMatch(m -> m.seq == seq)
                && answer.get(0).type == NEWGEN && answer.get(0).genId() == gen
                && answer.get(1).error() == 0;
            if (!right) {
              wrong.add(seq + " -> " + answer);
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(List.of(), List.copyOf(wrong));
      assertEquals(1, helper.starts());
    }
  }

  /**
   * Prints the relay's cost; asserts only that the calls worked. Messages are built and answers
   * checked outside the timed calls; the kinds of call take turns, so that they share whatever
   * else the machine is doing.
   */
  @Test
  void measuresTheRoundTrip() {
    int n = 2000;
    int warmUp = n / 10;
    try (NftHelper helper = NftHelper.start(NetnsTarget.fresh())) {
      assertTrue(helper.run("add table inet t; add set inet t s { type ipv4_addr; }", 0, false).ok());
      byte[] empty = new byte[0];
      long[][] t = new long[4][n];
      for (int i = -warmUp; i < n; i++) {
        int s = 1000 + (i + warmUp) * 10;
        byte[] gen = getGen(s);
        byte[] add = batch(s + 1, elements(NEWSETELEM, s + 2, "t", "s", ip(10, 1, 2, 3)));
        byte[] del = batch(s + 3, elements(DELSETELEM, s + 4, "t", "s", ip(10, 1, 2, 3)));
        long t0 = System.nanoTime();
        NetlinkReply refused = helper.netlink(empty, T); // the helper's round trip alone
        long t1 = System.nanoTime();
        NetlinkReply genReply = helper.netlink(gen, T);
        long t2 = System.nanoTime();
        NetlinkReply addReply = helper.netlink(add, T);
        NetlinkReply delReply = helper.netlink(del, T);
        long t3 = System.nanoTime();
        NftResult nftAdd = helper.run("add element inet t s { 10.1.2.4 }", 0, false);
        NftResult nftDel = helper.run("delete element inet t s { 10.1.2.4 }", 0, false);
        long t4 = System.nanoTime();
        assertEquals(NftHelper.RC_REFUSED, refused.rc());
        checked(genReply);
        checked(addReply);
        checked(delReply);
        assertTrue(nftAdd.ok() && nftDel.ok(), nftAdd + " " + nftDel);
        if (i >= 0) {
          t[0][i] = t1 - t0;
          t[1][i] = t2 - t1;
          t[2][i] = t3 - t2;
          t[3][i] = t4 - t3;
        }
      }
      long[] p50 = new long[t.length];
      for (int k = 0; k < t.length; k++) {
        Arrays.sort(t[k]);
        p50[k] = t[k][n / 2] / 1000;
      }
      System.out.printf("helper netlink relay, p50 over %d rounds: helper round trip alone (a refused"
          + " empty request) %d µs; GETGEN %d µs; one-element add + delete (two exchanges) %d µs;"
          + " the same add + delete through libnftables (two run calls) %d µs%n",
          n, p50[0], p50[1], p50[2], p50[3]);
      assertFalse(list(helper).contains("10.1.2."), "the deletes took effect");
    }
  }

  private static NetlinkReply checked(NetlinkReply r) {
    assertTrue(r.ok(), r.toString());
    List<Msg> answer = Msg.parse(r.answers());
    assertTrue(answer.stream().allMatch(m -> m.type != NLMSG_ERROR || m.error() == 0), answer.toString());
    return r;
  }

  // ------------------------------------------------------------------ message building

  private static List<Msg> exchange(NftHelper helper, byte[] messages) {
    NetlinkReply r = helper.netlink(messages, T);
    assertTrue(r.ok(), r.toString());
    return Msg.parse(r.answers());
  }

  private static long genId(NftHelper helper, int seq) {
    List<Msg> answer = exchange(helper, getGen(seq));
    assertEquals(NEWGEN, answer.get(0).type, answer.toString());
    return answer.get(0).genId();
  }

  private static String list(NftHelper helper) {
    NftResult r = helper.run("list set inet t s", 0, false);
    assertTrue(r.ok(), r.toString());
    return r.output();
  }

  private static byte[] getGen(int seq) {
    return new Nl().msg(GETGEN, NLM_F_REQUEST | NLM_F_ACK, seq, 0, 0).end().bytes();
  }

  private static byte[] getSet(int seq, String family, String table, String set) {
    int fam = family.equals("inet") ? NFPROTO_INET : 2;
    return new Nl().msg(GETSET, NLM_F_REQUEST | NLM_F_ACK, seq, fam, 0)
        .str(1, table).str(2, set).end().bytes(); // NFTA_SET_TABLE, NFTA_SET_NAME
  }

  private static byte[] ip(int a, int b, int c, int d) {
    return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
  }

  /** A NEWSETELEM or DELSETELEM of one element (an inet set keyed by ipv4_addr). */
  private static byte[] elements(int type, int seq, String table, String set, byte[] key) {
    int flags = NLM_F_REQUEST | NLM_F_ACK | (type == NEWSETELEM ? NLM_F_CREATE : 0);
    return new Nl().msg(type, flags, seq, NFPROTO_INET, 0)
        .str(1, table) // NFTA_SET_ELEM_LIST_TABLE
        .str(2, set) // NFTA_SET_ELEM_LIST_SET
        .nest(3) // NFTA_SET_ELEM_LIST_ELEMENTS
        .nest(1) // NFTA_LIST_ELEM
        .nest(1) // NFTA_SET_ELEM_KEY
        .attr(1, key) // NFTA_DATA_VALUE
        .endNest().endNest().endNest()
        .end().bytes();
  }

  /** Batch begin (sequence number {@code seq}), the messages, batch end ({@code seq + 100}). */
  private static byte[] batch(int seq, byte[]... messages) {
    Nl nl = new Nl().msg(BATCH_BEGIN, NLM_F_REQUEST, seq, 0, NFTABLES).end();
    for (byte[] m : messages) {
      nl.raw(m);
    }
    return nl.msg(BATCH_END, NLM_F_REQUEST, seq + 100, 0, NFTABLES).end().bytes();
  }

  private static byte[] concat(byte[]... parts) {
    Nl nl = new Nl();
    for (byte[] p : parts) {
      nl.raw(p);
    }
    return nl.bytes();
  }

  /**
   * A tiny netlink writer: nlmsghdr in host (little-endian) order, nfgenmsg (family, version 0,
   * res_id big-endian), attributes 4-byte aligned with host-order headers, payload integers
   * big-endian.
   */
  private static final class Nl {
    private final ByteBuffer b;
    private final Deque<Integer> nests = new ArrayDeque<>();
    private int start = -1;

    Nl() {
      this(1 << 16);
    }

    Nl(int capacity) {
      b = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    Nl msg(int type, int flags, int seq, int family, int resId) {
      start = b.position();
      b.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
      b.put((byte) family).put((byte) 0).put((byte) (resId >> 8)).put((byte) resId);
      return this;
    }

    Nl attr(int type, byte[] value) {
      b.putShort((short) (4 + value.length)).putShort((short) type).put(value);
      pad();
      return this;
    }

    Nl str(int type, String s) {
      byte[] v = Arrays.copyOf(s.getBytes(StandardCharsets.UTF_8), s.length() + 1);
      return attr(type, v);
    }

    Nl u32(int type, int value) {
      return attr(type, ByteBuffer.allocate(4).putInt(value).array()); // big-endian
    }

    Nl nest(int type) {
      nests.push(b.position());
      b.putShort((short) 0).putShort((short) (type | NLA_F_NESTED));
      return this;
    }

    Nl endNest() {
      int at = nests.pop();
      b.putShort(at, (short) (b.position() - at));
      return this;
    }

    Nl end() {
      b.putInt(start, b.position() - start);
      pad();
      return this;
    }

    Nl raw(byte[] bytes) {
      b.put(bytes);
      return this;
    }

    byte[] bytes() {
      return Arrays.copyOf(b.array(), b.position());
    }

    private void pad() {
      while (b.position() % 4 != 0) {
        b.put((byte) 0);
      }
    }
  }

  /** One answer message. */
  private record Msg(int length, int type, int flags, int seq, byte[] payload) {
    static List<Msg> parse(byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      List<Msg> out = new ArrayList<>();
      while (b.remaining() >= 16) {
        int at = b.position();
        int len = b.getInt(at);
        assertTrue(len >= 16 && len <= b.remaining(), "malformed answer at " + at + ": " + len);
        out.add(new Msg(len, b.getShort(at + 4) & 0xffff, b.getShort(at + 6) & 0xffff, b.getInt(at + 8),
            Arrays.copyOfRange(bytes, at + 16, at + len)));
        b.position(Math.min(bytes.length, at + ((len + 3) & ~3)));
      }
      assertEquals(0, b.remaining(), "trailing bytes");
      return out;
    }

    /** The error of an NLMSG_ERROR (0: an ack). */
    int error() {
      assertEquals(NLMSG_ERROR, type, "not an NLMSG_ERROR");
      return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    /** A top-level attribute after the nfgenmsg (4 bytes). */
    byte[] attr(int wanted) {
      ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
      int at = 4;
      while (at + 4 <= payload.length) {
        int len = b.getShort(at) & 0xffff;
        int type = b.getShort(at + 2) & 0x3fff;
        if (len < 4) {
          break;
        }
        if (type == wanted) {
          return Arrays.copyOfRange(payload, at + 4, at + len);
        }
        at += (len + 3) & ~3;
      }
      throw new AssertionError("no attribute " + wanted + " in " + this);
    }

    String stringAttr(int wanted) {
      byte[] v = attr(wanted);
      int n = v.length > 0 && v[v.length - 1] == 0 ? v.length - 1 : v.length;
      return new String(v, 0, n, StandardCharsets.UTF_8);
    }

    /** NFTA_GEN_ID of a NEWGEN. */
    long genId() {
      assertEquals(NEWGEN, type);
      return ByteBuffer.wrap(attr(1)).getInt() & 0xffff_ffffL;
    }

    @Override
    public String toString() {
      return "Msg[type 0x" + Integer.toHexString(type) + ", seq " + seq + ", len " + length
          + (type == NLMSG_ERROR ? ", error " + error() : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Msg m && m.length == length && m.type == type && m.flags == flags
          && m.seq == seq && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(payload) + 31 * seq;
    }
  }
}
