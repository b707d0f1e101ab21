package io.jnftables.nfnetlink;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.model.Command;
import io.jnftables.model.Element;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.netlink.NfnetlinkTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Applies batches made only of element updates ({@code add}, {@code create}, {@code delete
 * element}) of plain sets and maps by writing the kernel's nf_tables messages directly: one
 * netlink round trip instead of libnftables' cache rebuild (about eight round trips and a few
 * hundred KB of allocations per command in 1.0.6).
 *
 * <p>It never decides anything libnftables would decide differently. It writes only what it
 * encodes exactly as nft does (see {@link DataType}), asks the kernel for each set's types, and
 * sends the batch with the generation those types were read at ({@code NFNL_BATCH_GENID}): if the
 * ruleset changed since, the kernel refuses the whole batch ({@code ERESTART}) and the types are
 * read again. Whenever it cannot apply a batch — something it does not encode, a set it does not
 * handle, or any error from the kernel, which then applied nothing — it answers
 * {@link Outcome#NOT_APPLIED}, and the caller runs the batch through libnftables, which applies it
 * or fails with nft's own message and the failing command.
 *
 * <p>Thread-safe: calls run one at a time.
 */
public final class ElementUpdates {
  /** What {@link #apply} did. */
  public enum Outcome {
    /** The kernel committed the batch. */
    APPLIED,
    /** Nothing was changed; run the batch through libnftables. */
    NOT_APPLIED
  }

  private static final int NFNL_SUBSYS_NFTABLES = 10;
  private static final int NFNL_MSG_BATCH_BEGIN = 0x10;
  private static final int NFNL_MSG_BATCH_END = 0x11;
  private static final int NFNL_BATCH_GENID = 1;
  private static final int NFT_MSG_NEWSET = 9;
  private static final int NFT_MSG_GETSET = 10;
  private static final int NFT_MSG_NEWSETELEM = 12;
  private static final int NFT_MSG_DELSETELEM = 14;
  private static final int NFT_MSG_NEWGEN = 15;
  private static final int NFT_MSG_GETGEN = 16;
  private static final int NFTA_GEN_ID = 1;
  private static final int NFTA_SET_TABLE = 1;
  private static final int NFTA_SET_NAME = 2;
  private static final int NFTA_SET_FLAGS = 3;
  private static final int NFTA_SET_KEY_TYPE = 4;
  private static final int NFTA_SET_KEY_LEN = 5;
  private static final int NFTA_SET_DATA_TYPE = 6;
  private static final int NFTA_SET_DATA_LEN = 7;
  private static final int NFTA_SET_ELEM_LIST_TABLE = 1;
  private static final int NFTA_SET_ELEM_LIST_SET = 2;
  private static final int NFTA_SET_ELEM_LIST_ELEMENTS = 3;
  private static final int NFTA_LIST_ELEM = 1;
  private static final int NFTA_SET_ELEM_KEY = 1;
  private static final int NFTA_SET_ELEM_DATA = 2;
  private static final int NFTA_SET_ELEM_TIMEOUT = 4;
  private static final int NFTA_SET_ELEM_EXPIRATION = 5;
  private static final int NFTA_SET_ELEM_USERDATA = 6;
  private static final int NFTA_DATA_VALUE = 1;
  private static final int NFTA_DATA_VERDICT = 2;
  private static final int NFTA_VERDICT_CODE = 1;
  private static final int NFTA_VERDICT_CHAIN = 2;
  /** libnftnl's {@code NFTNL_UDATA_SET_ELEM_COMMENT}: how nft stores an element's comment. */
  private static final int UDATA_SET_ELEM_COMMENT = 0;
  private static final int ENOENT = 2;
  private static final int ERESTART = 85;
  /** A batch larger than this goes through libnftables (it splits big element lists itself). */
  static final int MAX_BATCH_BYTES = 60 * 1024;
  /**
   * A batch of more commands goes through libnftables: each command is acked, and the answers of
   * a few thousand acks overflow a socket's receive buffer (measured: ~2,500 in 1 MiB).
   */
  static final int MAX_COMMANDS = 256;
  /** Sequence numbers, unique within the JVM so that stale answers are recognised. */
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() & 0x3fffffff));

  private final NfnetlinkTransport transport;
  private final Map<SetKey, SetInfo> sets = new HashMap<>(); // guarded by this
  private long genid = -1; // guarded by this; -1: unknown
  private long applied; // guarded by this
  private long notApplied; // guarded by this
  private long lookUps; // guarded by this

  private record SetKey(Family family, String table, String name) {}

  private ElementUpdates(NfnetlinkTransport transport) {
    this.transport = transport;
  }

  public static ElementUpdates over(NfnetlinkTransport transport) {
    return new ElementUpdates(java.util.Objects.requireNonNull(transport, "transport"));
  }

  /**
   * Whether the batch has the shape this handles: only {@code add}, {@code create} and {@code
   * delete} of typed elements. Cheap; says nothing yet of the sets' types.
   */
  public static boolean handlesShape(Batch batch) {
    if (batch.isEmpty()) {
      return false;
    }
    for (Command c : batch.commands()) {
      if (!(c.object() instanceof Element e) || e.elements().isEmpty()
          || !(c.verb() == Verb.ADD || c.verb() == Verb.CREATE || c.verb() == Verb.DELETE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Applies the batch directly, or changes nothing and says so.
   *
   * @param timeout for each exchange with the kernel ({@code null}: none)
   * @throws io.jnftables.netlink.NetlinkException if an exchange failed (see its {@code maybeSent})
   * @throws io.jnftables.libnft.NftTimeoutException if the kernel's answer did not come in time
   */
  public synchronized Outcome apply(Batch batch, @Nullable Duration timeout) {
    if (!handlesShape(batch) || batch.size() > MAX_COMMANDS) {
      return notApplied();
    }
    Set<SetKey> keys = new LinkedHashSet<>();
    for (Command c : batch.commands()) {
      Element e = (Element) c.object();
      keys.add(new SetKey(e.family(), e.table(), e.name()));
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      boolean fresh = false;
      if (genid < 0 || !sets.keySet().containsAll(keys)) {
        if (!lookUp(keys, timeout)) {
          return notApplied();
        }
        fresh = true;
      }
      byte[] messages = encode(batch);
      if (messages == null) {
        if (fresh) {
          return notApplied();
        }
        forget(); // the types read earlier may be out of date: read them again before deciding
        continue;
      }
      byte[] answers = transport.transact(messages, timeout);
      int begin = beginSeq(messages);
      boolean failed = false;
      boolean stale = false;
      for (NlAnswers.Message m : NlAnswers.messages(answers)) {
        if (m.type() == NlAnswers.NLMSG_ERROR && m.errno() != 0) {
          failed = true;
          stale |= m.seq() == begin && m.errno() == ERESTART;
        }
      }
      if (!failed) {
        genid = nextGenid(genid);
        applied++;
        return Outcome.APPLIED;
      }
      if (!stale) {
        // The kernel refused a command and applied nothing. libnftables runs the batch again and
        // reports the failure as nft does. The types may be what changed: read them again next time.
        forget();
        return notApplied();
      }
      forget(); // the ruleset changed since the types were read
    }
    return notApplied();
  }

  /**
   * How many batches were applied directly, how many were handed back, and how many times the
   * generation and set types were read (once, then again only after the ruleset changed).
   */
  public synchronized long[] counts() {
    return new long[] {applied, notApplied, lookUps};
  }

  private Outcome notApplied() {
    notApplied++;
    return Outcome.NOT_APPLIED;
  }

  private void forget() {
    genid = -1;
    sets.clear();
  }

  private static long nextGenid(long g) {
    long n = (g + 1) & 0xffffffffL;
    return n == 0 ? 1 : n; // the kernel skips 0
  }

  private static int beginSeq(byte[] messages) {
    return java.nio.ByteBuffer.wrap(messages).order(java.nio.ByteOrder.nativeOrder()).getInt(8);
  }

  /** Reads the generation, then each set's types, in one exchange. False if a set is missing. */
  private boolean lookUp(Set<SetKey> keys, @Nullable Duration timeout) {
    lookUps++;
    NlWriter w = new NlWriter();
    int genSeq = SEQ.incrementAndGet();
    int m = w.begin(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETGEN, NlWriter.NLM_F_REQUEST | NlWriter.NLM_F_ACK, genSeq, 0, 0);
    w.end(m);
    Map<Integer, SetKey> bySeq = new HashMap<>();
    for (SetKey k : keys) {
      int seq = SEQ.incrementAndGet();
      bySeq.put(seq, k);
      m = w.begin(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETSET, NlWriter.NLM_F_REQUEST | NlWriter.NLM_F_ACK, seq,
          Families.nfproto(k.family()), 0);
      w.string(NFTA_SET_TABLE, k.table());
      w.string(NFTA_SET_NAME, k.name());
      w.end(m);
    }
    long gen = -1;
    Map<SetKey, SetInfo> found = new HashMap<>();
    for (NlAnswers.Message a : NlAnswers.messages(transport.transact(w.toBytes(), timeout))) {
      int type = a.type();
      if (type == (NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWGEN) && a.seq() == genSeq) {
        for (NlAnswers.Attr at : a.attrs()) {
          if (at.type() == NFTA_GEN_ID) {
            gen = at.u32() & 0xffffffffL;
          }
        }
      } else if (type == (NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWSET) && bySeq.containsKey(a.seq())) {
        found.put(bySeq.get(a.seq()), setInfo(a));
      }
    }
    if (gen <= 0 || found.size() != keys.size()) {
      return false; // a missing set (ENOENT): libnftables says so as nft does
    }
    genid = gen;
    sets.putAll(found);
    return true;
  }

  private static SetInfo setInfo(NlAnswers.Message m) {
    int flags = 0;
    int keyType = 0;
    int keyLen = 0;
    int dataType = 0;
    int dataLen = 0;
    for (NlAnswers.Attr a : m.attrs()) {
      switch (a.type()) {
        case NFTA_SET_FLAGS -> flags = a.u32();
        case NFTA_SET_KEY_TYPE -> keyType = a.u32();
        case NFTA_SET_KEY_LEN -> keyLen = a.u32();
        case NFTA_SET_DATA_TYPE -> dataType = a.u32();
        case NFTA_SET_DATA_LEN -> dataLen = a.u32();
        default -> { }
      }
    }
    return new SetInfo(flags, SetInfo.fields(keyType), keyLen, dataType, dataLen);
  }

  /** The batch as nf_tables messages, or {@code null} if any element is not written directly. */
  private byte @Nullable [] encode(Batch batch) {
    NlWriter w = new NlWriter();
    int begin = w.begin(NFNL_MSG_BATCH_BEGIN, NlWriter.NLM_F_REQUEST, SEQ.incrementAndGet(), 0, NFNL_SUBSYS_NFTABLES);
    w.u32(NFNL_BATCH_GENID, (int) genid);
    w.end(begin);
    for (Command c : batch.commands()) {
      Element e = (Element) c.object();
      SetInfo info = sets.get(new SetKey(e.family(), e.table(), e.name()));
      if (info == null || info.unsupported() != null) {
        return null;
      }
      boolean delete = c.verb() == Verb.DELETE;
      int flags = NlWriter.NLM_F_REQUEST | NlWriter.NLM_F_ACK;
      if (!delete) {
        flags |= NlWriter.NLM_F_CREATE | (c.verb() == Verb.CREATE ? NlWriter.NLM_F_EXCL : 0);
      }
      int m = w.begin(NFNL_SUBSYS_NFTABLES << 8 | (delete ? NFT_MSG_DELSETELEM : NFT_MSG_NEWSETELEM), flags,
          SEQ.incrementAndGet(), Families.nfproto(e.family()), 0);
      w.string(NFTA_SET_ELEM_LIST_TABLE, e.table());
      w.string(NFTA_SET_ELEM_LIST_SET, e.name());
      int list = w.open(NFTA_SET_ELEM_LIST_ELEMENTS);
      for (Expression x : e.elements()) {
        if (!element(w, info, x, delete)) {
          return null;
        }
      }
      w.close(list);
      w.end(m);
      if (w.size() > MAX_BATCH_BYTES) {
        return null;
      }
    }
    int end = w.begin(NFNL_MSG_BATCH_END, NlWriter.NLM_F_REQUEST, SEQ.incrementAndGet(), 0, NFNL_SUBSYS_NFTABLES);
    w.end(end);
    return w.toBytes();
  }

  /** One {@code NFTA_LIST_ELEM}; false if the element is not written directly. */
  private static boolean element(NlWriter w, SetInfo info, Expression x, boolean delete) {
    Expression key = x;
    Expression data = null;
    if (x instanceof MappingExpr mapping) {
      key = mapping.key();
      data = mapping.value();
    }
    ElemExpr options = null;
    if (key instanceof ElemExpr el) {
      options = el;
      key = el.value();
      if (!el.statements().isEmpty()) {
        return false; // per-element statements: libnftables writes those
      }
    }
    if (info.isMap() != (data != null) && !(delete && data == null)) {
      return false;
    }
    byte[] keyBytes = key(info, key);
    if (keyBytes == null) {
      return false;
    }
    int el = w.open(NFTA_LIST_ELEM);
    int k = w.open(NFTA_SET_ELEM_KEY);
    w.bytes(NFTA_DATA_VALUE, keyBytes);
    w.close(k);
    if (data != null && !delete) {
      if (!data(w, info, data)) {
        return false;
      }
    }
    if (options != null && !delete) {
      if (options.timeout() != null) {
        w.u64(NFTA_SET_ELEM_TIMEOUT, options.timeout() * 1000);
      }
      if (options.expires() != null) {
        w.u64(NFTA_SET_ELEM_EXPIRATION, options.expires() * 1000);
      }
      if (options.comment() != null) {
        byte[] text = options.comment().getBytes(StandardCharsets.UTF_8);
        if (text.length + 1 > 255) {
          return false;
        }
        byte[] udata = new byte[text.length + 3]; // TLV: type, length, NUL-terminated text
        udata[0] = (byte) UDATA_SET_ELEM_COMMENT;
        udata[1] = (byte) (text.length + 1);
        System.arraycopy(text, 0, udata, 2, text.length);
        w.bytes(NFTA_SET_ELEM_USERDATA, udata);
      }
    }
    w.close(el);
    return true;
  }

  private static byte @Nullable [] key(SetInfo info, Expression key) {
    List<Integer> types = info.keyTypes();
    if (types.size() == 1) {
      DataType d = DataType.of(types.get(0));
      return d == null ? null : d.encode(key);
    }
    if (!(key instanceof ConcatExpr concat) || concat.elements().size() != types.size()) {
      return null;
    }
    byte[] out = new byte[info.keyLen()];
    int at = 0;
    for (int i = 0; i < types.size(); i++) {
      DataType d = DataType.of(types.get(i));
      byte[] part = d == null ? null : d.encode(concat.elements().get(i));
      if (part == null) {
        return null;
      }
      System.arraycopy(part, 0, out, at, part.length);
      at += (part.length + 3) & ~3; // each field of a concatenation takes whole 32-bit words
    }
    return out;
  }

  private static boolean data(NlWriter w, SetInfo info, Expression data) {
    int d = w.open(NFTA_SET_ELEM_DATA);
    if (info.dataType() == SetInfo.VERDICT) {
      if (!(data instanceof VerdictExpr v)) {
        return false;
      }
      Verdict verdict = v.verdict();
      Integer code = switch (verdict.kind()) {
        case ACCEPT -> 1;
        case DROP -> 0;
        case CONTINUE -> -1;
        case JUMP -> -3;
        case GOTO -> -4;
        case RETURN -> -5;
      };
      int vd = w.open(NFTA_DATA_VERDICT);
      w.u32(NFTA_VERDICT_CODE, code);
      if (verdict.target() != null) {
        w.string(NFTA_VERDICT_CHAIN, verdict.target());
      }
      w.close(vd);
    } else {
      DataType type = DataType.of(info.dataType());
      byte[] bytes = type == null ? null : type.encode(data);
      if (bytes == null) {
        return false;
      }
      w.bytes(NFTA_DATA_VALUE, bytes);
    }
    w.close(d);
    return true;
  }
}
