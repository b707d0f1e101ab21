package io.jnftables.nfnetlink;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the kernel says of a set ({@code NFT_MSG_NEWSET} answering a {@code GETSET}), as far as
 * encoding its elements needs: flags, key and data types and lengths.
 *
 * @param keyTypes the key's nft datatype ids, one per field of a concatenation
 * @param dataType the data's datatype id for a map ({@link #VERDICT} for a verdict map), or 0
 */
record SetInfo(int flags, List<Integer> keyTypes, int keyLen, int dataType, int dataLen) {
  static final int F_ANONYMOUS = 0x1;
  static final int F_CONSTANT = 0x2;
  static final int F_INTERVAL = 0x4;
  static final int F_MAP = 0x8;
  static final int F_OBJECT = 0x40;
  /** {@code NFT_DATA_VERDICT}: the data type of a verdict map. */
  static final int VERDICT = 0xffffff00;
  /** nft's composite datatype ids: each field takes 6 bits, the first field the highest. */
  private static final int TYPE_BITS = 6;

  boolean isMap() {
    return (flags & F_MAP) != 0;
  }

  /**
   * Why its elements cannot be written directly, or {@code null} if they can: intervals need
   * nft's overlap and merge logic; object maps, anonymous and constant sets are left to
   * libnftables, as are key and data types whose encoding depends on more than their id.
   */
  @Nullable String unsupported() {
    if ((flags & (F_INTERVAL | F_OBJECT | F_ANONYMOUS | F_CONSTANT)) != 0) {
      return "set flags 0x" + Integer.toHexString(flags);
    }
    int len = 0;
    for (int t : keyTypes) {
      DataType d = DataType.of(t);
      if (d == null) {
        return "key type " + t;
      }
      len += keyTypes.size() == 1 ? d.length() : (d.length() + 3) & ~3;
    }
    if (len != keyLen) {
      return "key length " + keyLen + " for types " + keyTypes;
    }
    if (isMap() && dataType != VERDICT) {
      DataType d = DataType.of(dataType);
      if (d == null || d.length() != dataLen) {
        return "data type " + dataType + " of length " + dataLen;
      }
    }
    return null;
  }

  /** The datatype ids of a (possibly composite) key type id. */
  static List<Integer> fields(int keyType) {
    java.util.ArrayDeque<Integer> ids = new java.util.ArrayDeque<>();
    int t = keyType;
    while (t != 0) {
      ids.addFirst(t & ((1 << TYPE_BITS) - 1));
      t >>>= TYPE_BITS;
    }
    return List.copyOf(ids);
  }
}
