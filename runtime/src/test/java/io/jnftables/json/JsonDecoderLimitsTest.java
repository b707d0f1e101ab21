package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.model.Ruleset;
import io.jnftables.model.stmt.Statement;
import io.jnftables.text.NftText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs {@link JsonDecoderFuzzTest} found, minimised: each used to escape the decoder as
 * something other than {@link JsonDecodingException} (or escaped the encoder after decoding).
 */
class JsonDecoderLimitsTest {
  private static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /**
   * Was an {@code UncheckedIOException}: Jackson reads a string's (or number's) characters only
   * when its value is asked for, so a document cut inside a string failed there, not at the token.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "[{'snat':{'addr':{'range':['2001:838:35f:1:",
      "[{'match':{'op':'==','left':{'meta':{'key':'mark'}},'right':'1",
      "[{'jump':{'target':'c",
      "[{'counter':{'packets':1",
  })
  void aDocumentCutInsideAStringOrNumberIsMalformed(String json) {
    JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> JsonCodec.decodeStatements(q(json)));
    assertTrue(e.getMessage().startsWith("$: malformed JSON"), e.getMessage());
  }

  /** Was an {@code UncheckedIOException} too: bytes that are not UTF-8 inside a string. */
  @Test
  void bytesThatAreNotUtf8InAStringAreMalformed() {
    byte[] json = q("{'nftables':[{'table':{'family':'ip','name':'t\u00ff\u00fe','handle':1}}]}")
        .getBytes(StandardCharsets.ISO_8859_1);
    JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> JsonCodec.decodeRuleset(json));
    assertTrue(e.getMessage().contains("Invalid UTF-8"), e.getMessage());
  }

  /** Bytes that Jackson's encoding detection takes for UTF-32 and then cannot read. */
  @Test
  void bytesThatLookLikeUtf32AreMalformed() {
    byte[] json = {0, 0, 0, '{', (byte) 0xd8, 0, 0, '}'};
    JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> JsonCodec.decodeRuleset(json));
    assertEquals("$", e.path());
  }

  /**
   * Was a {@code StackOverflowError}: the codec recurses per level of nesting and overflowed a
   * thread's default 1 MB stack at 800 to 1000 levels, below Jackson's own limit of 1000. Beyond
   * {@link JsonIn#MAX_DEPTH} levels the document is refused, so the stack a decoding needs is bounded.
   */
  @ParameterizedTest
  @ValueSource(strings = {"{'|':[#,1]}", "{'range':[#,1]}", "{'set':[#]}", "{'map':{'key':#,'data':'x'}}", "[#]"})
  void nestingBeyondTheLimitIsMalformedNotAStackOverflow(String shape) throws InterruptedException {
    String[] parts = q(shape).split("#");
    int levels = parts[0].startsWith("[") ? 990 : 490; // within Jackson's 1000 JSON levels
    String deep = parts[0].repeat(levels) + "1" + parts[1].repeat(levels);
    String json = q("[{'match':{'op':'==','left':{'meta':{'key':'mark'}},'right':") + deep + "}}]";
    Throwable thrown = onSmallStack(() -> {
      // before the limit, decoding, re-encoding or printing overflowed the stack (which one
      // depends on how much the JIT has compiled)
      List<Statement> st = JsonCodec.decodeStatements(json);
      JsonCodec.encodeStatements(st);
      NftText.print(st);
    });
    JsonDecodingException e = assertInstanceOf(JsonDecodingException.class, thrown);
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }

  /**
   * What {@code work} throws on a thread with half the default stack of 64-bit Linux JVMs (1 MB):
   * how deep the codec gets on a stack depends on how much the JIT has compiled (interpreted, it
   * takes about 1 KB per level), and at the limit it must stay well within the default.
   */
  private static Throwable onSmallStack(Runnable work) throws InterruptedException {
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        work.run();
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "decode", 512 * 1024);
    t.start();
    t.join();
    return thrown[0];
  }

  /** Within the limit, deep nesting decodes, re-encodes the same and prints. */
  @Test
  void nestingWithinTheLimitDecodesReencodesAndPrints() throws InterruptedException {
    int levels = (JsonIn.MAX_DEPTH - 10) / 2; // two JSON levels each, below the statement's own
    String json = q("[{'match':{'op':'==','left':{'meta':{'key':'mark'}},'right':") + q("{'|':[").repeat(levels)
        + "1" + ",1]}".repeat(levels) + "}}]";
    assertEquals(null, onSmallStack(() -> {
      List<Statement> st = JsonCodec.decodeStatements(json);
      assertEquals(json, JsonCodec.encodeStatements(st));
      assertTrue(NftText.print(st).startsWith("meta mark 0x00000001 | 0x00000001"), NftText.print(st));
    }));
  }

  /**
   * Was an {@code IllegalArgumentException} when re-encoding: a ct key with a lone surrogate in
   * its direction was pre-encoded through a char writer, which kept the surrogate, and writing it
   * raw into the UTF-8 document failed. It now re-encodes as the escape it came in as.
   */
  @Test
  void aLoneSurrogateInASelectorReencodesEscaped() {
    String json = q("[{'match':{'op':'==','left':{'ct':{'key':'ip daddr','dir':'\\uD800'}},'right':1}}]");
    List<Statement> st = JsonCodec.decodeStatements(json);
    assertEquals(json, JsonCodec.encodeStatements(st));
    Ruleset rs = JsonCodec.decodeRuleset(q("{'nftables':[{'rule':{'family':'ip','table':'t','chain':'c','handle':1,"
        + "'expr':" + json + "}}]}"));
    assertTrue(JsonCodec.encodeRuleset(rs).contains("\\uD800"), JsonCodec.encodeRuleset(rs));
  }
}
