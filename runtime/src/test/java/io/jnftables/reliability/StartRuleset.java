package io.jnftables.reliability;

import io.jnftables.annotations.Family;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random, non-trivial starting ruleset for one atomicity batch: one to three tables (inet, ip,
 * ip6; some dormant), each with a base chain whose rules use counters, sets, a verdict map and the
 * named objects, a regular chain it jumps to, a scratch chain of counted rules, an empty chain, sets
 * and maps with elements, and named counters, quotas and limits. It remembers what it holds, so that
 * the batch generator can write commands that are valid and commands that must fail.
 */
final class StartRuleset {
  /** One table and what it holds (the element lists are the elements present). */
  static final class Tbl {
    final int index;
    final Family family;
    final String name;
    final boolean dormant;
    final List<String> addrs = new ArrayList<>();
    final List<Integer> ports = new ArrayList<>();
    final List<String> vmKeys = new ArrayList<>();
    final List<Integer> dmKeys = new ArrayList<>();
    final List<String> counters = new ArrayList<>();
    final List<String> quotas = new ArrayList<>();
    final List<String> limits = new ArrayList<>();
    final boolean spare;
    final int scratchRules;
    /** Handles of the scratch chain's rules, read back after loading. */
    final List<Long> scratchHandles = new ArrayList<>();

    Tbl(int index, Family family, boolean dormant, boolean spare, int scratchRules) {
      this.index = index;
      this.family = family;
      this.name = "t" + index;
      this.dormant = dormant;
      this.spare = spare;
      this.scratchRules = scratchRules;
    }

    boolean v6() {
      return family == Family.IP6;
    }

    /** The n-th address of this table's address space (v4 or v6 as its sets are typed). */
    String addr(int n) {
      return v6() ? "2001:db8:" + index + "::" + Integer.toHexString(n + 1)
          : "10." + index + "." + (n >> 8) + "." + (n & 255);
    }

    String saddr() {
      return v6() ? "ip6 saddr" : "ip saddr";
    }

    String addrType() {
      return v6() ? "ipv6_addr" : "ipv4_addr";
    }
  }

  final List<Tbl> tables = new ArrayList<>();
  final String text;

  private StartRuleset(Random r) {
    int n = 1 + r.nextInt(3);
    Family[] families = {Family.INET, Family.IP, Family.IP6};
    for (int i = 0; i < n; i++) {
      Family f = i == 0 ? Family.INET : families[r.nextInt(families.length)];
      Tbl t = new Tbl(i, f, r.nextInt(7) == 0, r.nextBoolean(), 1 + r.nextInt(5));
      for (String a : distinct(r, r.nextInt(25), 0, 1000)) {
        t.addrs.add(t.addr(Integer.parseInt(a)));
      }
      for (String p : distinct(r, r.nextInt(12), 1, 1000)) {
        t.ports.add(Integer.parseInt(p));
      }
      for (String k : distinct(r, r.nextInt(6), 5000, 6000)) {
        t.vmKeys.add(t.addr(Integer.parseInt(k)));
      }
      for (String k : distinct(r, r.nextInt(6), 1000, 2000)) {
        t.dmKeys.add(Integer.parseInt(k));
      }
      for (int c = r.nextInt(3); c > 0; c--) {
        t.counters.add("c" + c);
      }
      if (r.nextBoolean()) {
        t.quotas.add("q0");
      }
      if (r.nextBoolean()) {
        t.limits.add("l0");
      }
      tables.add(t);
    }
    this.text = render(r);
  }

  static StartRuleset random(Random r) {
    return new StartRuleset(r);
  }

  /** Whether a table has exactly one flag: nft 1.0.6 garbles those tables' JSON listing. */
  boolean hasOneFlagTable() {
    return tables.stream().anyMatch(t -> t.dormant);
  }

  private static List<String> distinct(Random r, int count, int from, int to) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      out.add(Integer.toString(from + r.nextInt(to - from)));
    }
    return new ArrayList<>(out);
  }

  private String render(Random r) {
    StringBuilder s = new StringBuilder();
    String[] hooks = {"input", "output", "forward"};
    for (Tbl t : tables) {
      s.append("table ").append(t.family.nftName()).append(' ').append(t.name).append(" {\n");
      if (t.dormant) {
        s.append("  flags dormant\n");
      }
      for (String c : t.counters) {
        s.append("  counter ").append(c).append(" { packets 0 bytes 0; }\n");
      }
      for (String q : t.quotas) {
        s.append("  quota ").append(q).append(" { over ").append(1 + r.nextInt(500)).append(" mbytes; }\n");
      }
      for (String l : t.limits) {
        s.append("  limit ").append(l).append(" { rate ").append(1 + r.nextInt(100)).append("/second; }\n");
      }
      s.append("  set a4 { type ").append(t.addrType()).append(';').append(elements(t.addrs)).append(" }\n");
      s.append("  set ports { type inet_service;").append(elements(t.ports)).append(" }\n");
      if (t.spare) {
        s.append("  set spare { type ").append(t.addrType()).append("; }\n");
      }
      List<String> vm = new ArrayList<>();
      String[] verdicts = {"accept", "drop", "jump sub", "goto sub"};
      for (String k : t.vmKeys) {
        vm.add(k + " : " + verdicts[r.nextInt(verdicts.length)]);
      }
      s.append("  map vm { type ").append(t.addrType()).append(" : verdict;").append(elements(vm)).append(" }\n");
      List<String> dm = new ArrayList<>();
      for (int k : t.dmKeys) {
        dm.add(k + " : " + t.addr(r.nextInt(1000)));
      }
      s.append("  map dm { type inet_service : ").append(t.addrType()).append(';').append(elements(dm)).append(" }\n");
      s.append("  chain input { type filter hook ").append(hooks[r.nextInt(hooks.length)])
          .append(" priority ").append(r.nextInt(101) - 50).append("; policy accept;\n");
      s.append("    ").append(t.saddr()).append(" @a4 counter drop\n");
      s.append("    tcp dport @ports counter accept\n");
      s.append("    ").append(t.saddr()).append(" vmap @vm\n");
      for (String c : t.counters) {
        s.append("    counter name \"").append(c).append("\"\n");
      }
      for (String q : t.quotas) {
        s.append("    quota name \"").append(q).append("\"\n");
      }
      for (String l : t.limits) {
        s.append("    limit name \"").append(l).append("\"\n");
      }
      s.append("    jump sub\n  }\n");
      s.append("  chain sub {\n    counter\n    return\n  }\n");
      s.append("  chain scratch {\n");
      for (int i = 0; i < t.scratchRules; i++) {
        s.append("    meta mark ").append(i + 1).append(" counter\n");
      }
      s.append("  }\n  chain lonely {\n  }\n}\n");
    }
    return s.toString();
  }

  private static String elements(List<?> values) {
    if (values.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" elements = { ");
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return s.append(" };").toString();
  }
}
