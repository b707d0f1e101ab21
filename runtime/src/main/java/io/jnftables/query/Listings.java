package io.jnftables.query;

import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.NftObject;
import io.jnftables.model.Ruleset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs of what nft 1.0.6 leaves out of its JSON listing but prints in its text listing, so that
 * a listing can be applied again: the device of netdev (and inet ingress) base chains.
 */
public final class Listings {
  private static final Pattern TABLE = Pattern.compile("^table (\\S+) (\\S+) \\{$");
  private static final Pattern CHAIN = Pattern.compile("^\\s*chain (\\S+) \\{$");
  private static final Pattern DEVICE = Pattern.compile("hook \\S+ device \"?([^\" ]+)\"? priority");

  private Listings() {}

  /**
   * {@code json} with what {@code text} (the same ruleset's {@code nft list ruleset}) adds: the
   * single device of base chains whose JSON lacks it. Chains on several devices stay as they are
   * (the model has one device per chain).
   */
  public static Ruleset repair(Ruleset json, String text) {
    Map<String, String> devices = devices(text);
    if (devices.isEmpty()) {
      return json;
    }
    List<NftObject> out = new ArrayList<>(json.objects().size());
    for (NftObject o : json.objects()) {
      if (o instanceof Chain c && c.base() != null && c.base().device() == null) {
        String dev = devices.get(key(c.family().nftName(), c.table(), c.name()));
        if (dev != null) {
          BaseChain b = c.base();
          o = new Chain(c.family(), c.table(), c.name(), new BaseChain(b.type(), b.hook(), b.priority(), b.policy(), dev),
              c.handle(), c.comment(), c.newName());
        }
      }
      out.add(o);
    }
    return new Ruleset(out);
  }

  /** {@code "family table chain" → device} for base chains with one device in a text listing. */
  static Map<String, String> devices(String text) {
    Map<String, String> out = new HashMap<>();
    String family = null;
    String table = null;
    String chain = null;
    for (String line : text.lines().toList()) {
      Matcher m = TABLE.matcher(line);
      if (m.matches()) {
        family = m.group(1);
        table = m.group(2);
        chain = null;
        continue;
      }
      m = CHAIN.matcher(line);
      if (m.matches()) {
        chain = m.group(1);
        continue;
      }
      if (chain != null && line.contains(" hook ")) {
        m = DEVICE.matcher(line);
        if (m.find()) {
          out.put(key(family, table, chain), m.group(1));
        }
      }
    }
    return out;
  }

  private static String key(String family, String table, String chain) {
    return family + " " + table + " " + chain;
  }
}
