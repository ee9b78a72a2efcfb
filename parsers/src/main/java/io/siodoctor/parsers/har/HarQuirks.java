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
    UTF8_BOM("a UTF-8 byte-order mark at the start of the file", null, "skipped"),
    UTF16("the file is UTF-16 (saved by a Windows tool?)", null, "read as UTF-16"),
    EMPTY_DATE("empty startedDateTime (Safari)", "entry", "times unknown"),
    MISSING_DATE("no startedDateTime", "entry", "times unknown"),
    BAD_DATE("unreadable startedDateTime", "entry", "times unknown"),
    LOCAL_OFFSET_DATE("startedDateTime with a local UTC offset (Firefox)", "entry", "converted to UTC"),
    NO_ZONE_DATE("startedDateTime without a time zone", "entry", "read as UTC"),
    COOKIE_DATE("cookie expires date that is not ISO 8601 (Charles, NaN-...)", "cookie", "ignored"),
    STATUS_STRING("response.status written as a string", "entry", "read as a number"),
    BAD_STATUS("unreadable response.status", "entry", "read as 0"),
    NO_TIME("no usable time", "entry", "duration taken from timings where known"),
    NOT_AN_OBJECT_ENTRY("log.entries item that is not an object", "item", "skipped"),
    NOT_AN_OBJECT_MESSAGE("_webSocketMessages item that is not an object", "item", "skipped"),
    MILLISECOND_MESSAGE_TIME(
        "_webSocketMessages time in milliseconds instead of seconds", "message", "converted"),
    BAD_BASE64("content marked base64 that is not valid base64", "entry", "kept as text"),
    LARGE_DATA(
        "body or WebSocket message over 4 MiB", "item", "Engine.IO packets decoded from its first 64 KiB only"),
    SECOND_ENTRIES("a second log.entries array", null, "ignored");

    private final String what;
    private final String noun;
    private final String consequence;

    Kind(String what, String noun, String consequence) {
      this.what = what;
      this.noun = noun;
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

  /** One warning per kind seen. */
  void flush(RecordSink sink) {
    counts.forEach((kind, n) -> sink.warn(message(kind, n)));
    if (entriesMissingFields > 0) {
      String fields =
          missingFields.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "));
      sink.warn(
          "HAR 1.2 required fields missing in " + count(entriesMissingFields, "entry")
              + " (" + fields + "); treated as empty");
    }
    counts.clear();
    firstExamples.clear();
    missingFields.clear();
    entriesMissingFields = 0;
  }

  private String message(Kind kind, int n) {
    StringBuilder sb = new StringBuilder(kind.what);
    if (kind.noun != null) {
      sb.append(" in ").append(count(n, kind.noun));
    }
    String example = firstExamples.get(kind);
    if (example != null) {
      sb.append(" (first: \"").append(example).append("\")");
    }
    return sb.append("; ").append(kind.consequence).toString();
  }

  private static String count(int n, String noun) {
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }
}
