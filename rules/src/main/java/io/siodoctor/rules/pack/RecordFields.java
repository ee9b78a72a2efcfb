package io.siodoctor.rules.pack;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.util.Locale;
import java.util.Set;

/**
 * The fields a rule pack can match on, read from a record. A field a record kind does not have
 * reads as null and never matches.
 */
final class RecordFields {
  static final Set<String> KINDS = Set.of("http", "websocket", "log", "any");
  static final Set<String> FIELDS = Set.of(
      "file", "text", "url", "method", "status", "body", "requestBody", "error", "data", "direction",
      "event", "source", "node", "level", "sid");
  static final String HEADER = "header.";
  static final String REQUEST_HEADER = "requestHeader.";

  private RecordFields() {}

  static String kind(Record r) {
    if (r instanceof HttpExchange) {
      return "http";
    }
    if (r instanceof WsFrame) {
      return "websocket";
    }
    return "log";
  }

  static String read(Record r, String field) {
    if (field.equals("file")) {
      return r.location().file();
    }
    if (field.equals("sid")) {
      return r.sid().orElse(null);
    }
    if (field.equals("text")) {
      return r instanceof LogLine l ? l.message() : r.excerpt();
    }
    if (r instanceof HttpExchange x) {
      if (field.startsWith(HEADER)) {
        return x.responseHeader(field.substring(HEADER.length())).orElse(null);
      }
      if (field.startsWith(REQUEST_HEADER)) {
        return x.requestHeader(field.substring(REQUEST_HEADER.length())).orElse(null);
      }
      switch (field) {
        case "url":
          return x.url();
        case "method":
          return x.method();
        case "status":
          return Integer.toString(x.status());
        case "body":
          return x.responseBody();
        case "requestBody":
          return x.requestBody();
        case "error":
          return x.error();
        default:
          return null;
      }
    }
    if (r instanceof WsFrame f) {
      switch (field) {
        case "url":
          return f.url();
        case "data":
          return f.data();
        case "direction":
          return f.direction().name().toLowerCase(Locale.ROOT);
        default:
          return null;
      }
    }
    LogLine l = (LogLine) r;
    switch (field) {
      case "event":
        return l.event().name().toLowerCase(Locale.ROOT).replace('_', '-');
      case "source":
        return l.source();
      case "node":
        return l.node();
      case "level":
        return l.level();
      case "url":
        return l.access() == null ? null : l.access().url();
      case "status":
        return l.access() == null || l.access().status() < 0 ? null : Integer.toString(l.access().status());
      default:
        return null;
    }
  }
}
