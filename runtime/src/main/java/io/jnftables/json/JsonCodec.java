package io.jnftables.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.jnftables.model.Command;
import io.jnftables.model.DocumentItem;
import io.jnftables.model.NftObject;
import io.jnftables.model.Ruleset;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the model to libnftables JSON ({@code man libnftables-json}) and decodes listings,
 * echoes and any other libnftables JSON document back into it. Thread-safe and stateless.
 *
 * <p><b>Encoding</b> streams through a Jackson {@code JsonGenerator} with a fixed property order
 * per type, so the same model always gives the same bytes. Where nft has two spellings of the
 * same thing it writes nft's own: one flag as a string, several as an array.
 *
 * <p><b>Decoding</b> streams too (no tree) and is lenient: a command, object, statement or
 * expression the model cannot say exactly — an unknown key, an unknown property, a value outside
 * the model's vocabulary — becomes a raw node ({@code RawObject}, {@code RawStatement},
 * {@code RawExpression}) holding the JSON it came in, which re-encodes unchanged, so a listing
 * never fails to decode; {@link Ruleset#rawCount()} says how much was raw. Input that is not
 * libnftables JSON at all — malformed JSON, a property of the wrong JSON type, a required property
 * missing, a statement that is not a one-key object — raises a {@link JsonDecodingException}
 * naming the JSON path, and nothing is returned.
 */
public final class JsonCodec {
  private JsonCodec() {}

  // ---------------------------------------------------------------- encoding

  /** {@code {"nftables":[...]}} for these commands, as UTF-8 bytes. */
  public static byte[] encode(List<Command> commands) {
    return encodeItems(commands);
  }

  /** {@link #encode} as a string. */
  public static String encodeToString(List<Command> commands) {
    return new String(encode(commands), StandardCharsets.UTF_8);
  }

  /**
   * A listing document for these objects: {@code {"nftables":[{"metainfo":…},{"table":…},…]}},
   * the inverse of {@link #decodeRuleset}.
   */
  public static String encodeRuleset(Ruleset ruleset) {
    return new String(encodeItems(ruleset.objects()), StandardCharsets.UTF_8);
  }

  /** A document of commands and/or objects, the inverse of {@link #decodeDocument}. */
  public static String encodeDocument(List<? extends DocumentItem> items) {
    return new String(encodeItems(items), StandardCharsets.UTF_8);
  }

  /** One object as its JSON: {@code {"table":{…}}}. */
  public static String encodeObject(NftObject object) {
    return write(g -> ObjectCodec.write(g, object), 128);
  }

  /**
   * Statements as the JSON array a rule's {@code expr} holds, the inverse of {@link
   * #decodeStatements}.
   */
  public static String encodeStatements(List<Statement> statements) {
    return write(g -> StatementCodec.writeAll(g, statements), 64 + statements.size() * 64);
  }

  /** One expression as its JSON, the inverse of {@link #decodeExpression}. */
  public static String encodeExpression(Expression expression) {
    return write(g -> ExpressionCodec.write(g, expression), 64);
  }

  private static byte[] encodeItems(List<? extends DocumentItem> items) {
    return encodeItems(items, true);
  }

  /** {@code fastPath=false} writes every item token by token (tests compare both paths). */
  static byte[] encodeItems(List<? extends DocumentItem> items, boolean fastPath) {
    // Segments instead of one growing array: no large buffer is ever copied to grow it.
    ByteArrayBuilder out = new ByteArrayBuilder(null, Math.min(128 * 1024, 256 + items.size() * 300));
    RuleFastPath fast = fastPath ? new RuleFastPath() : null;
    try (JsonGenerator g = JsonIn.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(K.NFTABLES);
      g.writeStartArray();
      for (int i = 0, n = items.size(); i < n; i++) {
        DocumentItem item = items.get(i);
        if (fast == null || !fast.tryWrite(g, item)) {
          ObjectCodec.writeItem(g, item);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private interface Writing {
    void to(JsonGenerator g) throws IOException;
  }

  private static String write(Writing w, int sizeHint) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    try (JsonGenerator g = JsonIn.MAPPER.getFactory().createGenerator(out)) {
      w.to(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes a listing ({@code {"nftables":[{"metainfo":…},{"table":…},…]}}). */
  public static Ruleset decodeRuleset(String json) {
    return decodeRuleset(json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #decodeRuleset(String)} from UTF-8 bytes. */
  public static Ruleset decodeRuleset(byte[] json) {
    List<NftObject> objects = new ArrayList<>();
    JsonIn in = new JsonIn(json);
    forEachItem(in, () -> {
      // A listing holds objects; a command found in one is what it is to a listing: unknown (raw).
      objects.add((NftObject) ObjectCodec.readItem(in, false));
    });
    return new Ruleset(objects);
  }

  /**
   * Decodes a list of commands, e.g. what libnftables echoes back after a batch. Items that are
   * not commands (such as {@code metainfo}) are skipped; {@link #decodeDocument} keeps them.
   */
  public static List<Command> decodeCommands(String json) {
    List<Command> commands = new ArrayList<>();
    for (DocumentItem item : decodeDocument(json)) {
      if (item instanceof Command c) {
        commands.add(c);
      }
    }
    return commands;
  }

  /**
   * Decodes any libnftables JSON document: commands where an element's key is a command
   * ({@code add}, {@code list}, …), objects otherwise (unknown keys as raw objects).
   */
  public static List<DocumentItem> decodeDocument(String json) {
    List<DocumentItem> items = new ArrayList<>();
    JsonIn in = new JsonIn(json.getBytes(StandardCharsets.UTF_8));
    forEachItem(in, () -> items.add(ObjectCodec.readItem(in, true)));
    return items;
  }

  /** Decodes a JSON array of statements, as a rule's {@code expr} holds them. */
  public static List<Statement> decodeStatements(String json) {
    JsonIn in = new JsonIn(json.getBytes(StandardCharsets.UTF_8));
    in.next();
    if (in.token() != JsonToken.START_ARRAY) {
      throw in.fail("expected an array of statements, got " + in.token());
    }
    List<Statement> statements = StatementCodec.list(in);
    in.expectEnd();
    return statements;
  }

  /** Decodes one expression (any JSON value). */
  public static Expression decodeExpression(String json) {
    JsonIn in = new JsonIn(json.getBytes(StandardCharsets.UTF_8));
    in.next();
    Expression e = ExpressionCodec.read(in);
    in.expectEnd();
    return e;
  }

  /** Reads {@code {"nftables":[...]}}, calling {@code each} with the parser on every element. */
  private static void forEachItem(JsonIn in, Runnable each) {
    in.next();
    if (in.token() != JsonToken.START_OBJECT) {
      throw new JsonDecodingException("$", "expected an object {\"nftables\": [...]}, got " + in.token());
    }
    boolean seen = false;
    for (String f; (f = in.nextField()) != null; ) {
      in.next();
      if (!f.equals("nftables")) {
        in.skip(); // libnftables writes nothing else at the top
        continue;
      }
      seen = true;
      if (in.token() != JsonToken.START_ARRAY) {
        throw in.fail("expected an array");
      }
      while (in.next() != JsonToken.END_ARRAY) {
        each.run();
      }
    }
    if (!seen) {
      throw new JsonDecodingException("$.nftables", "required property \"nftables\" is missing");
    }
    in.expectEnd();
  }
}
