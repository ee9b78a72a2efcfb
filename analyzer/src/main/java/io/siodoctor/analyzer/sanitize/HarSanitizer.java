package io.siodoctor.analyzer.sanitize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Copies a HAR token by token (Jackson streaming, so memory stays at the size of one entry's largest
 * part, not the file) and redacts secrets on the way: cookies, auth headers, secret query and form
 * parameters, JWTs, Socket.IO CONNECT auth payloads in polling bodies and WebSocket frames; the
 * Engine.IO sid is replaced by a keyed hash everywhere, so the result still analyses the same.
 * Small structured items (a header, a cookie, a frame, a body) are read as a tree, because their
 * fields come in any order and the redaction of one depends on another (a header's name).
 */
public final class HarSanitizer {
  private final RedactionPolicy policy;
  private final SidHasher sids;
  private final ObjectMapper mapper;

  public HarSanitizer(RedactionPolicy policy, SidHasher sids) {
    this.policy = policy;
    this.sids = sids;
    JsonFactory factory = JsonFactory.builder()
        // one base64 body can exceed Jackson's default 20 M chars (tech-notes Part 5)
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
        .build();
    factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.mapper = new ObjectMapper(factory);
  }

  public HarSanitizer(RedactionPolicy policy) {
    this(policy, SidHasher.random());
  }

  /** Thrown when the input is not a HAR (not JSON, or no {@code log} object); the message says where. */
  public static final class NotAHarException extends IOException {
    private static final long serialVersionUID = 1L;

    NotAHarException(String message) {
      super(message);
    }
  }

  /** Sanitizes {@code in} into {@code out}; returns what was redacted. Closes neither stream. */
  public Redactions sanitize(InputStream in, OutputStream out) throws IOException {
    Redactions counts = new Redactions();
    Walk walk = new Walk(new SecretRedactor(policy, sids, counts));
    try (JsonParser p = mapper.getFactory().createParser(in);
        JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      // compact output: a sanitized HAR is for tools and sharing, and stays the size of the original
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new NotAHarException("not a HAR: the file does not start with a JSON object");
      }
      walk.copy(p, g, "", "");
      if (!walk.sawLog) {
        throw new NotAHarException("not a HAR: no \"log\" object at the top level");
      }
      if (p.nextToken() != null) {
        throw new NotAHarException("not a HAR: data after the end of the JSON object at "
            + p.currentLocation().offsetDescription());
      }
    } catch (JsonProcessingException e) {
      throw new NotAHarException("not valid JSON at " + e.getLocation().offsetDescription() + " (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
    }
    return counts;
  }

  /** The state of one copy: the redactor and whether the current entry is an Engine.IO request. */
  private final class Walk {
    private final SecretRedactor r;
    private boolean engineIoEntry;
    private boolean sawLog;

    Walk(SecretRedactor r) {
      this.r = r;
    }

    /** Copies the value at the current token; {@code name} is its field name ("[]" in arrays), {@code parent} the enclosing one's. */
    void copy(JsonParser p, JsonGenerator g, String name, String parent) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_OBJECT) {
        if (parent.isEmpty() && name.isEmpty()) {
          copyObject(p, g, name);
        } else if (name.equals("[]")) {
          element(p, g, parent);
        } else if (name.equals("postData") || (name.equals("content") && parent.equals("response"))) {
          ObjectNode body = (ObjectNode) mapper.readTree(p);
          body(body, name.equals("content"));
          mapper.writeTree(g, body);
        } else {
          if (name.equals("log") && parent.isEmpty()) {
            sawLog = true;
          }
          copyObject(p, g, name);
        }
      } else if (t == JsonToken.START_ARRAY) {
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          copy(p, g, "[]", name);
        }
        g.writeEndArray();
      } else if (t == JsonToken.VALUE_STRING) {
        String s = p.getText();
        if (name.equals("url") && parent.equals("request")) {
          engineIoEntry = isEngineIoUrl(s);
          g.writeString(r.url(s));
        } else {
          g.writeString(generic(s));
        }
      } else {
        g.copyCurrentEvent(p);
      }
    }

    private void copyObject(JsonParser p, JsonGenerator g, String name) throws IOException {
      g.writeStartObject();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        g.writeFieldName(field);
        p.nextToken();
        copy(p, g, field, name);
      }
      g.writeEndObject();
    }

    /** An object inside an array: the small known items are redacted as a whole. */
    private void element(JsonParser p, JsonGenerator g, String array) throws IOException {
      switch (array) {
        case "entries" -> {
          engineIoEntry = false;
          copyObject(p, g, "[]");
        }
        case "headers", "cookies", "queryString", "params", "_webSocketMessages" -> {
          ObjectNode item = (ObjectNode) mapper.readTree(p);
          switch (array) {
            case "headers" -> set(item, "value", r.header(text(item, "name"), text(item, "value")));
            case "cookies" -> set(item, "value", r.cookieValue(text(item, "value")));
            case "_webSocketMessages" -> frame(item);
            default -> param(item);
          }
          mapper.writeTree(g, item);
        }
        default -> copyObject(p, g, "[]");
      }
    }

    private void param(ObjectNode item) {
      String name = text(item, "name");
      set(item, "value", r.param(name, text(item, "value"), Redactions.QUERY));
      if (item.has("fileName") || item.has("contentType")) {
        set(item, "fileName", generic(text(item, "fileName")));
      }
    }

    /** A WebSocket message: text frames are Engine.IO packets; binary ones are left as they are. */
    private void frame(ObjectNode item) {
      JsonNode opcode = item.get("opcode");
      if (opcode == null || opcode.asInt(1) == 1) {
        set(item, "data", r.packet(text(item, "data")));
      }
    }

    /** {@code postData} / {@code response.content}: the text by its kind, base64 bodies untouched. */
    private void body(ObjectNode body, boolean response) {
      String encoding = text(body, "encoding");
      if (!"base64".equalsIgnoreCase(encoding)) {
        set(body, "text", r.body(text(body, "text"), text(body, "mimeType"), engineIoEntry));
      }
      JsonNode params = body.get("params");
      if (params != null && params.isArray()) {
        params.forEach(item -> {
          if (item instanceof ObjectNode o) {
            param(o);
          }
        });
      }
    }

    /** Any other string: URLs (initiator stacks, redirectURL, page titles) and JWTs. */
    private String generic(String s) {
      if (s == null || s.length() < 8) {
        return s;
      }
      return s.contains("://") || (s.startsWith("/") && s.contains("?")) ? r.url(s) : r.jwt(s);
    }
  }

  private static boolean isEngineIoUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.contains("eio=") || u.contains("transport=polling") || u.contains("transport=websocket");
  }

  private static String text(ObjectNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void set(ObjectNode o, String field, String value) {
    if (value != null && o.has(field)) {
      if (!value.equals(o.get(field).asText())) {
        o.set(field, TextNode.valueOf(value));
      }
    }
  }
}
