package io.siodoctor.parsers.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siodoctor.parsers.fuzz.FuzzChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packet JSON reader's fast path (the hand reader of the compact form) gives the streaming
 * parser's answer, and both give what the JSON tree the readers used before gave: on generated
 * objects and arrays, and on every JSON-looking text of the sample captures.
 */
class SmallJsonTest {
  private static final ObjectMapper TREE =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static JsonNode tree(String text) {
    if (text == null || text.isEmpty() || text.length() > SmallJson.MAX_CHARS) {
      return null;
    }
    try {
      return TREE.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /** Error bodies as the tree reading had them (JSON form). */
  private static EngineIoError errorByTree(String body) {
    JsonNode json = tree(body.strip());
    if (json == null || !json.isObject()) {
      return null;
    }
    long code = HandshakeReaderTest.longField(json, "code", -1);
    String message = HandshakeReaderTest.textField(json, "message");
    return code < 0 || code >= 6 || message == null ? null : new EngineIoError((int) code, message);
  }

  /** A CONNECT_ERROR's message as the tree reading had it. */
  private static String connectErrorByTree(String payload) {
    JsonNode json = tree(payload);
    if (json == null) {
      return payload.length() > SmallJson.MAX_CHARS || payload.startsWith("{") ? null : payload;
    }
    if (json.isTextual()) {
      return json.asText();
    }
    if (json.isObject()) {
      JsonNode message = json.get("message");
      return message == null || message.isNull() ? null : message.asText();
    }
    return payload;
  }

  private static int fastAnswers;

  private static void check(String text) {
    SmallJson.Members fast = SmallJson.compactObject(text);
    SmallJson.Members plain = SmallJson.streamingObject(text);
    if (fast != null) {
      fastAnswers++;
      assertThat(plain).as(text).isNotNull();
      assertThat(fast.asMap()).as(text).isEqualTo(plain.asMap());
    }
    assertThat(HandshakeReader.read(text)).as(text).isEqualTo(HandshakeReaderTest.byTree(text));
    if (text.isEmpty()) {
      return;
    }
    if (text.strip().startsWith("{")) {
      assertThat(PacketDecoder.parseError(text)).as(text).isEqualTo(errorByTree(text));
    }
    assertThat(PacketDecoder.decodeSocketIo("44" + text).errorMessage()).as(text)
        .isEqualTo(connectErrorByTree(text));
    JsonNode json = tree(text);
    if (json != null && json.isArray() && !json.isEmpty()) {
      SmallJson.FirstItem item = SmallJson.firstArrayItem(text);
      assertThat(item).as(text).isEqualTo(SmallJson.streamingFirstItem(text));
      if (json.get(0).isTextual()) {
        assertThat(item.text()).as(text).isEqualTo(json.get(0).asText());
      }
    }
  }

  private static final String[] NAMES = {"sid", "upgrades", "pingInterval", "pingTimeout",
      "maxPayload", "code", "message", "x", "s\\u0069d", "message "};
  private static final String[] STRINGS = {"\"Lbo5JLzTotvW3g2LAAAA\"", "\"\"", "\"websocket\"",
      "\"a\\\"b\"", "\"a\\\\\"", "\"\\u0041\"", "\"tab\tin\"", "\"\u00e9\u4e2d\"", "\"25000\"",
      "\" 20000 \"", "\"Session ID unknown\"", "\"\ud83d\ude00\"", "\"\ud800\""};
  private static final String[] SCALARS = {"0", "1", "25000", "025000", "-1", "1.5", "2.5e4",
      "1e400", "123456789012345678", "1234567890123456789", "123456789012345678901234", "true",
      "false", "null", "truex", "nul", "{}", "{\"sid\":\"inner\"}", "[]", "[\"websocket\"]",
      "[\"a\",\"b\"]", "[\"a\",1,{\"x\":[1]},[\"y\"]]", "[\"a\",]", "[\"a\"", "{"};

  private static String value(Random r) {
    return r.nextBoolean() ? STRINGS[r.nextInt(STRINGS.length)] : SCALARS[r.nextInt(SCALARS.length)];
  }

  private static String space(Random r) {
    return r.nextInt(6) == 0 ? (r.nextBoolean() ? " " : "\n ") : "";
  }

  /** Generated objects, compact and not, well formed and not. */
  @Test
  void fastPathAgreesOnGeneratedObjects() {
    Random r = new Random(16);
    fastAnswers = 0;
    for (int n = 0; n < 10_000; n++) {
      StringBuilder b = new StringBuilder(space(r)).append('{');
      int members = r.nextInt(6);
      for (int k = 0; k < members; k++) {
        if (k > 0) {
          b.append(space(r)).append(',');
        }
        b.append(space(r)).append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"')
            .append(space(r)).append(':').append(space(r)).append(value(r));
      }
      if (r.nextInt(12) == 0) {
        b.append(',');
      }
      b.append(space(r));
      if (r.nextInt(15) != 0) {
        b.append('}');
      }
      if (r.nextInt(15) == 0) {
        b.append(r.nextBoolean() ? "}" : " x");
      }
      String text = b.toString();
      if (r.nextInt(10) == 0) {
        text = text.substring(0, r.nextInt(text.length() + 1));
      }
      check(text);
    }
    assertThat(fastAnswers).as("objects the fast path answered").isGreaterThan(1_000);
  }

  /** Generated event arrays, for the first item. */
  @Test
  void firstItemAgreesOnGeneratedArrays() {
    Random r = new Random(61);
    for (int n = 0; n < 10_000; n++) {
      StringBuilder b = new StringBuilder(space(r)).append('[');
      int items = r.nextInt(4);
      for (int k = 0; k < items; k++) {
        if (k > 0) {
          b.append(space(r)).append(',');
        }
        b.append(space(r)).append(value(r));
      }
      b.append(space(r)).append(']').append(space(r));
      check(b.toString());
    }
  }

  /** Every text of the sample captures that opens a JSON object or array somewhere. */
  @Test
  void fastPathAgreesOnTheSampleCaptures() throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    for (Path file : FuzzChecks.sampleCaptureFiles()) {
      List<String> strings = new ArrayList<>();
      if (file.toString().endsWith(".har")) {
        JsonNode har = tree(null);
        try {
          har = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
          // a deliberately broken HAR: its lines will do
        }
        if (har != null) {
          collect(har, strings);
        }
      }
      strings.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      for (String s : strings) {
        candidates(s, texts);
      }
    }
    fastAnswers = 0;
    int opens = 0;
    for (String text : texts) {
      check(text);
      opens += HandshakeReader.read(text) != null ? 1 : 0;
    }
    assertThat(opens).as("open packets among them").isGreaterThan(100);
    assertThat(fastAnswers).as("texts the fast path answered").isGreaterThan(100);
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> collect(child, out));
  }

  /** The texts from each '{' or '[' (a few per string): to its end, and to its last closer. */
  private static void candidates(String s, Set<String> out) {
    int found = 0;
    for (int i = 0; i < s.length() && found < 12; i++) {
      char c = s.charAt(i);
      if (c != '{' && c != '[') {
        continue;
      }
      found++;
      String rest = s.substring(i);
      if (rest.length() <= SmallJson.MAX_CHARS) {
        out.add(rest);
      }
      int close = s.lastIndexOf(c == '{' ? '}' : ']');
      if (close > i && close + 1 - i <= SmallJson.MAX_CHARS) {
        out.add(s.substring(i, close + 1));
      }
    }
  }
}
