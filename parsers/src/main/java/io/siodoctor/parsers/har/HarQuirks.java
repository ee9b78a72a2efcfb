package io.siodoctor.parsers.har;

import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.Excerpts;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts what the parser had to tolerate, and reports each kind once at the end ("empty
 * startedDateTime (Safari) in 12 entries; times unknown"), however many entries show it.
 */
final class HarQuirks {

  /** One kind of tolerated oddity, with the words of its warning. */
  enum Kind {
    UTF8_BOM("a UTF-8 byte-order mark at the start of the file", null, null, "skipped"),
    UTF16("the file is UTF-16 (saved by a Windows tool?)", null, null, "read as UTF-16"),
    SECOND_ENTRIES("a second log.entries array", null, null, "ignored"),
    EMPTY_DATE("empty startedDateTime (Safari)", "entry", "entries", "times unknown"),
    MISSING_DATE("no startedDateTime", "entry", "entries", "times unknown"),
    BAD_DATE("unreadable startedDateTime", "entry", "entries", "times unknown"),
    LOCAL_OFFSET_DATE(
        "startedDateTime with a local UTC offset (Firefox)", "entry", "entries", "converted to UTC"),
    NO_ZONE_DATE("startedDateTime without a time zone", "entry", "entries", "read as UTC"),
    COOKIE_DATE(
        "cookie expires date that is not ISO 8601 (Charles, NaN-...)", "cookie", "cookies", "ignored"),
    STATUS_STRING("response.status written as a string", "entry", "entries", "read as a number"),
    BAD_STATUS("unreadable response.status", "entry", "entries", "read as 0"),
    NO_TIME("no usable time", "entry", "entries", "duration taken from timings where known"),
    BAD_BASE64("content marked base64 that is not valid base64", "entry", "entries", "kept as text"),
    NOT_AN_OBJECT_ENTRY("not a JSON object", "log.entries item", "log.entries items", "skipped"),
    NOT_AN_OBJECT_MESSAGE(
        "not a JSON object", "_webSocketMessages item", "_webSocketMessages items", "skipped"),
    NEGATIVE_STATUS(
        "response.status -1 (Playwright: no response)", "entry", "entries",
        "read as no response: failed where _failureText says why, else still pending when the capture stopped"),
    NO_RESPONSE_NO_REASON(
        "status 0 and time 0 with no error field (Firefox: a request that got no answer)", "entry", "entries",
        "read as failed, reason unknown"),
    NO_ANSWER_AFTER_TLS(
        "status 0 with no error field, timings ending in the TLS handshake (Firefox: ssl above 0, no wait, no"
            + " answer)", "entry", "entries", "read as failed in the TLS handshake"),
    NOT_IN_START_ORDER(
        "started before the entry above it (written as responses completed: mitmproxy, Firefox)", "entry", "entries",
        "the analysis orders them by startedDateTime"),
    CORS_REJECTED_AS_PLAIN(
        "cross-origin polling answer the browser's CORS check rejects, exported as a plain answer"
            + " (Firefox, mitmproxy)", "entry", "entries",
        "given Chrome's error for it (net::ERR_FAILED), its body not decoded: the page never got it"),
    OCTET_STREAM_TEXT(
        "application/octet-stream body that is UTF-8 text, stored base64 (netty-socketio polling)",
        "body", "bodies", "read as text"),
    MILLISECOND_MESSAGE_TIME(
        "time in milliseconds instead of seconds", "WebSocket message", "WebSocket messages", "converted"),
    LARGE_DATA(
        "size over 4 MiB", "body or WebSocket message", "bodies or WebSocket messages",
        "Engine.IO packets decoded from the first 64 KiB of each");

    private final String what;
    /** How one and several occurrences are named; null for a quirk of the whole file. */
    private final String one;
    private final String many;
    private final String consequence;

    Kind(String what, String one, String many, String consequence) {
      this.what = what;
      this.one = one;
      this.many = many;
      this.consequence = consequence;
    }
  }

  private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
  private final Map<Kind, String> firstExamples = new EnumMap<>(Kind.class);
  private final Map<String, Integer> missingFields = new TreeMap<>();
  private int entriesMissingFields;

  void note(Kind kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  /** Notes a quirk and keeps the first offending value to quote in the warning. */
  void note(Kind kind, String example) {
    note(kind);
    firstExamples.putIfAbsent(kind, Excerpts.oneLine(example, 40));
  }

  /**
   * Adds what {@code other} noted, as if noted here after what this holds: the quirks of one entry
   * read on another thread, merged in entry order.
   */
  void addAll(HarQuirks other) {
    other.counts.forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
    other.firstExamples.forEach(firstExamples::putIfAbsent);
    other.missingFields.forEach((field, n) -> missingFields.merge(field, n, Integer::sum));
    entriesMissingFields += other.entriesMissingFields;
  }

  /** Notes the HAR 1.2 required fields one entry lacks. */
  void missing(Iterable<String> fields) {
    boolean any = false;
    for (String field : fields) {
      missingFields.merge(field, 1, Integer::sum);
      any = true;
    }
    if (any) {
      entriesMissingFields++;
    }
  }

  /** One warning per kind seen; called once, when the file has been read (or has failed). */
  void flush(RecordSink sink) {
    counts.forEach((kind, n) -> sink.warn(message(kind, n)));
    if (entriesMissingFields > 0) {
      String fields =
          missingFields.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "));
      sink.warn(
          "HAR 1.2 required fields missing in " + count(entriesMissingFields, "entry", "entries")
              + " (" + fields + "); treated as empty");
    }
  }

  private String message(Kind kind, int n) {
    StringBuilder sb = new StringBuilder(kind.what);
    if (kind.one != null) {
      sb.append(" in ").append(count(n, kind.one, kind.many));
    }
    String example = firstExamples.get(kind);
    if (example != null) {
      sb.append(" (first: \"").append(example).append("\")");
    }
    return sb.append("; ").append(kind.consequence).toString();
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
