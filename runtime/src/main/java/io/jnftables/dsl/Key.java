package io.jnftables.dsl;

import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ExthdrExpr;
import io.jnftables.model.expr.FibExpr;
import io.jnftables.model.expr.IpOptionExpr;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.NumgenExpr;
import io.jnftables.model.expr.OsfExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PayloadOffsetExpr;
import io.jnftables.model.expr.RtExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.SocketExpr;
import io.jnftables.model.expr.SymhashExpr;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.validate.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something nft can read from a packet or its context: a header field ({@code ip saddr}), a meta
 * or ct key, a hash, a concatenation… A key is the left side of a match, the key of a set lookup,
 * a meter or a map, or the value of a {@code set} statement.
 *
 * <pre>{@code
 * Key.ipSaddr()                              // ip saddr
 * Key.concat(Key.ipSaddr(), Key.tcpDport())  // ip saddr . tcp dport
 * Key.tcpDport().map("ports")                // tcp dport map @ports
 * Key.jhash(Key.ipSaddr(), 4)                // jhash ip saddr mod 4
 * }</pre>
 */
public final class Key {
  private final Expression expression;
  private final ValueType type;
  private final String text;

  Key(Expression expression, ValueType type, String text) {
    this.expression = Objects.requireNonNull(expression);
    this.type = type;
    this.text = text;
  }

  /** The model expression. */
  public Expression expression() {
    return expression;
  }

  ValueType type() {
    return type;
  }

  /** The key as nft writes it, e.g. {@code ip saddr}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key k && k.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  // ------------------------------------------------------------------------------ payload

  /** A header field: {@code payload("tcp", "dport")} is {@code tcp dport}. Checked against nft 1.0.6's fields. */
  public static Key payload(String protocol, String field) {
    ValueType t = Headers.field(protocol, field);
    return new Key(new PayloadExpr(protocol, field), t, protocol + " " + field);
  }

  /** Raw payload bits: {@code @th,16,16}; {@code offset} and {@code length} in bits. */
  public static Key raw(PayloadBase base, int offset, int length) {
    Validate.range("payload offset", offset, 0, 65535);
    Validate.range("payload length", length, 1, 128 * 8);
    return new Key(
        new PayloadOffsetExpr(base.nft(), offset, length), ValueType.integer("raw payload", Math.min(length, 63)),
        "@" + base.nft() + "," + offset + "," + length);
  }

  public static Key ipSaddr() {
    return payload("ip", "saddr");
  }

  public static Key ipDaddr() {
    return payload("ip", "daddr");
  }

  public static Key ip6Saddr() {
    return payload("ip6", "saddr");
  }

  public static Key ip6Daddr() {
    return payload("ip6", "daddr");
  }

  public static Key tcpDport() {
    return payload("tcp", "dport");
  }

  public static Key tcpSport() {
    return payload("tcp", "sport");
  }

  public static Key udpDport() {
    return payload("udp", "dport");
  }

  public static Key udpSport() {
    return payload("udp", "sport");
  }

  /** {@code th dport}: the destination port of any transport header with ports. */
  public static Key thDport() {
    return payload("th", "dport");
  }

  public static Key thSport() {
    return payload("th", "sport");
  }

  public static Key etherSaddr() {
    return payload("ether", "saddr");
  }

  public static Key etherDaddr() {
    return payload("ether", "daddr");
  }

  // ------------------------------------------------------------------------------ meta, ct

  /** A meta key: {@code meta("mark")} is {@code meta mark}. */
  public static Key meta(String key) {
    boolean unqualified = java.util.Set.of("iif", "oif", "iifname", "oifname", "iifgroup", "oifgroup").contains(key);
    return new Key(new MetaExpr(key), Headers.meta(key), (unqualified ? "" : "meta ") + key);
  }

  public static Key metaMark() {
    return meta("mark");
  }

  public static Key iifname() {
    return meta("iifname");
  }

  public static Key oifname() {
    return meta("oifname");
  }

  public static Key l4proto() {
    return meta("l4proto");
  }

  /** A conntrack key: {@code ct("mark")} is {@code ct mark}. */
  public static Key ct(String key) {
    return new Key(new CtExpr(key), Headers.ct(key), "ct " + key);
  }

