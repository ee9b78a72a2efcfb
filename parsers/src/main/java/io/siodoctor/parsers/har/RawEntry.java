package io.siodoctor.parsers.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One HAR entry as read from the stream, before it becomes records. The request, response and
 * timings objects are small trees; the WebSocket messages sit in a spool. Absent members stay
 * {@link MissingNode} or null so that the builder can tell "absent" from "empty".
 */
final class RawEntry {
  final int index;
  final WsMessageSpool messages;
  String startedDateTime;
  JsonNode time = MissingNode.getInstance();
  JsonNode request = MissingNode.getInstance();
  JsonNode response = MissingNode.getInstance();
  JsonNode timings = MissingNode.getInstance();
  boolean hasCache;
  String resourceType;
  /** {@code response.content.text} when it was skipped unread ({@link BodyRetention}), else null. */
  SkippedBody responseSkipped;
  /** {@code request.postData.text} when it was skipped unread, else null. */
  SkippedBody requestSkipped;
  /** Chrome DevTools' own members ({@code _initiator}, {@code _priority}) were seen: the file's shape. */
  boolean chromeMembers;

  /** {@code content.text} or a stand-in as empty, blank or placeholder as it ({@link SkippedBody#probe}); null when absent. */
  String responseText() {
    if (responseSkipped != null) {
      return responseSkipped.probe();
    }
    JsonNode text = response.path("content").path("text");
    return text.isTextual() ? text.asText() : null;
  }

  /** {@code postData.text} or its stand-in, as {@link #responseText}. */
  String requestText() {
    if (requestSkipped != null) {
      return requestSkipped.probe();
    }
    JsonNode text = request.path("postData").path("text");
    return text.isTextual() ? text.asText() : null;
  }

  RawEntry(int index, WsMessageSpool messages) {
    this.index = index;
    this.messages = messages;
  }
}
