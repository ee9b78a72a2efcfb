package io.siodoctor.parsers.har;

import io.siodoctor.parsers.logs.TimeReader;
import java.time.Instant;

/**
 * The quirks of {@code startedDateTime} and cookie {@code expires} as exporters write them: ISO
 * 8601 with {@code Z} (Chrome), with a local offset (Firefox), empty (Safari), RFC 1123 or {@code
 * NaN-...} (Charles and others). The dates themselves are read by {@link TimeReader}, the one
 * timestamp reader.
 */
final class HarDates {
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
    if (text.isBlank()) {
      return new Parsed(null, HarQuirks.Kind.EMPTY_DATE);
    }
    TimeReader.IsoDateTime t = TimeReader.isoDateTime(text);
    if (t == null) {
      return new Parsed(null, HarQuirks.Kind.BAD_DATE);
    }
    HarQuirks.Kind quirk = !t.zoned() ? HarQuirks.Kind.NO_ZONE_DATE
        : t.offsetSeconds() != 0 ? HarQuirks.Kind.LOCAL_OFFSET_DATE : null;
    return new Parsed(t.instant(), quirk);
  }

  /** Whether a cookie's {@code expires} is absent or ISO 8601 (anything else is a quirk). */
  static boolean isAbsentOrIso(String expires) {
    return expires == null || expires.isBlank() || TimeReader.isIsoDateTime(expires);
  }
}
