package io.siodoctor.parsers.har;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * {@code startedDateTime} and cookie {@code expires} as exporters write them: ISO 8601 with
 * {@code Z} (Chrome), with a local offset (Firefox), empty (Safari), RFC 1123 or {@code NaN-...}
 * (Charles and others).
 */
final class HarDates {
  /** ISO 8601 with the offset written {@code +02:00}, {@code +0200} or {@code Z}. */
  private static final DateTimeFormatter ISO_ANY_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private HarDates() {}

  /**
   * A parsed date and the quirk it showed.
   *
   * @param instant null when the date is unknown
   * @param quirk null for a clean UTC ISO 8601 date
   */
  record Parsed(Instant instant, HarQuirks.Kind quirk) {}

  static Parsed parse(String text) {
    if (text == null) {
      return new Parsed(null, HarQuirks.Kind.MISSING_DATE);
    }
    String t = text.strip();
    if (t.isEmpty()) {
      return new Parsed(null, HarQuirks.Kind.EMPTY_DATE);
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    try {
      var parsed = ISO_ANY_OFFSET.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        HarQuirks.Kind quirk =
            odt.getOffset().equals(ZoneOffset.UTC) ? null : HarQuirks.Kind.LOCAL_OFFSET_DATE;
        return new Parsed(odt.toInstant(), quirk);
      }
      return new Parsed(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC), HarQuirks.Kind.NO_ZONE_DATE);
    } catch (DateTimeParseException e) {
      return new Parsed(null, HarQuirks.Kind.BAD_DATE);
    }
  }

  /** Whether a cookie's {@code expires} is absent or ISO 8601 (anything else is a quirk). */
  static boolean isAbsentOrIso(String expires) {
    if (expires == null || expires.isBlank()) {
      return true;
    }
    try {
      ISO_ANY_OFFSET.parse(expires.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
