package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.model.Command;
import io.jnftables.model.DocumentItem;
import io.jnftables.model.NamedSet;
import io.jnftables.model.RawNodes;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding is lenient where the input is libnftables JSON the model does not know (raw nodes that
 * re-encode unchanged, counted at any depth), and strict where it is not libnftables JSON at all
 * (an exception naming the JSON path).
 */
class LenientDecodingTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static JsonNode tree(String json) throws IOException {
    return M.readTree(json);
  }

  private static String listing(String... items) {
    return q("{'nftables':[{'metainfo':{'version':'1.0.6','release_name':'Lester Gooch #5','json_schema_version':1}},"
        + String.join(",", items) + "]}");
  }

  // ------------------------------------------------------------------ lenient

  @ParameterizedTest
  @ValueSource(strings = {
      // unknown object
      "{'tunnel':{'family':'inet','table':'t','name':'x','id':1}}",
      // unknown property of each known object
      "{'table':{'family':'inet','name':'t','handle':1,'frob':1}}",
      "{'chain':{'family':'inet','table':'t','name':'c','handle':1,'frob':1}}",
      "{'rule':{'family':'inet','table':'t','chain':'c','handle':2,'expr':[{'accept':null}],'frob':1}}",
      "{'set':{'family':'inet','name':'s','table':'t','type':'ipv4_addr','handle':3,'frob':1}}",
      "{'map':{'family':'inet','name':'m','table':'t','type':'ipv4_addr','map':'mark','handle':3,'frob':1}}",
      "{'counter':{'family':'inet','name':'c','table':'t','handle':4,'packets':0,'bytes':0,'frob':1}}",
      "{'quota':{'family':'inet','name':'q','table':'t','handle':4,'bytes':1,'used':0,'inv':false,'frob':1}}",
      "{'limit':{'family':'inet','name':'l','table':'t','handle':4,'rate':1,'per':'second','frob':1}}",
      "{'ct helper':{'family':'inet','name':'h','table':'t','handle':4,'type':'ftp','protocol':'tcp','l3proto':'ip','frob':1}}",
      "{'ct timeout':{'family':'inet','name':'h','table':'t','handle':4,'protocol':'tcp','l3proto':'ip','policy':null,'frob':1}}",
      "{'ct expectation':{'family':'inet','name':'h','table':'t','handle':4,'protocol':'tcp','dport':1,'frob':1}}",
      "{'synproxy':{'family':'inet','name':'h','table':'t','handle':4,'mss':1,'frob':1}}",
      "{'secmark':{'family':'inet','name':'h','table':'t','handle':4,'context':'x','frob':1}}",
      "{'flowtable':{'family':'inet','name':'f','table':'t','handle':4,'hook':'ingress','prio':0,'frob':1}}",
      // values outside the model's vocabulary
      "{'table':{'family':'bogus','name':'t','handle':1}}",
      "{'chain':{'family':'inet','table':'t','name':'c','handle':1,'type':'filter','hook':'sideways','prio':0,'policy':'accept'}}",
      "{'chain':{'family':'inet','table':'t','name':'c','handle':1,'type':'filter','hook':'input','prio':0,'policy':'maybe'}}",
      "{'chain':{'family':'netdev','table':'t','name':'c','handle':1,'type':'filter','hook':'ingress','prio':0,'dev':['a']}}",
      "{'set':{'family':'inet','name':'s','table':'t','type':{'typeof':{'meta':{'key':'mark'}}},'handle':3}}",
      "{'ct helper':{'family':'inet','name':'h','table':'t','handle':4,'type':'ftp','protocol':6,'l3proto':'ip'}}",
      // a command inside a listing is not a listing object
      "{'add':{'table':{'family':'inet','name':'t'}}}"})
  void anObjectTheModelCannotSayIsOneRawObjectThatReencodesUnchanged(String item) throws IOException {
    String json = listing(item);
    Ruleset rs = JsonCodec.decodeRuleset(json);
    assertInstanceOf(RawObject.class, rs.objects().get(1));
    assertEquals(1, rs.rawCount());
    assertEquals(tree(json), tree(JsonCodec.encodeRuleset(rs)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'last':{'used':12}}",
      "{'match':{'op':'==','left':{'meta':{'key':'mark'}},'right':1,'frob':1}}",
      "{'match':{'op':'&&','left':{'meta':{'key':'mark'}},'right':1}}",
      "{'counter':{'packets':1,'bytes':2,'frob':3}}",
      "{'counter':{}}",
      "{'log':{'prefix':'x','frob':1}}",
      "{'reject':{'type':'icmpx','expr':3}}",
      "{'snat':{'addr':'10.0.0.1','frob':1}}",
      "{'set':{'op':'add','elem':1,'set':'no-at-sign'}}",
      "{'quota':{'val':1,'val_unit':'bytes','frob':1}}"})
  void aStatementTheModelCannotSayIsOneRawStatementThatReencodesUnchanged(String stmt) throws IOException {
    String json = q("[" + stmt + "]");
    List<Statement> statements = JsonCodec.decodeStatements(json);
    assertInstanceOf(RawStatement.class, statements.get(0));
    assertEquals(1, RawNodes.countStatements(statements));
    assertEquals(tree(json), tree(JsonCodec.encodeStatements(statements)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'dccp option':{'type':4}}",
      "{'meta':{'key':'mark','frob':1}}",
      "{'payload':{'protocol':'tcp','field':'dport','base':'th'}}",
      "{'range':[1,2,3]}",
      "{'&':[1]}",
      "{'meta':{'key':'mark'},'ct':{'key':'state'}}",
      "{}",
      "1.5",
      "null",
      "123456789012345678901234567890"})
  void anExpressionTheModelCannotSayIsOneRawExpressionThatReencodesUnchanged(String expr) throws IOException {
    String json = q(expr);
    Expression e = JsonCodec.decodeExpression(json);
    assertInstanceOf(RawExpression.class, e);
    assertEquals(1, RawNodes.count(e));
    assertEquals(tree(json), tree(JsonCodec.encodeExpression(e)));
  }

  @Test
  void rawNodesAreCountedAtAnyDepth() throws IOException {
    String json = listing(
        "{'set':{'family':'ip','name':'s','table':'t','type':'ipv4_addr','handle':2,"
            + "'elem':[{'elem':{'val':'1.1.1.1','last':{'used':1}}},{'dccp option':{'type':4}}],'stmt':[{'last':null}]}}",
        "{'rule':{'family':'ip','table':'t','chain':'c','handle':3,'expr':["
            + "{'match':{'op':'==','left':{'meta':{'key':'mark'}},'right':{'set':[1,{'map':{'key':{'frob':1},'data':'@m'}}]}}},"
            + "{'set':{'op':'update','elem':{'elem':{'val':{'frob':2},'timeout':1}},'set':'@s','stmt':[{'last':null}]}},"
            + "{'tunnel':null}]}}");
    Ruleset rs = JsonCodec.decodeRuleset(json);
    assertEquals(7, rs.rawCount());

    NamedSet set = rs.sets().get(0);
    ElemExpr first = (ElemExpr) set.elements().get(0);
    assertInstanceOf(RawStatement.class, first.statements().get(0));
    assertInstanceOf(RawExpression.class, set.elements().get(1));
    assertInstanceOf(RawStatement.class, set.statements().get(0));

    Rule rule = rs.rules().get(0);
    SetExpr right = (SetExpr) ((Match) rule.statements().get(0)).right();
    assertInstanceOf(RawExpression.class, ((MapExpr) right.elements().get(1)).key());
    SetUpdate update = (SetUpdate) rule.statements().get(1);
    assertInstanceOf(RawExpression.class, ((ElemExpr) update.element()).value());
    assertInstanceOf(RawStatement.class, update.statements().get(0));
    assertInstanceOf(RawStatement.class, rule.statements().get(2));
    assertEquals(tree(json), tree(JsonCodec.encodeRuleset(rs)));
  }

  @Test
  void aDocumentKeepsUnknownCommandsAsRawItemsAndDecodeCommandsSkipsThem() throws IOException {
    String json = q("{'nftables':[{'metainfo':{'json_schema_version':1}},{'frobnicate':{'table':{'family':'ip','name':'t'}}},"
        + "{'add':{'tunnel':{'family':'ip','name':'x'}}},{'flush':{'ruleset':null}}]}");
    List<DocumentItem> items = JsonCodec.decodeDocument(json);
    assertEquals(4, items.size());
    assertInstanceOf(RawObject.class, items.get(1));
    Command add = (Command) items.get(2);
    assertEquals(Verb.ADD, add.verb());
    assertInstanceOf(RawObject.class, add.object());
    assertEquals(1, RawNodes.count(add));
    assertEquals(tree(json), tree(JsonCodec.encodeDocument(items)));
    assertEquals(List.of(add, items.get(3)), JsonCodec.decodeCommands(json));
  }

  // ------------------------------------------------------------------ strict

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'nftables':[|$",
      "[]|$",
      "{'other':[]}|$.nftables",
      "{'nftables':{}}|$.nftables",
      "{'nftables':[]} []|$",
      "{'nftables':[5]}|$.nftables[0]",
      "{'nftables':[{}]}|$.nftables[0]",
      "{'nftables':[{'table':{'family':'ip','name':'t'},'chain':{}}]}|$.nftables[0].chain",
      "{'nftables':[{'table':{'family':'ip','name':'t','handle':'x'}}]}|$.nftables[0].table.handle",
      "{'nftables':[{'table':{'family':7,'name':'t'}}]}|$.nftables[0].table.family",
      "{'nftables':[{'table':{'name':'t'}}]}|$.nftables[0].table.family",
      "{'nftables':[{'rule':{'family':'ip','chain':'c','expr':[]}}]}|$.nftables[0].rule.table",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c'}}]}|$.nftables[0].rule.expr",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':{}}}]}|$.nftables[0].rule.expr",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':[5]}}]}|$.nftables[0].rule.expr[0]",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':[{'accept':null,'drop':null}]}}]}|$.nftables[0].rule.expr[0].drop",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':[{'match':{'op':'==','left':1}}]}}]}|$.nftables[0].rule.expr[0].match.right",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':[{'accept':5}]}}]}|$.nftables[0].rule.expr[0].accept",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':[{'counter':{'packets':'x'}}]}}]}|$.nftables[0].rule.expr[0].counter.packets",
      "{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','expr':[{'match':{'op':'==','left':{'payload':{'protocol':'tcp'}},'right':1}}]}}]}|$.nftables[0].rule.expr[0].match.left.payload.field",
      "{'nftables':[{'set':{'family':'ip','name':'s','table':'t','elem':[{'elem':{'timeout':1}}]}}]}|$.nftables[0].set.elem[0].elem.val",
      "{'nftables':[{'chain':{'family':'ip','table':'t','name':'c','hook':'input','prio':0}}]}|$.nftables[0].chain.type"})
  void inputThatIsNotLibnftablesJsonRaisesAnExceptionNamingThePath(String input, String path) {
    JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> JsonCodec.decodeRuleset(q(input)));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
  }

  @Test
  void aCommandWithoutAnObjectIsAnError() {
    JsonDecodingException e = assertThrows(JsonDecodingException.class,
        () -> JsonCodec.decodeDocument(q("{'nftables':[{'add':{}}]}")));
    assertEquals("$.nftables[0].add", e.path(), e.getMessage());
    e = assertThrows(JsonDecodingException.class,
        () -> JsonCodec.decodeDocument(q("{'nftables':[{'add':{'table':{'family':'ip','name':'t'},'chain':{}}}]}")));
    assertEquals("$.nftables[0].add.chain", e.path(), e.getMessage());
  }

  @Test
  void malformedJsonSaysWhereItBroke() {
    JsonDecodingException e = assertThrows(JsonDecodingException.class,
        () -> JsonCodec.decodeRuleset(q("{'nftables':[{'table':{'family':'ip',,}}]}")));
    assertEquals("$", e.path());
    assertTrue(e.getMessage().contains("malformed JSON at line 1, column"), e.getMessage());
    assertTrue(e.getMessage().contains("$.nftables[0].table"), e.getMessage());
  }
}
