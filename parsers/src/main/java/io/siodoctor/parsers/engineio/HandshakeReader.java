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
}
