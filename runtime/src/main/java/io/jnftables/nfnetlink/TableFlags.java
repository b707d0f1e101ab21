package io.jnftables.nfnetlink;

import io.jnftables.annotations.Family;
import io.jnftables.netlink.NfnetlinkTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Every table of a namespace with the flags the kernel holds for it, read by one
 * {@code GETTABLE} dump (no libnftables; tens of µs, a few percent of a JSON listing).
 *
 * <p>Why: nft 1.0.6 prints a table that has exactly one flag (e.g. only {@code dormant}) as JSON
 * after freeing that flag's string ({@code table_flags_json()}: {@code json_unpack(root, "[o]")}
 * takes no reference, then the array is freed; fixed upstream after 1.0.6). The listing then shows
 * some other string as the flag, or broken JSON, and the double free can abort the process. So
 * before libnftables lists tables as JSON, the client reads the flags here and lists such tables
 * as text instead.
 */
public final class TableFlags {
  private static final int NFNL_SUBSYS_NFTABLES = 10;
  private static final int NFT_MSG_NEWTABLE = 0;
  private static final int NFT_MSG_GETTABLE = 1;
  private static final int NLM_F_DUMP = 0x300;
  private static final int NLMSG_ERROR = 2;
  private static final int NLMSG_DONE = 3;
  private static final int NFTA_TABLE_NAME = 1;
  private static final int NFTA_TABLE_FLAGS = 2;
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() & 0x3fffffff) ^ 0x2000_0000);

  /**
   * One table.
   *
   * @param family its family, or null for a family number nft does not know
   * @param flags the kernel's {@code NFTA_TABLE_FLAGS} ({@code NFT_TABLE_F_*} bits)
   */
  public record Entry(@Nullable Family family, String name, int flags) {
    /** Whether nft 1.0.6 would print this table's flags from freed memory as JSON: exactly one bit. */
    public boolean garblesJson() {
      return Integer.bitCount(flags) == 1;
    }
  }

  private TableFlags() {}

  /**
   * Reads every table.
   *
   * @throws io.jnftables.netlink.NetlinkException if the exchange could not be made (or, through
   *     the helper, was refused: an older helper without the table dump)
   * @throws IllegalStateException if the kernel answered the dump with an error
   */
  public static List<Entry> read(NfnetlinkTransport transport, @Nullable Duration timeout) {
    NlWriter w = new NlWriter();
    int seq = SEQ.incrementAndGet();
    int m = w.begin(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE, NlWriter.NLM_F_REQUEST | NLM_F_DUMP, seq, 0, 0);
    w.end(m);
    return parse(transport.transact(w.toBytes(), timeout), seq);
  }

  static List<Entry> parse(byte[] answers, int seq) {
    List<Entry> out = new ArrayList<>();
    boolean done = false;
    for (NlAnswers.Message msg : NlAnswers.messages(answers)) {
      if (msg.seq() != seq) {
        continue;
      }
      if (msg.type() == NLMSG_ERROR && msg.errno() != 0) {
        throw new IllegalStateException("the kernel refused the table dump: errno " + msg.errno());
      }
      if (msg.type() == NLMSG_DONE) {
        done = true;
        continue;
      }
      if (msg.type() != (NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE)) {
        continue;
      }
      int nfproto = msg.data().get(msg.payload()) & 0xff;
      String name = null;
      int flags = 0;
      for (NlAnswers.Attr a : msg.attrs()) {
        if (a.type() == NFTA_TABLE_NAME) {
          name = a.string();
        } else if (a.type() == NFTA_TABLE_FLAGS && a.len() >= 4) {
          flags = a.u32();
        }
      }
      if (name != null) {
        out.add(new Entry(Families.family(nfproto), name, flags));
      }
    }
    if (!done) {
      throw new IllegalStateException("the table dump ended without NLMSG_DONE (" + answers.length + " bytes of answers)");
    }
    return List.copyOf(out);
  }
}
