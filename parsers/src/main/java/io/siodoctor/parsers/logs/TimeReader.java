package io.siodoctor.parsers.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the timestamp forms found in logs straight from bytes, without regex or allocation (the
 * last {@link Instant} is reused while the time does not change). Each {@code read*} method
 * returns the offset just past the timestamp, or -1 when the bytes are not that form; on success
 * {@link #instant()} gives the time in UTC. Times written without a zone are read in the reader's
 * default zone (UTC unless told otherwise), and {@link #zoned()} says which case applied.
 */
final class TimeReader {

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
    int y = Ascii.digits(b, p, 4);
    int mo = Ascii.digits(b, p + 5, 2);
    int d = Ascii.digits(b, p + 8, 2);
    int h = Ascii.digits(b, p + 11, 2);
    int mi = Ascii.digits(b, p + 14, 2);
    int s = Ascii.digits(b, p + 17, 2);
    long local = localSecond(y, mo, d, h, mi, s);
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
      int y = Ascii.digits(b, p, 4);
      int mo = Ascii.digits(b, p + 5, 2);
      int d = Ascii.digits(b, p + 8, 2);
      int h = Ascii.digits(b, p + 11, 2);
      int mi = Ascii.digits(b, p + 14, 2);
      int s = Ascii.digits(b, p + 17, 2);
      local = localSecond(y, mo, d, h, mi, s);
      if (local == Long.MIN_VALUE) {
        return -1;
      }
      slashedPrefix.remember(b, p, local);
    }
    int q = p + 19;
    int ns = 0;
    if (q < end && b[q] == '.') {
      q = readFraction(b, q + 1, end);
      ns = fraction;
    }
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
    int ns = 0;
    if (q < end && b[q] == '.') {
      q = readFraction(b, q + 1, end);
      ns = fraction;
    }
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
    int ns = 0;
    if (q < end && b[q] == '.') {
      q = readFraction(b, q + 1, end);
      ns = fraction;
    }
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
    int ns = 0;
    if (q < end && b[q] == '.') {
      q = readFraction(b, q + 1, end);
      ns = fraction;
    }
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
