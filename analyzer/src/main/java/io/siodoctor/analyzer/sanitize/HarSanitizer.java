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
import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import io.siodoctor.parsers.redact.Redactor;
import io.siodoctor.parsers.redact.SecretMasker;
import io.siodoctor.parsers.redact.SidHasher;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.siodoctor.parsers.har.JsonErrors;
import io.siodoctor.parsers.record.Excerpts;
import java.io.IOException;
import java.util.Base64;
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
  /** A HAR is a handful of levels deep; JSON inside its strings is parsed separately, with its own bound. */
  static final int MAX_NESTING = 500;
  private final RedactionPolicy policy;
  private final SidHasher sids;
  private final ObjectMapper mapper;

  public HarSanitizer(RedactionPolicy policy, SidHasher sids) {
    this.policy = policy;
    this.sids = sids;
    JsonFactory factory = JsonFactory.builder()
        // one base64 body can exceed Jackson's default 20 M chars (tech-notes Part 5)
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
            .maxNestingDepth(MAX_NESTING).build())
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

  /** Thrown when sanitizing outlasts its time limit (the web server's {@code --sanitize-timeout}). */
  public static final class TimeLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    TimeLimitException(String message) {
      super(message);
    }
  }

  /** Sanitizes {@code in} into {@code out}; returns what was redacted. Closes neither stream. */
  public Redactions sanitize(InputStream in, OutputStream out) throws IOException {
    return sanitize(in, out, Long.MAX_VALUE);
  }

  /**
   * Like {@link #sanitize(InputStream, OutputStream)}, but stops with {@link TimeLimitException}
   * once {@code System.nanoTime()} passes {@code deadlineNanos} (checked between JSON values; each
   * value's redaction is linear in its length).
   */
  public Redactions sanitize(InputStream in, OutputStream out, long deadlineNanos) throws IOException {
    Redactions counts = new Redactions();
    Walk walk = new Walk(new Redactor(policy, sids, counts), deadlineNanos);
    try (JsonParser p = mapper.getFactory().createParser(in);
        JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      // compact output: a sanitized HAR is for tools and sharing, and stays the size of the original
      try {
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
      } catch (StreamConstraintsException e) {
        throw new NotAHarException("not a HAR this tool accepts, at " + JsonErrors.where(p.currentLocation(), 0)
            + ": " + limit(e));
      } catch (java.io.CharConversionException e) {
        // found by fuzzing: NULs first make Jackson read UTF-32, and then a character out of range
        throw new NotAHarException("not valid text in the encoding its first bytes announce, at "
            + JsonErrors.where(p.currentLocation(), 0));
      }
    } catch (JsonProcessingException e) {
      // Jackson quotes the offending token, which may be a secret: hidden, and the rest masked
      throw new NotAHarException("not valid JSON at " + where(e) + ": "
          + SecretMasker.mask(Excerpts.oneLine(JsonErrors.hideToken(firstLine(e.getOriginalMessage())), 200)));
    }
    return counts;
  }

  private static String where(JsonProcessingException e) {
    if (e.getLocation() == null && e.getProcessor() instanceof JsonParser p) {
      return JsonErrors.where(p.currentLocation(), 0);
    }
    return e.getLocation() == null ? "an unknown place" : JsonErrors.where(e.getLocation(), 0);
  }

  /** Jackson's nesting-depth limit, said as such (it used to surface as a "string too long"). */
  private static String limit(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "JSON nested deeper than " + MAX_NESTING + " levels (a HAR is about 6 levels deep)";
    }
    if (m.contains("Number value length") || m.contains("number")) {
      return "a number longer than Jackson's limit";
    }
    return SecretMasker.mask(Excerpts.oneLine(firstLine(m), 200));
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The state of one copy: the redactor and whether the current entry is an Engine.IO request. */
  private final class Walk {
    private final Redactor r;
    private final long deadlineNanos;
    private int values;
    private boolean engineIoEntry;
    private boolean sawLog;

    Walk(Redactor r, long deadlineNanos) {
      this.r = r;
      this.deadlineNanos = deadlineNanos;
    }

    private void checkTime() throws TimeLimitException {
      if ((++values & 1023) == 0 && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
        throw new TimeLimitException("sanitizing took longer than its time limit");
      }
    }

    /** Copies the value at the current token; {@code name} is its field name ("[]" in arrays), {@code parent} the enclosing one's. */
    void copy(JsonParser p, JsonGenerator g, String name, String parent) throws IOException {
      checkTime();
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

    /**
     * A WebSocket message: text frames are Engine.IO packets. Binary frames (base64 in the HAR) that
     * hold text are decoded, redacted and encoded again; others cannot be inspected and become zero
     * bytes of the same length, so frame sizes (and the payload-size diagnosis) stay.
     */
    private void frame(ObjectNode item) {
      JsonNode opcode = item.get("opcode");
      String data = text(item, "data");
      if (opcode == null || opcode.asInt(1) != 2) {
        set(item, "data", r.packet(data));
        return;
      }
      if (data == null || data.isEmpty()) {
        return;
      }
      String decoded = Redactor.decodeText(data);
      if (decoded != null) {
        String redacted = r.packet(decoded);
        if (!redacted.equals(decoded)) {
          set(item, "data", Redactor.encodeText(redacted));
        }
      } else {
        r.dropped();
        set(item, "data", Base64.getEncoder().encodeToString(new byte[decodedLength(data)]));
      }
    }

    /**
     * {@code postData} / {@code response.content}: the text by its kind. A base64 body that is text
     * is decoded, redacted and encoded again; one that is not text cannot be inspected, so it is
     * dropped: its text becomes a marker and the {@code encoding} goes (size and type stay).
     */
    private void body(ObjectNode body, boolean response) {
      String encoding = text(body, "encoding");
      String bodyText = text(body, "text");
      if (!"base64".equalsIgnoreCase(encoding == null ? "" : encoding.strip())) {
        set(body, "text", r.body(bodyText, text(body, "mimeType"), engineIoEntry));
      } else if (bodyText != null && !bodyText.isEmpty()) {
        String decoded = Redactor.decodeText(bodyText);
        if (decoded != null) {
          String redacted = r.body(decoded, text(body, "mimeType"), engineIoEntry);
          if (!redacted.equals(decoded)) {
            set(body, "text", Redactor.encodeText(redacted));
          }
        } else if (engineIoEntry && binaryPayload(body, bodyText)) {
          return; // kept, or redacted in place
        } else {
          body.put("text", r.dropped());
          body.remove("encoding");
        }
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

    /**
     * An Engine.IO binary polling payload (XHR2 framing: length bytes, then packets): its text
     * packets are read byte for byte; when redacting them keeps every length (sids become hashes
     * of the same length) the payload is written back, framing intact, and the method returns
     * true; when a secret would change a length, the framing cannot be kept and it returns false.
     */
    private boolean binaryPayload(ObjectNode body, String base64) {
      String bytes;
      try {
        bytes = new String(Base64.getMimeDecoder().decode(base64), java.nio.charset.StandardCharsets.ISO_8859_1);
      } catch (IllegalArgumentException e) {
        return false;
      }
      String redacted = r.text(bytes);
      if (redacted.equals(bytes)) {
        return true;
      }
      if (redacted.length() != bytes.length() || !redacted.chars().allMatch(c -> c <= 0xff)) {
        return false;
      }
      body.put("text", Base64.getEncoder().encodeToString(redacted.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
      return true;
    }

    /** Any other string: URLs (initiator stacks, redirectURL) and free text (page titles, error texts). */
    private String generic(String s) {
      if (s == null || s.length() < 8) {
        return s;
      }
      return s.contains("://") || (s.startsWith("/") && s.contains("?")) ? r.url(s) : r.text(s);
    }
  }

  /** Bytes that base64 text decodes to (padding and line breaks not counted). */
  private static int decodedLength(String base64) {
    int chars = 0;
    int pad = 0;
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c == '=') {
        pad++;
      } else if (!Character.isWhitespace(c)) {
        chars++;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE - 8, (chars + pad) * 3L / 4 - Math.min(pad, 2));
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
