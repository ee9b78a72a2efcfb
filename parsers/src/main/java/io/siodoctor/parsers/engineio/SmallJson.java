package io.siodoctor.parsers.engineio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The small JSON documents inside packets (open packet, CONNECT and CONNECT_ERROR payloads, error
 * bodies). Anything over {@link #MAX_CHARS} is not parsed as a tree: these fields are tiny in real
 * traffic, and a multi-megabyte payload must not cost a tree.
 */
final class SmallJson {
  static final int MAX_CHARS = 64 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private SmallJson() {}

  /** The JSON value of {@code text}, or null when it is too large or not exactly one JSON value. */
  static JsonNode parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /** The first item of a JSON array: its token and its text. */
  record FirstItem(JsonToken token, String text) {
    boolean isString() {
      return token == JsonToken.VALUE_STRING;
    }

    boolean isNumber() {
      return token.isNumeric();
    }
  }

  /**
   * The first item of a JSON array, read by streaming: no tree is built, so event names come
   * cheaply from every frame, and from payloads of any size. An array that opens with a plain
   * string and closes with {@code ]} is taken as it is; otherwise the rest must be well-formed JSON
   * with nothing after the array, checked up to {@link #MAX_CHARS}.
   *
   * @return null when the text does not open a non-empty array, or fails the check
   */
  static FirstItem firstArrayItem(String text) {
    FirstItem quick = quickFirstString(text);
    if (quick != null) {
      return quick;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      JsonToken first = p.nextToken();
      if (first == null || first == JsonToken.END_ARRAY) {
        return null;
      }
      FirstItem item = new FirstItem(first, first.isScalarValue() ? p.getText() : null);
      if (text.length() > MAX_CHARS) {
        return item;
      }
      p.skipChildren();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          return null;
        }
        p.skipChildren();
      }
      return p.nextToken() == null ? item : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Whether the text is exactly one JSON value opening with {@code open}, checked by streaming.
   * Over {@link #MAX_CHARS} only the opening character is checked.
   */
  static boolean isOneValue(String text, char open) {
    String t = text.stripLeading();
    if (t.isEmpty() || t.charAt(0) != open) {
      return false;
    }
    if (text.length() > MAX_CHARS || (open == '[' && endsWithClose(t, ']'))) {
      // an array that closes: a diagnosis needs no full validation of every event's arguments,
      // and this runs once per frame of captures with millions of them
      return true;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      p.nextToken();
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The common case of an event, {@code ["name", ...]} with a plain name, read without a JSON
   * parser: creating one per frame dominated the cost of long captures. Anything unusual (escapes,
   * a non-string first item, no closing bracket) returns null and takes the full path.
   */
  private static FirstItem quickFirstString(String text) {
    if (text.length() < 4 || text.charAt(0) != '[' || text.charAt(1) != '"' || !endsWithClose(text, ']')) {
      return null;
    }
    for (int i = 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c < 0x20) {
        return null;
      }
      if (c == '"') {
        int j = i + 1;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        if (j < text.length() && (text.charAt(j) == ',' || text.charAt(j) == ']')) {
          return new FirstItem(JsonToken.VALUE_STRING, text.substring(2, i));
        }
        return null;
      }
    }
    return null;
  }

  private static boolean endsWithClose(String text, char close) {
    int end = text.length() - 1;
    while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    return end >= 0 && text.charAt(end) == close;
  }

  /** A JSON string literal's value ({@code "a\"b"} → {@code a"b}), or null when it is not one. */
  static String stringLiteral(String literal) {
    try (JsonParser p = MAPPER.getFactory().createParser(literal)) {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String value = p.getText();
      return p.nextToken() == null ? value : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A member as a long: JSON numbers, and numbers written as strings; {@code fallback} otherwise. */
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

  /** A member's text when it is a JSON string; null otherwise. */
  static String textField(JsonNode object, String name) {
    JsonNode n = object.get(name);
    return n != null && n.isTextual() ? n.asText() : null;
  }
}
