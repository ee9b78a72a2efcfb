package io.siodoctor.analyzer.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 times as people type them on a command line: a full instant, one without zone (UTC), one
 * cut at the hour ({@code 2026-11-24T02}, the key of the per-hour histogram) or a date.
 */
public final class IsoTimes {
  private IsoTimes() {}

  /** @throws IllegalArgumentException with a message that shows the expected form */
  public static Instant parse(String text) {
    String s = text.trim();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException ignored) {
      // try the shorter forms
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // no offset
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // not a date-time
    }
    try {
      if (s.length() == 13 && s.charAt(10) == 'T') {
        return LocalDateTime.parse(s + ":00").toInstant(ZoneOffset.UTC);
      }
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 time: " + text + " (e.g. 2026-11-24T02:00:00Z)");
    }
  }

  /** Second precision, as the summary shows first and last. */
  public static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The UTC hour an instant falls in: {@code 2026-11-24T02}. */
  public static String hour(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
  }
}
