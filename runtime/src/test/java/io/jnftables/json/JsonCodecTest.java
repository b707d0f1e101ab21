package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode tree(String json) throws IOException {
    return M.readTree(json);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = JsonCodecTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void encodesTableChainAndRuleInTheSchemaOfLibnftables() throws IOException {
    List<Command> commands =
        List.of(
            Command.add(Table.of(Family.INET, "filter")),
            Command.add(
                Chain.base(
                    Family.INET, "filter", "input",
                    BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP))),
            Command.add(
                Rule.of(
                    Family.INET, "filter", "input",
                    List.of(
                        new Match(Operator.EQ, new PayloadExpr("tcp", "dport"),
                            new SetExpr(List.of(new NumberLiteral(80), new NumberLiteral(443)))),
                        Counter.NEW,
                        new Log("web "),
                        Verdict.ACCEPT))));
    String json = JsonCodec.encodeToString(commands);
    assertEquals(
        tree("{\"nftables\":["
            + "{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"filter\"}}},"
            + "{\"add\":{\"chain\":{\"family\":\"inet\",\"table\":\"filter\",\"name\":\"input\","
            + "\"type\":\"filter\",\"hook\":\"input\",\"prio\":0,\"policy\":\"drop\"}}},"
            + "{\"add\":{\"rule\":{\"family\":\"inet\",\"table\":\"filter\",\"chain\":\"input\",\"expr\":["
            + "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},"
            + "\"right\":{\"set\":[80,443]}}},"
            + "{\"counter\":null},{\"log\":{\"prefix\":\"web \"}},{\"accept\":null}]}}}]}"),
        tree(json));
    // Deterministic: the same commands give the same bytes, in a fixed property order.
    assertEquals(json, JsonCodec.encodeToString(List.copyOf(commands)));
    assertTrue(json.startsWith("{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"filter\"}}}"), json);
  }

  @Test
  void decodesAKernelListingIntoTypedObjectsAndReencodesItUnchanged() throws IOException {
    String listing = resource("/listings/basic-inet.json");
    Ruleset rs = JsonCodec.decodeRuleset(listing);

    assertEquals(0, rs.rawCount());
    assertEquals("1.0.6", rs.metainfo().version());
    assertEquals(List.of(new Table(Family.INET, "filter", 1L)), rs.tables());
    Chain input = rs.chains().get(0);
    assertEquals(BaseChain.of(ChainType.FILTER, Hook.INPUT, 0, Policy.DROP), input.base());
    assertEquals(11, rs.rules("filter", "input").size());

    Rule ctEstablished = rs.rules().get(2);
    assertEquals(
        List.of(
            new Match(Operator.IN, new CtExpr("state"),
                new ListExpr(List.of(new StringLiteral("established"), new StringLiteral("related")))),
            Verdict.ACCEPT),
        ctEstablished.statements());
    Rule prefix = rs.rules().get(7);
    assertEquals(
        new Match(Operator.EQ, new PayloadExpr("ip", "saddr"), new PrefixExpr(new StringLiteral("10.0.0.0"), 8)),
        prefix.statements().get(0));
    assertEquals(new Reject("icmp", "port-unreachable"), prefix.statements().get(1));
    assertEquals(new Counter(0L, 0L), rs.rules().get(4).statements().get(1));
    assertEquals(Verdict.jump("foo"), rs.rules().get(10).statements().get(1));
    assertEquals(new MetaExpr("iifname"), ((Match) rs.rules().get(0).statements().get(0)).left());

    assertEquals(tree(listing), tree(JsonCodec.encodeRuleset(rs)));
  }

  @Test
  void keepsWhatItDoesNotKnowAsRawNodesThatReencodeUnchanged() throws IOException {
    String listing =
        "{\"nftables\":[{\"tunnel\":{\"family\":\"inet\",\"name\":\"f\",\"table\":\"t\",\"id\":3}},"
            + "{\"table\":{\"family\":\"inet\",\"name\":\"t\",\"handle\":1,\"frob\":\"x\"}},"
            + "{\"rule\":{\"family\":\"inet\",\"table\":\"t\",\"chain\":\"c\",\"handle\":2,\"expr\":["
            + "{\"match\":{\"op\":\"==\",\"left\":{\"dccp option\":{\"type\":4}},\"right\":true}},"
            + "{\"last\":{\"used\":12}},{\"accept\":null}]}}]}";
    Ruleset rs = JsonCodec.decodeRuleset(listing);
    assertInstanceOf(RawObject.class, rs.objects().get(0));
    // An unknown property ("frob") makes the whole table raw rather than losing the property.
    assertInstanceOf(RawObject.class, rs.objects().get(1));
    assertEquals("table", ((RawObject) rs.objects().get(1)).key());
    Rule r = rs.rules().get(0);
    assertInstanceOf(RawExpression.class, ((Match) r.statements().get(0)).left());
    assertInstanceOf(RawStatement.class, r.statements().get(1));
    assertEquals(Verdict.ACCEPT, r.statements().get(2));
    assertEquals(4, rs.rawCount());
    assertEquals(tree(listing), tree(JsonCodec.encodeRuleset(rs)));
  }

  @Test
  void decodesEchoedCommandsWithTheirHandles() {
    String echo =
        "{\"nftables\":[{\"add\":{\"rule\":{\"family\":\"inet\",\"table\":\"t\",\"chain\":\"c\","
            + "\"expr\":[{\"accept\":null}],\"comment\":\"h\u00e9llo\",\"handle\":3}}}]}";
    List<Command> commands = JsonCodec.decodeCommands(echo);
    assertEquals(1, commands.size());
    assertEquals(Verb.ADD, commands.get(0).verb());
    Rule r = (Rule) commands.get(0).object();
    assertEquals(3L, r.handle());
    assertEquals("h\u00e9llo", r.comment());
  }

  @Test
  void badInputNamesTheJsonPath() {
    JsonDecodingException malformed =
        assertThrows(JsonDecodingException.class, () -> JsonCodec.decodeRuleset("{\"nftables\":["));
    assertEquals("$", malformed.path());
    assertTrue(malformed.getMessage().contains("malformed JSON"), malformed.getMessage());

    JsonDecodingException notArray =
        assertThrows(JsonDecodingException.class, () -> JsonCodec.decodeRuleset("{\"nftables\":{}}"));
    assertEquals("$.nftables", notArray.path());

    JsonDecodingException missing =
        assertThrows(
            JsonDecodingException.class,
            () -> JsonCodec.decodeRuleset(
                "{\"nftables\":[{\"metainfo\":{}},{\"rule\":{\"family\":\"ip\",\"chain\":\"c\",\"expr\":[]}}]}"));
    assertEquals("$.nftables[1].rule.table", missing.path());

    JsonDecodingException wrongType =
        assertThrows(
            JsonDecodingException.class,
            () -> JsonCodec.decodeRuleset(
                "{\"nftables\":[{\"table\":{\"family\":\"ip\",\"name\":\"t\",\"handle\":\"x\"}}]}"));
    assertEquals("$.nftables[0].table.handle", wrongType.path());
  }
}
