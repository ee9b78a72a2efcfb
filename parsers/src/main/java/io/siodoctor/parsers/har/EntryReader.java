package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Set;

/**
 * Reads one entry object from the stream. The entry is walked member by member rather than bound
 * as a whole: {@code _webSocketMessages} can be far larger than the heap, {@code _initiator} stacks
 * are skipped unread, and har-reader's model would truncate Chrome's fractional {@code time}.
 */
final class EntryReader {
  /** The members of {@code request} and {@code response} that {@link ExchangeBuilder} reads. */
  private static final Set<String> REQUEST_MEMBERS =
      Set.of("method", "url", "headers", "cookies", "postData", "bodySize");
  private static final Set<String> RESPONSE_MEMBERS =
      Set.of("status", "statusText", "headers", "cookies", "content", "_error", "_failureText");

  private final HarQuirks quirks;
  private final ParsePosition position;

  EntryReader(HarQuirks quirks, ParsePosition position) {
    this.quirks = quirks;
    this.position = position;
  }

  /** Reads the entry whose START_OBJECT is the current token, up to its END_OBJECT. */
  RawEntry read(JsonParser p, int index, WsMessageSpool spool) throws IOException {
    RawEntry e = new RawEntry(index, spool);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "startedDateTime":
          e.startedDateTime = scalar(p, value);
          break;
        case "time":
          e.time = TreeReader.read(p);
          break;
        case "request":
          e.request = TreeReader.read(p, REQUEST_MEMBERS);
          break;
        case "response":
          e.response = TreeReader.read(p, RESPONSE_MEMBERS);
          break;
        case "timings":
          e.timings = TreeReader.read(p);
          break;
        case "cache":
          e.hasCache = true;
          p.skipChildren();
          break;
        case "_resourceType":
          e.resourceType = scalar(p, value);
          break;
        case "_webSocketMessages":
          readMessages(p, spool);
          break;
        case "_initiator":
        case "_priority":
          e.chromeMembers = true;
          p.skipChildren();
          break;
        default:
          p.skipChildren();
      }
    }
    return e;
  }

  private void readMessages(JsonParser p, WsMessageSpool spool) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    int j = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), j++) {
      position.message(j);
      if (t != JsonToken.START_OBJECT) {
        quirks.note(HarQuirks.Kind.NOT_AN_OBJECT_MESSAGE);
        p.skipChildren();
        continue;
      }
      spool.add(readMessage(p, j));
    }
    position.message(-1);
  }

  private RawWsMessage readMessage(JsonParser p, int index) throws IOException {
    String type = null;
    double time = Double.NaN;
    int opcode = 1;
    String data = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "type":
          type = scalar(p, value);
          break;
        case "time":
          time = value.isNumeric() ? p.getDoubleValue() : number(scalar(p, value));
          break;
        case "opcode":
          double n = value.isNumeric() ? p.getDoubleValue() : number(scalar(p, value));
          opcode = Double.isNaN(n) ? 1 : (int) n;
          break;
        case "data":
          String text = scalar(p, value);
          data = text == null ? "" : text;
          break;
        default:
          p.skipChildren();
      }
    }
    if (time > 1e11) {
      // epoch seconds are about 1.7e9; 1e11 seconds is the year 5138, so this is milliseconds
      quirks.note(HarQuirks.Kind.MILLISECOND_MESSAGE_TIME);
      time /= 1000;
    }
    int size = data.length();
    if (size > Bounds.DECODE_CHARS) {
      quirks.note(HarQuirks.Kind.LARGE_DATA);
      data = Bounds.cut(data);
    }
    return new RawWsMessage(index, type, time, opcode, data, size);
  }

  /** A scalar member as text; null for JSON null, and for an object or array (skipped unread). */
  private static String scalar(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value.isScalarValue()) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static double number(String text) {
    if (text == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