  /** A conntrack key of one direction: {@code ct(ORIGINAL, "ip saddr")} is {@code ct original ip saddr}. */
  public static Key ct(CtDirection dir, String key) {
    return new Key(new CtExpr(key, null, dir.nft()), Headers.ctDir(key), "ct " + dir.nft() + " " + key);
  }

  public static Key ctMark() {
    return ct("mark");
  }

  // ------------------------------------------------------------------------------ others

  /** {@code rt mtu}, {@code rt nexthop}, {@code rt classid}, {@code rt ipsec}. */
  public static Key rt(String key) {
    ValueType t =
        switch (key) {
          case "mtu", "classid" -> ValueType.U32;
          case "nexthop" -> ValueType.IPADDR;
          case "ipsec" -> ValueType.BOOLEAN;
          default -> throw new IllegalArgumentException("unknown rt key \"" + key + "\"; known: classid, nexthop, mtu, ipsec");
        };
    return new Key(new RtExpr(key), t, "rt " + key);
  }

  /** {@code socket transparent}, {@code socket mark}, {@code socket wildcard}. */
  public static Key socket(String key) {
    ValueType t =
        switch (key) {
          case "transparent", "wildcard" -> ValueType.integer("socket " + key, 1);
          case "mark" -> ValueType.MARK;
          default -> throw new IllegalArgumentException("unknown socket key \"" + key + "\"; known: transparent, mark, wildcard");
        };
    return new Key(new SocketExpr(key), t, "socket " + key);
  }

  /** {@code osf [ttl loose|skip] name|version}. {@code ttl} null: nft's default. */
  public static Key osf(String key, @Nullable OsfTtl ttl) {
    if (!key.equals("name") && !key.equals("version")) {
      throw new IllegalArgumentException("unknown osf key \"" + key + "\"; known: name, version");
    }
    return new Key(
        new OsfExpr(key, ttl == null ? null : ttl.nft()), ValueType.STRING,
        "osf " + (ttl == null ? "" : "ttl " + ttl.nft() + " ") + key);
  }

  /** A TCP option: {@code tcpOption("maxseg", "size")}; {@code field} null to test presence. */
  public static Key tcpOption(String name, @Nullable String field) {
    String n = name.equals("mss") ? "maxseg" : name;
    return new Key(
        new TcpOptionExpr(n, field), field == null ? ValueType.BOOLEAN : ValueType.U32,
        "tcp option " + n + (field == null ? "" : " " + field));
  }

  /** An IPv4 option: {@code ipOption("rr", null)}. */
  public static Key ipOption(String name, @Nullable String field) {
    return new Key(
        new IpOptionExpr(name, field), field == null ? ValueType.BOOLEAN : ValueType.U32,
        "ip option " + name + (field == null ? "" : " " + field));
  }

  /** An IPv6 extension header: {@code exthdr("frag", null)}. */
  public static Key exthdr(String name, @Nullable String field) {
    return new Key(
        new ExthdrExpr(name, field, null), field == null ? ValueType.BOOLEAN : ValueType.U32,
        "exthdr " + name + (field == null ? "" : " " + field));
  }

  /** A FIB lookup: {@code fib(OIF, SADDR, IIF)} is {@code fib saddr . iif oif}. */
  public static Key fib(FibResult result, FibFlag... flags) {
    if (flags.length == 0) {
      throw new IllegalArgumentException("fib needs saddr or daddr among its flags");
    }
    List<String> f = new ArrayList<>();
    StringBuilder t = new StringBuilder("fib ");
    for (FibFlag fl : flags) {
      f.add(fl.nft());
      t.append(f.size() > 1 ? " . " : "").append(fl.nft());
    }
    if (!f.contains("saddr") && !f.contains("daddr")) {
      throw new IllegalArgumentException("fib needs saddr or daddr among its flags, got " + f);
    }
    if (f.contains("saddr") && f.contains("daddr")) {
      throw new IllegalArgumentException("fib takes saddr or daddr, not both");
    }
    ValueType type =
        switch (result) {
          case TYPE -> ValueType.FIB_TYPE;
          case OIFNAME -> ValueType.IFNAME;
          case OIF -> ValueType.STRING;
        };
    return new Key(new FibExpr(result.nft(), f), type, t + " " + result.nft());
  }

