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
  /** Chrome DevTools' own members ({@code _initiator}, {@code _priority}) were seen: the file's shape. */
  boolean chromeMembers;

  RawEntry(int index, WsMessageSpool messages) {
    this.index = index;
    this.messages = messages;
  }
}
