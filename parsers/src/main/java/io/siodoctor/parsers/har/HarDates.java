package io.siodoctor.parsers.har;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
    Parsed fast = fastIso(t);
    if (fast != null) {
      return fast;
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

  /**
   * The shape every browser writes, {@code 2026-11-25T10:00:00.120Z} or with {@code +02:00}, read
   * by hand: DateTimeFormatter cost more than all the rest of an entry. Null for any other shape.
   */
  private static Parsed fastIso(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (t.charAt(i) == '.') {
      int digits = 0;
      for (i++; i < n && Character.isDigit(t.charAt(i)); i++, digits++) {
        if (digits < 9) {
          nanos = nanos * 10 + (t.charAt(i) - '0');
        }
      }
      if (digits == 0) {
        return null;
      }
      for (int d = Math.min(digits, 9); d < 9; d++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && t.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int hours = digits(t, i + 1, 2);
      int minutes = digits(t, i + 4, 2);
      if (hours < 0 || minutes < 0) {
        return null;
      }
      offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
        + hour * 3600L + minute * 60L + second - offsetSeconds;
    return new Parsed(
        Instant.ofEpochSecond(epochSecond, nanos),
        offsetSeconds == 0 ? null : HarQuirks.Kind.LOCAL_OFFSET_DATE);
  }

  /** The decimal number in {@code t[from, from+count)}, or -1 when those are not all digits. */
  private static int digits(String t, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
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
