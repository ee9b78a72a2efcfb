package io.siodoctor.parsers.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp reader: the forms found in logs, HAR dates, and the times people type.
 *
 * <p>An instance reads log timestamps straight from bytes, without regex or allocation (the last
 * {@link Instant} is reused while the time does not change). Each {@code read*} method returns the
 * offset just past the timestamp, or -1 when the bytes are not that form; on success {@link
 * #instant()} gives the time in UTC. Times written without a zone are read in the reader's default
 * zone (UTC unless told otherwise), and {@link #zoned()} says which case applied.
 *
 * <p>The static methods read ISO 8601 text ({@link #isoDateTime}: HAR {@code startedDateTime};
 * {@link #parseInstant}: {@code --since}, {@code --until}, event queries). Their fast path reads
 * the form browsers write by digits at fixed offsets, as the log reader does; every other text goes
 * to java.time, whose answer the fast path gives too ({@code TimeReaderSamenessTest}).
 */
public final class TimeReader {

  private static final int[] POW10 = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private final ZoneId defaultZone;
  private final boolean defaultIsUtc;

  private long epochSecond;
  private int nanos;
  private boolean zoned;

  private Instant last;
  private long lastSecond = Long.MIN_VALUE;
  private int lastNanos = -1;

  // offset cache for a non-UTC default zone, per local hour
  private long cachedLocalHour = Long.MIN_VALUE;
  private int cachedOffset;

  TimeReader() {
    this(ZoneOffset.UTC);
  }

  TimeReader(ZoneId defaultZone) {
    this.defaultZone = defaultZone == null ? ZoneOffset.UTC : defaultZone;
    this.defaultIsUtc = this.defaultZone.equals(ZoneOffset.UTC);
  }

  /** Whether the last timestamp read carried its own zone or offset. */
  boolean zoned() {
    return zoned;
  }

  long epochSecond() {
    return epochSecond;
  }

  int nanos() {
    return nanos;
  }

  /** The last time read, as an Instant (the same object while the time does not change). */
  Instant instant() {
    if (epochSecond != lastSecond || nanos != lastNanos) {
      last = Instant.ofEpochSecond(epochSecond, nanos);
      lastSecond = epochSecond;
      lastNanos = nanos;
    }
    return last;
  }

  /** Sets the time directly (epoch milliseconds). */
  void setEpochMillis(long millis) {
    epochSecond = Math.floorDiv(millis, 1000L);
    nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
    zoned = true;
  }

  /**
   * ISO 8601 / RFC 3339: {@code 2021-05-15T15:17:22.687Z}, {@code 2026-11-26 03:00:00,123},
   * {@code 2020-11-28T20:20:26.316906+00:00}; fraction of 0-9 digits (more are ignored); zone
   * {@code Z}, {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH} or none.
   */
  int readIso(byte[] b, int p, int end) {
    if (end - p < 19) {
      return -1;
    }
    // consecutive lines mostly share the date and time to the second: reuse it
    if (isoPrefix.matches(b, p)) {
      return readIsoTail(b, p + 19, end, isoPrefix.local);
    }
    if (b[p + 4] != '-' || b[p + 7] != '-' || b[p + 13] != ':' || b[p + 16] != ':') {
      return -1;
    }
    byte sep = b[p + 10];
    if (sep != 'T' && sep != ' ' && sep != 't') {
      return -1;
    }
    long local = fixedDateTime(new Latin1(b), p, false);
    if (local == Long.MIN_VALUE) {
      return -1;
    }
    isoPrefix.remember(b, p, local);
    return readIsoTail(b, p + 19, end, local);
  }

  /**
   * The text of the last valid date-and-time-to-the-second of one form, and its local epoch
   * second. Consecutive log lines mostly share it, and comparing the bytes is cheaper than
   * reading digits and counting days again (15 % of parsing an nginx error log).
   */
  private static final class Prefix {
    private final byte[] text;
    private boolean valid;
    long local;

    Prefix(int length) {
      text = new byte[length];
    }

    /** Whether b[p..) starts with the remembered text (the caller checked the length). */
    boolean matches(byte[] b, int p) {
      return valid && Ascii.equals(b, p, text, 0, text.length);
    }

    void remember(byte[] b, int p, long localSecond) {
      System.arraycopy(b, p, text, 0, text.length);
      local = localSecond;
      valid = true;
    }
  }

  private final Prefix isoPrefix = new Prefix(19);
  private final Prefix slashedPrefix = new Prefix(19);
  private final Prefix clfPrefix = new Prefix(20);

  /** Nanoseconds of the last {@link #readFraction}. */
  private int fraction;

  /**
   * The digits of a fraction of a second starting at {@code p} (after the separator), as
   * nanoseconds in {@link #fraction} (digits past nine are read and dropped); returns the end.
   */
  private int readFraction(byte[] b, int p, int end) {
    int k = p;
    int ns = 0;
    int digits = 0;
    while (k < end && Ascii.isDigit(b[k])) {
      if (digits < 9) {
        ns = ns * 10 + (b[k] - '0');
        digits++;
      }
      k++;
    }
    fraction = ns * POW10[9 - digits];
    return k;
  }

  /** A {@code .fraction} at {@code q} if there is one ({@link #fraction}, else 0); returns the end. */
  private int optionalFraction(byte[] b, int q, int end) {
    if (q < end && b[q] == '.') {
      return readFraction(b, q + 1, end);
    }
    fraction = 0;
    return q;
  }

  /**
   * The local epoch second of {@code yyyy?mm?dd?hh?mm?ss} at {@code p}, digits at fixed offsets
   * (the caller checked the 19 characters are there, and the separators); Long.MIN_VALUE when it
   * is no valid date and time. {@code strict}: hour 24 and second 60 are refused, as java.time
   * does, instead of read as a log's end of day and leap second. Log lines come as a {@link
   * Latin1} view of their bytes (made only when the second changes), HAR dates as Strings.
   */
  private static long fixedDateTime(CharSequence t, int p, boolean strict) {
    int y = digits(t, p, 4);
    int mo = digits(t, p + 5, 2);
    int d = digits(t, p + 8, 2);
    int h = digits(t, p + 11, 2);
    int mi = digits(t, p + 14, 2);
    int s = digits(t, p + 17, 2);
    if (strict && (h > 23 || s > 59)) {
      return Long.MIN_VALUE;
    }
    return localSecond(y, mo, d, h, mi, s);
  }

  /** The decimal number in {@code t[from, from+count)}, or -1 when those are not all digits. */
  private static int digits(CharSequence t, int from, int count) {
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

  /** Bytes read as Latin-1 characters, without copying them. */
  private record Latin1(byte[] b) implements CharSequence {
    @Override
    public int length() {
      return b.length;
    }

    @Override
    public char charAt(int index) {
      return (char) (b[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }

  /** The fraction and zone after "yyyy-mm-ddThh:mm:ss", whose local epoch second is given. */
  private int readIsoTail(byte[] b, int q, int end, long local) {
    int ns = 0;
    if (q < end && (b[q] == '.' || b[q] == ',')) {
      int k = readFraction(b, q + 1, end);
      if (k == q + 1) {
        return -1;
      }
      ns = fraction;
      q = k;
    }
    int offset = Integer.MIN_VALUE;
    if (q < end) {
      byte z = b[q];
      if (z == 'Z' || z == 'z') {
        offset = 0;
        q++;
      } else if ((z == '+' || z == '-') && q + 3 <= end && Ascii.isDigit(b[q + 1])) {
        int oh = Ascii.digits(b, q + 1, 2);
        int om = 0;
        int k = q + 3;
        if (k < end && b[k] == ':' && k + 3 <= end && Ascii.digits(b, k + 1, 2) >= 0) {
          om = Ascii.digits(b, k + 1, 2);
          k += 3;
        } else if (k + 2 <= end && Ascii.digits(b, k, 2) >= 0
            && (k + 2 == end || !Ascii.isDigit(b[k + 2]))) {
          om = Ascii.digits(b, k, 2);
          k += 2;
        }
        if (oh < 0 || oh > 18 || om > 59) {
          return -1;
        }
        offset = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
        q = k;
      }
    }
    setLocalSecond(local, ns, offset);
    return q;
  }

  /** nginx error log: {@code 2026/11/26 03:00:00} (no zone). */
  int readSlashed(byte[] b, int p, int end) {
    if (end - p < 19) {
      return -1;
    }
    long local;
    if (slashedPrefix.matches(b, p)) {
      local = slashedPrefix.local;
    } else {
      if (b[p + 4] != '/' || b[p + 7] != '/' || b[p + 10] != ' ' || b[p + 13] != ':'
          || b[p + 16] != ':') {
        return -1;
      }
      local = fixedDateTime(new Latin1(b), p, false);
      if (local == Long.MIN_VALUE) {
        return -1;
      }
      slashedPrefix.remember(b, p, local);
    }
    int q = p + 19;
    q = optionalFraction(b, q, end);
    int ns = fraction;
    setLocalSecond(local, ns, Integer.MIN_VALUE);
    return q;
  }

  /**
   * Common Log Format and HAProxy: {@code 26/Nov/2026:03:00:00 +0000} or
   * {@code 06/Feb/2009:12:14:14.655} (no zone).
   */
  int readClf(byte[] b, int p, int end) {
    if (end - p < 20) {
      return -1;
    }
    long local;
    if (clfPrefix.matches(b, p)) {
      local = clfPrefix.local;
    } else {
      if (b[p + 2] != '/' || b[p + 6] != '/' || b[p + 11] != ':' || b[p + 14] != ':'
          || b[p + 17] != ':') {
        return -1;
      }
      int d = Ascii.digits(b, p, 2);
      int mo = Ascii.month(b, p + 3);
      int y = Ascii.digits(b, p + 7, 4);
      int h = Ascii.digits(b, p + 12, 2);
      int mi = Ascii.digits(b, p + 15, 2);
      int s = Ascii.digits(b, p + 18, 2);
      local = localSecond(y, mo, d, h, mi, s);
      if (local == Long.MIN_VALUE) {
        return -1;
      }
      clfPrefix.remember(b, p, local);
    }
    int q = p + 20;
    q = optionalFraction(b, q, end);
    int ns = fraction;
    int offset = Integer.MIN_VALUE;
    if (q + 6 <= end && b[q] == ' ' && (b[q + 1] == '+' || b[q + 1] == '-')) {
      int oh = Ascii.digits(b, q + 2, 2);
      int om = Ascii.digits(b, q + 4, 2);
      if (oh >= 0 && om >= 0) {
        offset = (oh * 3600 + om * 60) * (b[q + 1] == '-' ? -1 : 1);
        q += 6;
      }
    }
    setLocalSecond(local, ns, offset);
    return q;
  }

  /** RFC 1123, as old {@code debug} wrote it: {@code Wed, 30 Aug 2017 17:08:30 GMT}. */
  int readRfc1123(byte[] b, int p, int end) {
    if (end - p < 29) {
      return -1;
    }
    if (b[p + 3] != ',' || b[p + 4] != ' ' || b[p + 7] != ' ' || b[p + 11] != ' '
        || b[p + 16] != ' ' || b[p + 19] != ':' || b[p + 22] != ':' || b[p + 25] != ' ') {
      return -1;
    }
    if (!Ascii.startsWith(b, p + 26, end, "GMT") && !Ascii.startsWith(b, p + 26, end, "UTC")) {
      return -1;
    }
    int d = Ascii.digits(b, p + 5, 2);
    int mo = Ascii.month(b, p + 8);
    int y = Ascii.digits(b, p + 12, 4);
    int h = Ascii.digits(b, p + 17, 2);
    int mi = Ascii.digits(b, p + 20, 2);
    int s = Ascii.digits(b, p + 23, 2);
    return set(y, mo, d, h, mi, s, 0, 0) ? p + 29 : -1;
  }

  /** Syslog (RFC 3164): {@code Nov 26 03:00:00} or {@code Feb  6 12:14:14}; the year is given. */
  int readSyslog(byte[] b, int p, int end, int year) {
    if (end - p < 15) {
      return -1;
    }
    if (b[p + 3] != ' ' || b[p + 6] != ' ' || b[p + 9] != ':' || b[p + 12] != ':') {
      return -1;
    }
    int mo = Ascii.month(b, p);
    int d;
    if (b[p + 4] == ' ') {
      d = Ascii.digits(b, p + 5, 1);
    } else {
      d = Ascii.digits(b, p + 4, 2);
    }
    int h = Ascii.digits(b, p + 7, 2);
    int mi = Ascii.digits(b, p + 10, 2);
    int s = Ascii.digits(b, p + 13, 2);
    int q = p + 15;
    q = optionalFraction(b, q, end);
    int ns = fraction;
    return set(year, mo, d, h, mi, s, ns, Integer.MIN_VALUE) ? q : -1;
  }

  /**
   * A time of day {@code HH:MM:SS[.fff]} (browser consoles). Returns the end offset; the value is
   * in {@link #secondOfDay()} and {@link #nanos()}, the instant is not set.
   */
  int readTimeOfDay(byte[] b, int p, int end) {
    if (end - p < 8 || b[p + 2] != ':' || b[p + 5] != ':') {
      return -1;
    }
    int h = Ascii.digits(b, p, 2);
    int mi = Ascii.digits(b, p + 3, 2);
    int s = Ascii.digits(b, p + 6, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) {
      return -1;
    }
    int q = p + 8;
    q = optionalFraction(b, q, end);
    int ns = fraction;
    secondOfDay = h * 3600 + mi * 60 + Math.min(s, 59);
    nanos = ns;
    return q;
  }

  private int secondOfDay;

  int secondOfDay() {
    return secondOfDay;
  }

  /** Sets the time from a local date (days since epoch) and the last time of day read. */
  boolean setLocal(long epochDay, int secOfDay, int ns) {
    long local = epochDay * 86400L + secOfDay;
    epochSecond = local - offsetFor(local);
    nanos = ns;
    zoned = false;
    return true;
  }

  private boolean set(int y, int mo, int d, int h, int mi, int s, int ns, int offset) {
    long local = localSecond(y, mo, d, h, mi, s);
    if (local == Long.MIN_VALUE) {
      return false;
    }
    setLocalSecond(local, ns, offset);
    return true;
  }

  /** Seconds since the epoch of a local date-time, or Long.MIN_VALUE when it is not valid. */
  private static long localSecond(int y, int mo, int d, int h, int mi, int s) {
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 24 || mi < 0 || mi > 59 || s < 0
        || s > 60) {
      return Long.MIN_VALUE;
    }
    if (d > daysInMonth(y, mo)) {
      return Long.MIN_VALUE;
    }
    if (s == 60) {
      s = 59; // leap second
    }
    return daysFromCivil(y, mo, d) * 86400L + h * 3600L + mi * 60L + s;
  }

  private void setLocalSecond(long local, int ns, int offset) {
    if (offset == Integer.MIN_VALUE) {
      epochSecond = local - offsetFor(local);
      zoned = false;
    } else {
      epochSecond = local - offset;
      zoned = true;
    }
    nanos = ns;
  }

  private int offsetFor(long localEpochSecond) {
    if (defaultIsUtc) {
      return 0;
    }
    long hour = Math.floorDiv(localEpochSecond, 3600L);
    if (hour != cachedLocalHour) {
      LocalDateTime ldt = LocalDateTime.ofEpochSecond(hour * 3600L, 0, ZoneOffset.UTC);
      cachedOffset = defaultZone.getRules().getOffset(ldt).getTotalSeconds();
      cachedLocalHour = hour;
    }
    return cachedOffset;
  }

  /** ISO 8601 with the offset written {@code +02:00}, {@code +0200}, {@code Z} or not at all. */
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

  /**
   * An ISO 8601 date-time read from text.
   *
   * @param zoned whether the text gave a zone or offset ({@code Z} included)
   * @param offsetSeconds the offset it gave, 0 when none
   */
  public record IsoDateTime(Instant instant, boolean zoned, int offsetSeconds) {}

  /**
   * An ISO 8601 date-time as HAR exporters write it: {@code yyyy-mm-dd}, {@code T} or one space,
   * {@code hh:mm[:ss[.fraction]]}, then {@code Z}, {@code +hh:mm}, {@code +hhmm} or no zone (then
   * UTC). White space around it is ignored.
   *
   * @return null when the text is not one
   */
  public static IsoDateTime isoDateTime(String text) {
    String t = text.strip();
    IsoDateTime fast = fixedIso(t);
    return fast != null ? fast : plainIso(t);
  }

  /**
   * The form browsers write, {@code 2026-11-25T10:00:00.120Z} or with {@code +02:00}, read by
   * digits at fixed offsets (DateTimeFormatter cost more than all the rest of a HAR entry): the fast
   * path of {@link #isoDateTime}. Null for any other form, and for anything java.time would refuse.
   */
  static IsoDateTime fixedIso(String t) {
    int n = t.length();
    if (n < 20 || n > 36 || t.charAt(10) != 'T') {
      return null;
    }
    if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    long local = fixedDateTime(t, 0, true);
    if (local == Long.MIN_VALUE) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (t.charAt(i) == '.') {
      int digits = 0;
      for (i++; i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9'; i++, digits++) {
        nanos = nanos * 10 + (t.charAt(i) - '0');
      }
      if (digits == 0 || digits > 9) {
        return null;
      }
      nanos *= POW10[9 - digits];
    }
    int offset;
    char z = i < n ? t.charAt(i) : 0;
    if (i == n - 1 && z == 'Z') {
      offset = 0;
    } else if (i == n - 6 && (z == '+' || z == '-') && t.charAt(i + 3) == ':') {
      int hours = digits(t, i + 1, 2);
      int minutes = digits(t, i + 4, 2);
      if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
        return null;
      }
      offset = (z == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
      return null;
    }
    return new IsoDateTime(Instant.ofEpochSecond(local - offset, nanos), true, offset);
  }

  /** {@link #isoDateTime} by java.time: the plain path, for every form. */
  static IsoDateTime plainIso(String t) {
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    try {
      var parsed = ISO_ANY_OFFSET.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        return new IsoDateTime(odt.toInstant(), true, odt.getOffset().getTotalSeconds());
      }
      return new IsoDateTime(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC), false, 0);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether the text (white space around it ignored) is an ISO 8601 date-time, by java.time. */
  public static boolean isIsoDateTime(String text) {
    try {
      ISO_ANY_OFFSET.parse(text.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * An ISO 8601 time as people type it on a command line: a full instant, one without zone (UTC),
   * one cut at the hour ({@code 2026-11-24T02}, the key of the per-hour histogram) or a date.
   *
   * @throws IllegalArgumentException with a message that shows the expected form
   */
  public static Instant parseInstant(String text) {
    String s = text.trim();
    IsoDateTime fast = fixedIso(s);
    return fast != null ? fast.instant() : plainInstant(s, text);
  }

  /** {@link #parseInstant} by java.time, trying the shorter forms in turn. */
  static Instant plainInstant(String s, String text) {
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

  /** Apache's error-log time: {@code [Www Mmm dd hh:mm:ss[.uuuuuu] yyyy]} at the line's start, read as UTC (Apache writes no zone), or null. */
  public static Instant apacheErrorTime(String l) {
    // [Mon Dec 07 14:29:40.191170 2026]
    if (l.length() < 26 || l.charAt(0) != '[' || l.charAt(4) != ' ' || l.charAt(8) != ' ') {
      return null;
    }
    int close = l.indexOf(']');
    if (close < 25 || close > 40) {
      return null;
    }
    byte[] b = l.substring(5, close).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    // "Dec 07 14:29:40.191170 2026"
    if (b.length < 20 || b[3] != ' ' || b[6] != ' ' || b[9] != ':' || b[12] != ':') {
      return null;
    }
    int month = Ascii.month(b, 0);
    int yearAt = b.length - 4;
    if (month < 1 || b[yearAt - 1] != ' ' || !allDigits(b, 4, 2) || !allDigits(b, 7, 2) || !allDigits(b, 10, 2)
        || !allDigits(b, 13, 2) || !allDigits(b, yearAt, 4)) {
      return null;
    }
    int nanos = 0;
    if (b[15] == '.') {
      int scale = 100_000_000;
      for (int i = 16; i < yearAt - 1 && scale > 0; i++) {
        if (!Ascii.isDigit(b[i])) {
          return null;
        }
        nanos += (b[i] - '0') * scale;
        scale /= 10;
      }
    }
    try {
      return LocalDateTime.of(Ascii.digits(b, yearAt, 4), month, Ascii.digits(b, 4, 2),
          Ascii.digits(b, 7, 2), Ascii.digits(b, 10, 2), Ascii.digits(b, 13, 2), nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static boolean allDigits(byte[] b, int at, int n) {
    for (int i = at; i < at + n; i++) {
      if (!Ascii.isDigit(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static final DateTimeFormatter JUL = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", java.util.Locale.US);

  /** java.util.logging's header-line time ({@code Dec 07, 2026 2:04:35 PM class method}), read as UTC, or null. */
  public static Instant julTime(String l) {
    int pm = Math.max(l.indexOf(" AM "), l.indexOf(" PM "));
    if (pm < 18 || pm > 26) {
      return null;
    }
    try {
      return LocalDateTime.parse(l.substring(0, pm + 3), JUL).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Second precision, as the scan summary shows first and last. */
  public static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The UTC hour an instant falls in: {@code 2026-11-24T02}. */
  public static String hour(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
  }

  static int daysInMonth(int y, int m) {
    switch (m) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
