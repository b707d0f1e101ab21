package io.jnftables.batch;

import static io.jnftables.dsl.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.model.Command;
import io.jnftables.model.Verb;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.validate.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's JSON, context rules and checks, without a kernel. */
class BuilderTest {

  private static void fails(Class<? extends Throwable> type, String message, Runnable r) {
    Throwable e = assertThrows(type, r::run);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void contextIsCarriedAndTheJsonIsWhatNftTakes() {
    Builder b = Builder.create(Family.INET).addTable("filter").addChain("input").addRule(tcp().dport(22).accept())
        .addSet("s", "ipv4_addr").addElements("10.0.0.1");
    assertEquals(
        "{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"filter\"}}},"
            + "{\"add\":{\"chain\":{\"family\":\"inet\",\"table\":\"filter\",\"name\":\"input\"}}},"
            + "{\"add\":{\"rule\":{\"family\":\"inet\",\"table\":\"filter\",\"chain\":\"input\",\"expr\":"
            + "[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},\"right\":22}},"
            + "{\"accept\":null}]}}},"
            + "{\"add\":{\"set\":{\"family\":\"inet\",\"name\":\"s\",\"table\":\"filter\",\"type\":\"ipv4_addr\"}}},"
            + "{\"add\":{\"element\":{\"family\":\"inet\",\"table\":\"filter\",\"name\":\"s\",\"elem\":[\"10.0.0.1\"]}}}]}",
        b.toJson());
    assertEquals(5, b.size());
    assertEquals("s", b.currentSet());
    assertEquals("Builder[inet filter input, 5 command(s)]", b.toString());
  }

  @Test
  void buildersAreImmutable() {
    Builder a = Builder.create().addTable("t");
    Builder b = a.addChain("c");
    assertNotSame(a, b);
    assertEquals(1, a.size());
    assertEquals(2, b.size());
    assertEquals(null, a.currentChain());
  }

  @Test
  void missingContextSaysWhatToCall() {
    fails(IllegalStateException.class, "no table: call table(\"name\") or addTable(\"name\") first", () -> Builder.create().addChain("c"));
    fails(IllegalStateException.class, "no chain: call chain(\"name\")", () -> Builder.create().table("t").addRule(accept()));
    fails(IllegalStateException.class, "no set or map", () -> Builder.create().table("t").addElements("1.2.3.4"));
    fails(InvalidValueException.class, "invalid table name", () -> Builder.create().addTable("bad name"));
    fails(InvalidValueException.class, "invalid chain name", () -> Builder.create().table("t").addChain("-x"));
    fails(IllegalArgumentException.class, "use addMap", () -> Builder.create().table("t").addSet("m", SetSpec.of("inet_service").map("verdict")));
    fails(IllegalArgumentException.class, "has no value type", () -> Builder.create().table("t").addMap("m", SetSpec.of("inet_service")));
    fails(InvalidValueException.class, "rule index", () -> Builder.create().table("t").chain("c").addRuleAt(-1, accept()));
    fails(IllegalArgumentException.class, "no elements given", () -> Builder.create().table("t").set("s").addElements());
  }

  @Test
  void elementsAreCheckedAgainstTheSetType() {
    Builder b = Builder.create().addTable("t").addSet("a", SetSpec.of("ipv4_addr").flags("interval"));
    fails(InvalidValueException.class, "an IPv4 address is expected", () -> b.addElements("::1"));
    fails(InvalidValueException.class, "leading zero", () -> b.addElements("010.1.1.1"));
    Builder p = b.addSet("p", SetSpec.of("inet_service"));
    fails(InvalidValueException.class, "outside 0..65535", () -> p.addElements(70000));
    Builder c = b.addSet("c", SetSpec.of("ipv4_addr", "inet_service"));
    fails(InvalidValueException.class, "a Tuple of 2 values is expected", () -> c.addElements("1.2.3.4"));
    Builder m = b.addMap("m", SetSpec.of("inet_service").map("verdict"));
    fails(IllegalArgumentException.class, "needs a value", () -> m.addElements(22));
    fails(InvalidValueException.class, "a Verdict", () -> m.addElements(Elem.mapping(22, "accept")));
    assertTrue(m.addElements(Elem.mapping(22, Verdict.ACCEPT), Map.entry(80, Verdict.jump("x"))).toJson()
        .endsWith("\"elem\":[[22,{\"accept\":null}],[80,{\"jump\":{\"target\":\"x\"}}]]}}}]}"));
    // a set the builder did not add: values are taken as they come, addresses still checked
    fails(InvalidValueException.class, "IPv4 address", () -> Builder.create().table("t").set("x").addElements("1.2.3.400"));
    assertTrue(Builder.create().table("t").set("x").addElements("lo", 22).toJson().contains("\"elem\":[\"lo\",22]"));
  }

  @Test
  void setSpecs() {
    String json = Builder.create().addTable("t")
        .addSet("s", SetSpec.of("ipv4_addr").timeout(Duration.ofMinutes(5)).gcInterval(Duration.ofSeconds(30)).size(100)
            .policy("memory").counter().elements(Elem.of("10.0.0.1").timeout(Duration.ofSeconds(10)).comment("c")))
        .toJson();
    assertTrue(json.contains("\"set\":{\"family\":\"inet\",\"name\":\"s\",\"table\":\"t\",\"type\":\"ipv4_addr\",\"policy\":\"memory\","
        + "\"size\":100,\"flags\":[\"timeout\"],\"timeout\":300,\"gc-interval\":30,"
        + "\"elem\":[{\"elem\":{\"val\":\"10.0.0.1\",\"timeout\":10,\"comment\":\"c\"}}],\"stmt\":[{\"counter\":null}]}"), json);
    fails(InvalidValueException.class, "nft 1.0.6 accepts constant, interval and timeout", () -> SetSpec.of("ipv4_addr").flags("dynamic"));
    fails(InvalidValueException.class, "an nft data type name", () -> SetSpec.of("IPv4"));
    fails(InvalidValueException.class, "performance or memory", () -> SetSpec.of("ipv4_addr").policy("fast"));
    fails(InvalidValueException.class, "whole seconds", () -> Elem.of(1).timeout(Duration.ofMillis(10)));
  }

  @Test
  void destroyIsEmulatedAsAddThenDelete() {
    List<Command> c = Builder.create().destroyTable("t").commands();
    assertEquals(List.of(Verb.ADD, Verb.DELETE), c.stream().map(Command::verb).toList());
    List<Command> n = Builder.create().nativeDestroy(true).destroyTable("t").commands();
    assertEquals(List.of(Verb.DESTROY), n.stream().map(Command::verb).toList());
    assertEquals(List.of(Verb.DESTROY), Builder.create().nativeDestroy(true).table("t").chain("c").destroyRule(5)
        .commands().stream().map(Command::verb).toList());
    fails(UnsupportedOperationException.class, "nft 1.0.6 has no destroy", () -> Builder.create().table("t").chain("c").destroyRule(5));
  }

  @Test
  void namedObjects() {
    String json = Builder.create().addTable("t").addQuota("q", 1, io.jnftables.dsl.ByteUnit.MBYTES, true)
        .addLimit("l", 10, io.jnftables.dsl.Per.SECOND, 20, false).addCounter("c", 1, 2).toJson();
    assertTrue(json.contains("{\"quota\":{\"family\":\"inet\",\"name\":\"q\",\"table\":\"t\",\"bytes\":1048576,\"inv\":true}}"), json);
    assertTrue(json.contains("{\"limit\":{\"family\":\"inet\",\"name\":\"l\",\"table\":\"t\",\"rate\":10,\"per\":\"second\",\"burst\":20}}"), json);
    assertTrue(json.contains("{\"counter\":{\"family\":\"inet\",\"name\":\"c\",\"table\":\"t\",\"packets\":1,\"bytes\":2}}"), json);
    fails(InvalidValueException.class, "tcp, udp", () -> Builder.create().table("t").addCtHelper("h", "ftp", "xyz", null));
    fails(InvalidValueException.class, "interface name", () -> Builder.create().table("t").addFlowtable("f", 0, "averyverylongifname"));
    fails(IllegalArgumentException.class, "at least one device", () -> Builder.create().table("t").addFlowtable("f", 0));
  }
}
