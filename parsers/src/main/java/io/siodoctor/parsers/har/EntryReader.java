package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      Set.of("status", "statusText", "headers", "cookies", "content", "redirectURL", "_error", "_failureText");

  private final HarQuirks quirks;
  private final ParsePosition position;
  /** Bodies no rule reads are skipped unread ({@link BodyRetention}). */
  private final boolean skipBodies;

  EntryReader(HarQuirks quirks, ParsePosition position, boolean skipBodies) {
    this.quirks = quirks;
    this.position = position;
    this.skipBodies = skipBodies;
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
          e.request = skipBodies ? readRequest(p, e) : TreeReader.read(p, REQUEST_MEMBERS);
          break;
        case "response":
          e.response = skipBodies ? readResponse(p, e) : TreeReader.read(p, RESPONSE_MEMBERS);
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

  /** The request's members, its {@code postData.text} skipped when {@link BodyRetention} drops it. */
  private static JsonNode readRequest(JsonParser p, RawEntry e) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return TreeReader.read(p);
    }
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    // a repeated member replaces the earlier one, as in a tree
    e.requestSkipped = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!REQUEST_MEMBERS.contains(name)) {
        p.skipChildren();
      } else if (name.equals("postData") && value == JsonToken.START_OBJECT
          && !BodyRetention.keepsRequestBody(request)) {
        ObjectNode post = JsonNodeFactory.instance.objectNode();
        e.requestSkipped = readBodyHolder(p, post, SkippedBody.declared(request.path("bodySize")));
        request.set(name, post);
      } else {
        if (name.equals("postData")) {
          e.requestSkipped = null;
        }
        request.set(name, TreeReader.read(p));
      }
    }
    return request;
  }

  /** The response's members, its {@code content.text} skipped when {@link BodyRetention} drops it. */
  private static JsonNode readResponse(JsonParser p, RawEntry e) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return TreeReader.read(p);
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    e.responseSkipped = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!RESPONSE_MEMBERS.contains(name)) {
        p.skipChildren();
      } else if (name.equals("content") && value == JsonToken.START_OBJECT) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        e.responseSkipped = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String member = p.currentName();
          JsonToken v = p.nextToken();
          if (member.equals("text") && v == JsonToken.VALUE_STRING
              && !BodyRetention.keepsResponseBody(e, response, content)) {
            content.remove(member);
            e.responseSkipped = SkippedBody.read(p, !SkippedBody.declared(content.path("size")));
          } else {
            if (member.equals("text")) {
              e.responseSkipped = null;
            }
            content.set(member, TreeReader.read(p));
          }
        }
        response.set(name, content);
      } else {
        if (name.equals("content")) {
          e.responseSkipped = null;
        }
        response.set(name, TreeReader.read(p));
      }
    }
    return response;
  }

  /**
   * The members of {@code postData} into {@code post}, its {@code text} measured, not kept; a later
   * member of the same name wins, as in a tree.
   */
  private static SkippedBody readBodyHolder(JsonParser p, ObjectNode post, boolean sized) throws IOException {
    SkippedBody last = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String member = p.currentName();
      JsonToken v = p.nextToken();
      if (member.equals("text") && v == JsonToken.VALUE_STRING) {
        post.remove(member);
        last = SkippedBody.read(p, !sized);
      } else {
        if (member.equals("text")) {
          last = null;
        }
        post.set(member, TreeReader.read(p));
      }
    }
    return last;
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
