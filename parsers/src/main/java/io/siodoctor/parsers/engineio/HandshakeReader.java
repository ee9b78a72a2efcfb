package io.siodoctor.parsers.engineio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an open packet's JSON by streaming, without a tree: every session of a server log has one,
 * and building a tree for each was a tenth of a batch scan's incident work. Same reading as a tree:
 * the last of a repeated member wins, numbers may be written as strings, and anything that is not
 * exactly one JSON object gives null.
 */
final class HandshakeReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private HandshakeReader() {}

  /** The handshake in {@code json}, or null when it is not one JSON object with a string sid. */
  static Handshake read(String json) {
    if (json == null || json.isEmpty() || json.length() > SmallJson.MAX_CHARS) {
      return null;
    }
    Handshake compact = Compact.read(json);
    return compact != null ? compact : readStreaming(json);
  }

  private static Handshake readStreaming(String json) {
    String sid = null;
    List<String> upgrades = new ArrayList<>();
    long pingInterval = -1;
    long pingTimeout = -1;
    long maxPayload = -1;
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "sid" -> sid = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "upgrades" -> upgrades = strings(p, v);
          case "pingInterval" -> pingInterval = number(p, v);
          case "pingTimeout" -> pingTimeout = number(p, v);
          case "maxPayload" -> maxPayload = number(p, v);
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null; // malformed, or something after the object
      }
    } catch (IOException e) {
      return null;
    }
    if (sid == null || sid.isEmpty()) {
      return null;
    }
    return new Handshake(sid, upgrades, pingInterval, pingTimeout, maxPayload);
  }

  /** The string items of an array (others skipped); empty when the value is not an array. */
  private static List<String> strings(JsonParser p, JsonToken v) throws IOException {
    List<String> out = new ArrayList<>();
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      return out;
    }
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new IOException("unclosed array");
      }
      if (t == JsonToken.VALUE_STRING) {
        out.add(p.getText());
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  /** A member as a long, as a tree's {@code asLong} reads it; numbers in strings too; -1 otherwise. */
  private static long number(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue().longValue() : p.getLongValue();
    }
    if (v == JsonToken.VALUE_NUMBER_FLOAT) {
      return (long) p.getDoubleValue();
    }
    if (v == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(p.getText().trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    p.skipChildren();
    return -1;
  }

  /**
   * engine.io's own {@code JSON.stringify} output, read by hand: no whitespace, plain strings (no
   * escapes), integers, and arrays of plain strings. A parser per open packet was still most of the
   * reading; anything else, or anything in doubt, returns null and goes to the real parser.
   */
  static final class Compact {
    private final String s;
    private int i;

    private Compact(String s) {
      this.s = s;
    }

    static Handshake read(String json) {
      try {
        return new Compact(json).object();
      } catch (IndexOutOfBoundsException e) {
        return null; // cut short: the real parser says what it is
      }
    }

    private Handshake object() {
      if (s.charAt(i++) != '{' || s.charAt(s.length() - 1) != '}') {
        return null;
      }
      String sid = null;
      List<String> upgrades = new ArrayList<>();
      long pingInterval = -1;
      long pingTimeout = -1;
      long maxPayload = -1;
      if (s.charAt(i) == '}') {
        return null; // no sid
      }
      while (true) {
        String name = string();
        if (name == null || s.charAt(i++) != ':') {
          return null;
        }
        char c = s.charAt(i);
        switch (name) {
          case "sid" -> {
            sid = string();
            if (sid == null) {
              return null;
            }
          }
          case "upgrades" -> {
            upgrades = strings();
            if (upgrades == null) {
              return null;
            }
          }
          case "pingInterval" -> pingInterval = number();
          case "pingTimeout" -> pingTimeout = number();
          case "maxPayload" -> maxPayload = number();
          default -> {
            if (!skipSimpleValue(c)) {
              return null;
            }
          }
        }
        if (pingInterval == Long.MIN_VALUE || pingTimeout == Long.MIN_VALUE || maxPayload == Long.MIN_VALUE) {
          return null;
        }
        char next = s.charAt(i++);
        if (next == '}') {
          // the object must end the text
          return i == s.length() && sid != null && !sid.isEmpty()
              ? new Handshake(sid, upgrades, pingInterval, pingTimeout, maxPayload) : null;
        }
        if (next != ',') {
          return null;
        }
      }
    }

    /** A string without escapes, or null. */
    private String string() {
      if (s.charAt(i) != '"') {
        return null;
      }
      int start = i + 1;
      int end = s.indexOf('"', start);
      if (end < 0) {
        return null;
      }
      for (int k = start; k < end; k++) {
        char c = s.charAt(k);
        if (c == '\\' || c < 0x20) {
          return null;
        }
      }
      i = end + 1;
      return s.substring(start, end);
    }

    /** An array of plain strings, or null. */
    private List<String> strings() {
      if (s.charAt(i++) != '[') {
        return null;
      }
      List<String> out = new ArrayList<>();
      if (s.charAt(i) == ']') {
        i++;
        return out;
      }
      while (true) {
        String item = string();
        if (item == null) {
          return null;
        }
        out.add(item);
        char c = s.charAt(i++);
        if (c == ']') {
          return out;
        }
        if (c != ',') {
          return null;
        }
      }
    }

    /** A non-negative integer of at most 18 digits, or {@code Long.MIN_VALUE} for anything else. */
    private long number() {
      int start = i;
      long v = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 18) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || (s.charAt(start) == '0' && i - start > 1)) {
        return Long.MIN_VALUE;
      }
      char c = s.charAt(i);
      return c == ',' || c == '}' ? v : Long.MIN_VALUE;
    }

    /** Skips a plain string, an integer, true, false or null; false for anything else. */
    private boolean skipSimpleValue(char c) {
      if (c == '"') {
        return string() != null;
      }
      for (String word : new String[] {"true", "false", "null"}) {
        if (s.startsWith(word, i)) {
          i += word.length();
          return true;
        }
      }
      return number() != Long.MIN_VALUE;
    }
  }
}
