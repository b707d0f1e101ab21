package io.jnftables.query;

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
 * a JSON listing can be applied again: the devices of netdev (and inet ingress) base chains. The
 * full-fidelity listing ({@code Nftables.listRuleset(Fidelity.TEXT)}) needs no repair.
 */
public final class Listings {
  private static final Pattern TABLE = Pattern.compile("^table (\\S+) (\\S+) \\{( # handle \\d+)?$");
  private static final Pattern CHAIN = Pattern.compile("^\\s*chain (\\S+) \\{( # handle \\d+)?$");
  private static final Pattern DEVICE = Pattern.compile("hook \\S+ device \"?([^\" ]+)\"? priority");
  private static final Pattern DEVICES = Pattern.compile("hook \\S+ devices = \\{ ([^}]*) \\} priority");

  private Listings() {}

  /**
   * {@code json} with what {@code text} (the same ruleset's {@code nft list ruleset}) adds: the
   * devices of base chains whose JSON lacks them.
   */
  public static Ruleset repair(Ruleset json, String text) {
    Map<String, List<String>> devices = devices(text);
    if (devices.isEmpty()) {
      return json;
    }
    List<NftObject> out = new ArrayList<>(json.objects().size());
    for (NftObject o : json.objects()) {
      if (o instanceof Chain c && c.base() != null && c.base().devices().isEmpty()) {
        List<String> dev = devices.get(key(c.family().nftName(), c.table(), c.name()));
        if (dev != null) {
          o = new Chain(c.family(), c.table(), c.name(), c.base().withDevices(dev), c.handle(), c.comment(),
              c.newName());
        }
      }
      out.add(o);
    }
    return new Ruleset(out);
  }

  /** {@code "family table chain" → devices} for base chains on devices in a text listing. */
  static Map<String, List<String>> devices(String text) {
    Map<String, List<String>> out = new HashMap<>();
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
          out.put(key(family, table, chain), List.of(m.group(1)));
          continue;
        }
        m = DEVICES.matcher(line);
        if (m.find()) {
          List<String> devs = new ArrayList<>();
          for (String d : m.group(1).split(",")) {
            devs.add(d.strip().replace("\"", ""));
          }
          out.put(key(family, table, chain), List.copyOf(devs));
        }
      }
    }
    return out;
  }

  private static String key(String family, String table, String chain) {
    return family + " " + table + " " + chain;
  }
}
