package io.siodoctor.parsers.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader must read every open packet exactly as a JSON tree did. */
class HandshakeReaderTest {
  private static final ObjectMapper TREE =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** The tree reading the handshake had before: the oracle. */
  static Handshake byTree(String text) {
    JsonNode json;
    try {
      json = TREE.readTree(text);
    } catch (Exception e) {
      return null;
    }
    String sid = json == null || !json.isObject() ? null : textField(json, "sid");
    if (sid == null || sid.isEmpty()) {
      return null;
    }
    List<String> upgrades = new ArrayList<>();
    JsonNode list = json.get("upgrades");
    if (list != null && list.isArray()) {
      list.forEach(u -> {
        if (u.isTextual()) {
          upgrades.add(u.asText());
        }
      });
    }
    return new Handshake(sid, upgrades, longField(json, "pingInterval", -1),
        longField(json, "pingTimeout", -1), longField(json, "maxPayload", -1));
  }

  /** A member's text when it is a JSON string, as the tree reading had it. */
  static String textField(JsonNode object, String name) {
    JsonNode n = object.get(name);
    return n != null && n.isTextual() ? n.asText() : null;
  }

  /** A member as a long (numbers, and numbers in strings), as the tree reading had it. */
  static long longField(JsonNode object, String name, long fallback) {
    JsonNode n = object.get(name);
    if (n == null) {
      return fallback;
    }
    if (n.isNumber()) {
      return n.asLong();
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.asText().trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"sid\":\"Lbo5JLzTotvW3g2LAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}",
      "{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}",
      "{\"sid\":\"a\",\"upgrades\":[\"websocket\",3,{\"x\":[1]},[\"y\"],\"webtransport\"]}",
      "{\"sid\":\"a\",\"pingInterval\":\"25000\",\"pingTimeout\":\" 20000 \",\"maxPayload\":\"big\"}",
      "{\"sid\":\"a\",\"pingInterval\":2.5e4,\"pingTimeout\":19999.9,\"maxPayload\":123456789012345678901234}",
      "{\"sid\":\"a\",\"pingInterval\":true,\"pingTimeout\":null,\"maxPayload\":{\"n\":1}}",
      "{\"sid\":\"a\",\"sid\":\"b\",\"upgrades\":[\"websocket\"],\"upgrades\":\"none\"}",
      "{\"sid\":\"a\",\"sid\":5}",
      "{\"sid\":5,\"sid\":\"c\"}",
      "{\"extra\":{\"nested\":[1,2,{\"sid\":\"inner\"}]},\"sid\":\"outer\"}",
      "{\"sid\":\"\"}",
      "{\"upgrades\":[]}",
      "[\"sid\"]",
      "\"sid\"",
      "{\"sid\":\"a\"} {}",
      "{\"sid\":\"a\"}   ",
      "{\"sid\":\"a\"",
      "{\"sid\":\"a\",\"upgrades\":[\"websocket\"",
      "{sid:\"a\"}",
      "null",
      "",
      "{\"upgrades\":[\"websocket\"],\"pingTimeout\":20000,\"sid\":\"late\",\"pingInterval\":25000}",
      "{\"sid\":\"a\",\"pingInterval\":025000}",
      "{\"sid\":\"a\",\"pingInterval\":-1,\"pingTimeout\":0}",
      "{\"sid\":\"a\",\"pingInterval\":1234567890123456789012}",
      "{\"sid\":\"s\u00e9\u4e2d\",\"upgrades\":[\"web\\\"socket\"]}",
      "{\"sid\":\"a\\u0041\"}",
      "{\"sid\":\"a\",\"x\":true,\"y\":false,\"z\":null,\"w\":\"v\",\"n\":7}",
      "{\"sid\":\"a\",\"x\":truex}",
      "{ \"sid\" : \"a\" , \"pingInterval\" : 25000 }",
      "{\"sid\":\"a\",}",
      "{\"sid\":\"a\"}}",
      "{\"sid\":\"a\",\"upgrades\":[\"websocket\",]}",
      "{\"sid\":\"a\",\"pingInterval\":25000,\"pingInterval\":\"30000\"}",
      "{\"sid\":\"tab\tin\"}",
      "{}"})
  void readsAsTheTreeDid(String json) {
    assertThat(HandshakeReader.read(json)).isEqualTo(byTree(json));
  }

  @org.junit.jupiter.api.Test
  void engineIosOwnOutputTakesTheHandWrittenPath() {
    String open = "{\"sid\":\"Lbo5JLzTotvW3g2LAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
        + "\"pingTimeout\":20000,\"maxPayload\":1000000}";
    assertThat(SmallJson.compactObject(open)).isNotNull();
    assertThat(HandshakeReader.read(open)).isEqualTo(byTree(open));
    // and leaves what it does not know to the parser
    assertThat(SmallJson.compactObject("{ \"sid\":\"a\"}")).isNull();
  }
}
