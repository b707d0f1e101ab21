package io.jnftables.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decoder's view of a JSON document: a streaming parser over UTF-8 bytes, typed reads that
 * name the JSON path when the input is wrong, and the fallback that turns a node the model cannot
 * say exactly into a raw {@link JsonNode}.
 *
 * <p>Conventions of every {@code read} method of the codec: on entry the current token is the
 * first token of the node; on return it is the node's last token ({@code END_OBJECT},
 * {@code END_ARRAY} or the scalar itself).
 *
 * <p>A typed reader that meets something it does not know throws {@link #mismatch()}; the
 * innermost enclosing node that can be raw catches it and calls {@link #raw(long, int)}, which
 * skips to the end of that node and re-reads its bytes as a tree. No tree is built otherwise.
 */
final class JsonIn {
  /**
   * Nesting beyond this is refused as malformed. libnftables JSON nests about 15 levels; the codec
   * and the printers recurse once or twice per level, and at about 800 levels they overflow a
   * thread's default 1 MB stack (Jackson's own limit is 1000). The deepest text the nft parser
   * takes ({@code io.jnftables.text}, 64 levels) encodes within this.
   */
  static final int MAX_DEPTH = 300;

  static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build());

  /** Thrown (preallocated, without stack trace) when a node is not in a form the model knows. */
  static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Mismatch INSTANCE = new Mismatch();

    private Mismatch() {
      super("mismatch", null, false, false);
    }
  }

  /**
   * Whether the byte parser's token offset can be read without allocating a location: checked
   * once against {@code currentTokenLocation()} on a sample document (it is an implementation
   * detail of jackson-core's UTF-8 parser).
   */
  private static final boolean CHEAP_OFFSETS = cheapOffsetsWork();

  private final byte[] src;
  private final JsonParser p;
  private final @Nullable ParserBase base;

  JsonIn(byte[] src) {
    this.src = src;
    try {
      this.p = MAPPER.getFactory().createParser(src);
    } catch (IOException e) {
      throw new JsonDecodingException("$", "malformed JSON: " + e.getMessage(), e);
    }
    this.base = CHEAP_OFFSETS && p instanceof ParserBase b ? b : null;
  }

  private static boolean cheapOffsetsWork() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      // objects, arrays and scalars after names and inside arrays, and non-ASCII text
      g.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeArrayFieldStart("a");
      g.writeNumber(1);
      g.writeStartObject();
      g.writeStringField("x", "y");
      g.writeEndObject();
      g.writeStartArray();
      g.writeBoolean(true);
      g.writeNull();
      g.writeEndArray();
      g.writeEndArray();
      g.writeObjectFieldStart("b");
      g.writeNumberField("c", 1.5);
      g.writeArrayFieldStart("d");
      g.writeStartObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeStringField("\u00e9", "\u00fc");
      g.writeEndObject();
    } catch (IOException e) {
      return false;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(out.toByteArray())) {
      if (!(p instanceof ParserBase b)) {
        return false;
      }
      int checked = 0;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          if (p.nextFieldName() != null) {
            continue; // exercise nextFieldName() followed by nextToken() for the value, as the codec does
          }
          t = p.currentToken();
          if (t == null) {
            break;
          }
        }
        if (t != JsonToken.FIELD_NAME) {
          if (b.getTokenCharacterOffset() - 1 != p.currentTokenLocation().getByteOffset()) {
            return false;
          }
          checked++;
        }
      }
      return checked > 10;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static Mismatch mismatch() {
    return Mismatch.INSTANCE;
  }

  // ------------------------------------------------------------------ tokens

  JsonToken next() {
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new JsonDecodingException("$", "malformed JSON: unexpected end of input at " + path());
      }
      return t;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** After the document's root: nothing but whitespace may follow. */
  void expectEnd() {
    try {
      JsonToken t = p.nextToken();
      if (t != null) {
        throw new JsonDecodingException("$", "unexpected content after the document: " + t);
      }
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /**
   * Moves to the next field of the current object: its name, or {@code null} at the object's end.
   */
  @Nullable String nextField() {
    try {
      String name = p.nextFieldName();
      if (name == null && p.currentToken() != JsonToken.END_OBJECT) {
        if (p.currentToken() == null) {
          throw new JsonDecodingException("$", "malformed JSON: unexpected end of input at " + path());
        }
        throw fail("expected a property name, got " + p.currentToken());
      }
      return name;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  JsonToken token() {
    return p.currentToken();
  }

  /** The name of the current property (current token: its name or its value). */
  String name() {
    try {
      return p.currentName();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** Byte offset of the current token: where a node that starts here begins. */
  long start() {
    if (base != null && p.currentToken() != JsonToken.FIELD_NAME) {
      return base.getTokenCharacterOffset() - 1;
    }
    return p.currentTokenLocation().getByteOffset();
  }

  /** Nesting depth of the current position (inside an object or array counts one more). */
  int depth() {
    return p.getParsingContext().getNestingDepth();
  }

  /**
   * The depth the parser is at once the node starting at the current token has ended: one less
   * than now for an object or array, the same for a scalar.
   */
  int endDepth() {
    return p.currentToken().isStructStart() ? depth() - 1 : depth();
  }

  // ------------------------------------------------------------------ typed reads of the current value

  String string() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw type("a string");
    }
    return text();
  }

  long integer() {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw type("an integer");
    }
    try {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw fail("integer out of range: " + p.getText());
      }
      return p.getLongValue();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  int int32() {
    long v = integer();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw fail("integer out of range: " + v);
    }
    return (int) v;
  }

  boolean bool() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw type("a boolean");
  }

  boolean isNull() {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  void expectNull() {
    if (p.currentToken() != JsonToken.VALUE_NULL) {
      throw type("null");
    }
  }

  void expectObject() {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw type("an object");
    }
  }

  void expectArray() {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw type("an array");
    }
  }

  /** A string or an array of strings (nft writes a single flag as a string): as a list. */
  List<String> strings() {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return List.of(text());
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw type("a string or an array of strings");
    }
    List<String> out = new ArrayList<>(4);
    while (next() != JsonToken.END_ARRAY) {
      out.add(string());
    }
    return out;
  }

  /** The current token's text, whatever its type. */
  String text() {
    try {
      return p.getText();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** The current scalar token as a number node, for literals. */
  boolean fitsLong() {
    try {
      return p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  long longValue() {
    try {
      return p.getLongValue();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** Skips the current value (an object or array entirely). */
  void skip() {
    try {
      p.skipChildren();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  // ------------------------------------------------------------------ raw fallback

  /**
   * The node that started at byte {@code start} (an object or array whose end leaves the parser at
   * {@code endDepth}, or a scalar that is still the current token), as a tree. From wherever inside
   * the node the parser is, it moves to the node's last token first.
   */
  JsonNode raw(long start, int endDepth) {
    try {
      JsonToken t = p.currentToken();
      if (t.isScalarValue() && depth() == endDepth) {
        return MAPPER.readTree(p); // a scalar node: still the current token
      }
      while (true) {
        if (t.isStructStart()) {
          p.skipChildren();
          t = p.currentToken();
        }
        if (t.isStructEnd() && depth() == endDepth) {
          break;
        }
        t = p.nextToken();
        if (t == null) {
          throw new JsonDecodingException("$", "malformed JSON: unexpected end of input");
        }
      }
      long end = start() + 1;
      return MAPPER.readTree(src, (int) start, (int) (end - start));
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  // ------------------------------------------------------------------ errors

  /** The JSON path of the current position, e.g. {@code $.nftables[3].rule.expr[0]}. */
  String path() {
    return format(p.getParsingContext().pathAsPointer());
  }

  JsonDecodingException fail(String message) {
    return new JsonDecodingException(path(), message);
  }

  /** A required property is missing from the object that just ended (current token: its end). */
  JsonDecodingException missing(String property) {
    return new JsonDecodingException(
        path() + "." + property, "required property \"" + property + "\" is missing");
  }

  private JsonDecodingException type(String expected) {
    return fail("expected " + expected + ", got " + describe());
  }

  private String describe() {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_NULL:
        return "null";
      case VALUE_STRING:
        return "the string \"" + text() + "\"";
      default:
        return text();
    }
  }

  /**
   * The input is not JSON. Any {@link IOException} says so: the source is bytes in memory, so
   * nothing but the bytes can fail (Jackson reports a bad string or number only when its value is
   * asked for, and bytes it took for UTF-16 or UTF-32 as a {@code CharConversionException}).
   */
  private JsonDecodingException malformed(IOException e) {
    String where = "";
    String message = e.getMessage();
    if (e instanceof JsonProcessingException j) {
      where = j.getLocation() == null
          ? ""
          : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
      message = j.getOriginalMessage();
    }
    JsonStreamContext ctx = p.getParsingContext();
    return new JsonDecodingException(
        "$", "malformed JSON" + where + " (in " + format(ctx.pathAsPointer()) + "): " + message, e);
  }

  static String format(JsonPointer pointer) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonPointer ptr = pointer; ptr != null && !ptr.matches(); ptr = ptr.tail()) {
      int index = ptr.getMatchingIndex();
      if (index >= 0) {
        sb.append('[').append(index).append(']');
      } else {
        sb.append('.').append(ptr.getMatchingProperty());
      }
    }
    return sb.toString();
  }
}