  /** {@code numgen inc|random mod N [offset O]}. */
  public static Key numgen(NumgenMode mode, long mod, long offset) {
    Validate.range("numgen mod", mod, 1, 0xffff_ffffL);
    return new Key(
        new NumgenExpr(mode.nft(), mod, offset), ValueType.U32,
        "numgen " + mode.nft() + " mod " + mod + (offset == 0 ? "" : " offset " + offset));
  }

  public static Key numgen(NumgenMode mode, long mod) {
    return numgen(mode, mod, 0);
  }

  /** {@code jhash KEY mod N [seed S] [offset O]}. */
  public static Key jhash(Key key, long mod, @Nullable Long seed, @Nullable Long offset) {
    Validate.range("jhash mod", mod, 1, 0xffff_ffffL);
    return new Key(
        new JhashExpr(key.expression, mod, seed, offset), ValueType.U32,
        "jhash " + key.text + " mod " + mod + (seed == null ? "" : " seed 0x" + Long.toHexString(seed))
            + (offset == null ? "" : " offset " + offset));
  }

  public static Key jhash(Key key, long mod) {
    return jhash(key, mod, null, null);
  }

  /** {@code symhash mod N [offset O]}. */
  public static Key symhash(long mod, @Nullable Long offset) {
    Validate.range("symhash mod", mod, 1, 0xffff_ffffL);
    return new Key(
        new SymhashExpr(mod, offset), ValueType.U32, "symhash mod " + mod + (offset == null ? "" : " offset " + offset));
  }

  /** Keys joined: {@code ip saddr . tcp dport}. Values are {@link Tuple}s. */
  public static Key concat(Key... keys) {
    if (keys.length < 2) {
      throw new IllegalArgumentException("a concatenation needs at least two keys, got " + keys.length);
    }
    List<Expression> parts = new ArrayList<>();
    List<ValueType> types = new ArrayList<>();
    StringBuilder t = new StringBuilder();
    for (Key k : keys) {
      parts.add(k.expression);
      types.add(k.type);
      t.append(t.length() > 0 ? " . " : "").append(k.text);
    }
    return new Key(new ConcatExpr(parts), ValueType.concat(types), t.toString());
  }

  // ------------------------------------------------------------------------------ derived

  /** {@code KEY & mask}. */
  public Key and(long mask) {
    return new Key(new BinaryExpr(BinaryOperator.AND, expression, new NumberLiteral(mask)), type, text + " & " + hex(mask));
  }

  /** {@code KEY | bits}. */
  public Key or(long bits) {
    return new Key(new BinaryExpr(BinaryOperator.OR, expression, new NumberLiteral(bits)), type, text + " | " + hex(bits));
  }

  /** {@code KEY ^ bits}. */
  public Key xor(long bits) {
    return new Key(new BinaryExpr(BinaryOperator.XOR, expression, new NumberLiteral(bits)), type, text + " ^ " + hex(bits));
  }

  /** A lookup in a named map: {@code KEY map @name}; the result's type is the map's value type. */
  public Key map(String mapName) {
    Validate.name("map", mapName);
    return new Key(new MapExpr(expression, new SetReference(mapName)), ValueType.ANY, text + " map @" + mapName);
  }

  /**
   * A lookup in an anonymous map: {@code KEY map { k : v, … }}. Keys are checked against this key's
   * type; values are taken as given (numbers, addresses as text, symbols).
   */
  public Key map(Map<?, ?> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an anonymous map needs at least one entry");
    }
    List<Expression> elems = new ArrayList<>();
    StringBuilder t = new StringBuilder(text).append(" map { ");
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      elems.add(new MappingExpr(type.element(e.getKey(), text), ValueType.literal(e.getValue(), text + " map value")));
      if (elems.size() > 1) {
        t.append(", ");
      }
      t.append(e.getKey()).append(" : ").append(e.getValue());
    }
    return new Key(new MapExpr(expression, new SetExpr(elems)), ValueType.ANY, t.append(" }").toString());
  }

  private static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }
}
