package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.ExhaustedResource;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The fallback for any text log whose lines start with a timestamp: ISO 8601 with or without a
 * zone ({@code 2026-11-26T03:00:00.123Z}, {@code 2026-11-26 03:00:00,123}), {@code 2026/11/26
 * 03:00:00}, syslog {@code Nov 26 03:00:00}, {@code 26/Nov/2026:03:00:00 +0000}, RFC 1123, epoch
 * seconds or milliseconds; optionally inside {@code [...]}.
 *
 * <p>Every line is {@link LogEvent#OTHER} (or {@link LogEvent#RESOURCE_EXHAUSTED} when it names EMFILE / ENFILE) with its time and text (lines without a timestamp take
 * the previous line's time), a level when a level word follows the time, and the sid of any
 * {@code sid=} (or JSON {@code "sid":}) it contains. Times without a zone are read in the given
 * zone (UTC by default); syslog times have no year, and the given year (default: the current
 * one) is used. It never claims binary input or JSON (a HAR).
 */
public final class GenericLogParser extends LineLogParser {

  private final ZoneId zone;
  private final int syslogYear;

  public GenericLogParser() {
    this(ZoneOffset.UTC, ZonedDateTime.now(ZoneOffset.UTC).getYear());
  }

  /**
   * @param zone the zone of times written without one
   * @param syslogYear the year of syslog times (which have none)
   */
  public GenericLogParser(ZoneId zone, int syslogYear) {
    super(LogFormat.GENERIC);
    this.zone = zone == null ? ZoneOffset.UTC : zone;
    this.syslogYear = syslogYear;
  }

  /**
   * Detected with the parser's own line reader: a line counts when {@link GenericState} reads a
   * timestamp at its start; at least one, and at least half, of the first 50 lines. Only ever a
   * weak match: many producers' lines start with a time.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    int first = HeadLines.firstNonSpace(head, length);
    if (first < 0 || first == '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    List<String> lines = HeadLines.nonBlank(head, length, 50);
    java.util.function.Predicate<String> timed = readsLine();
    int ok = 0;
    for (String l : lines) {
      if (timed.test(l)) {
        ok++;
      }
    }
    return ok >= 1 && ok * 2 >= lines.size() ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
  }

  /** The offset after a leading timestamp (and its closing bracket), or -1. */
  static int timestamp(TimeReader t, byte[] b, int s, int e, int year) {
    int p = s;
    boolean bracket = false;
    if (p < e && b[p] == '[') {
      bracket = true;
      p++;
    }
    if (e - p < 8) {
      return -1;
    }
    int q = -1;
    byte c = b[p];
    if (Ascii.isDigit(c)) {
      if (e - p >= 19 && b[p + 4] == '-') {
        q = t.readIso(b, p, e);
      } else if (e - p >= 19 && b[p + 4] == '/') {
        q = t.readSlashed(b, p, e);
      } else if (e - p >= 20 && b[p + 2] == '/') {
        q = t.readClf(b, p, e);
      } else {
        q = epoch(t, b, p, e);
      }
    } else if (Ascii.isLetter(c)) {
      if (e - p >= 29 && b[p + 3] == ',') {
        q = t.readRfc1123(b, p, e);
      } else if (e - p >= 15 && b[p + 3] == ' ') {
        q = t.readSyslog(b, p, e, year);
      }
    }
    if (q < 0) {
      return -1;
    }
    if (bracket) {
      if (q < e && b[q] == ']') {
        q++;
      } else {
        return -1;
      }
    }
    // the timestamp must end the word
    if (q < e && b[q] != ' ' && b[q] != '\t' && b[q] != ']' && b[q] != '|' && b[q] != ','
        && b[q] != ':' && b[q] != '-') {
      return -1;
    }
    return q;
  }

  private static int epoch(TimeReader t, byte[] b, int p, int e) {
    int q = p;
    while (q < e && Ascii.isDigit(b[q])) {
      q++;
    }
    int digits = q - p;
    if (digits != 10 && digits != 13) {
      return -1;
    }
    long v = Long.parseLong(new String(b, p, digits, java.nio.charset.StandardCharsets.ISO_8859_1));
    long ms = digits == 13 ? v : v * 1000;
    if (digits == 10 && q < e && b[q] == '.') {
      int k = q + 1;
      int frac = 0;
      int scale = 1;
      while (k < e && Ascii.isDigit(b[k])) {
        if (scale < 1000) {
          frac = frac * 10 + (b[k] - '0');
          scale *= 10;
        }
        k++;
      }
      ms += frac * (1000 / scale);
      q = k;
    }
    // plausible: 2001 .. 2100
    if (ms < 978_307_200_000L || ms > 4_102_444_800_000L) {
      return -1;
    }
    t.setEpochMillis(ms);
    return q;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new GenericState(file, sink);
  }

  private static final String[] LEVELS = {
    "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "FATAL", "CRITICAL",
    "CRIT", "ALERT", "EMERG", "SEVERE"
  };

  private final class GenericState extends ParseState {
    private final TimeReader times = new TimeReader(zone);

    GenericState(String file, RecordSink sink) {
      super(file, sink, LogFormat.GENERIC);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      int q = timestamp(times, b, s, e, syslogYear);
      Instant time = null;
      int p = s;
      if (q < 0) {
        // a line without a time of its own (a continuation, a stack frame): read, not counted
        keptAsText();
      } else {
        time = times.instant();
        lastTime = time;
        p = q;
        while (p < e && (b[p] == ' ' || b[p] == '\t' || b[p] == '|' || b[p] == ',' || b[p] == ':'
            || b[p] == '-')) {
          p++;
        }
      }
      String text = Ascii.str(b, p, e);
      String level = null;
      if (time != null) {
        level = level(text);
      }
      String sid = text.indexOf("sid") >= 0 ? LogUrls.sidInText(text) : null;
      ExhaustedResource exhausted = EngineIoMessages.resourceExhausted(text);
      LogEvent event = LogEvent.OTHER;
      LogFact fact = LogFact.NONE;
      if (exhausted != null) {
        event = LogEvent.RESOURCE_EXHAUSTED;
        fact = new LogFact.ResourceExhausted(exhausted);
      } else {
        // an application's connection_error listener printing through a plain logger
        LogEvent refused = ConnectionErrorLines.named(MessageText.of(text));
        if (refused != null) {
          event = refused;
        }
      }
      emit(n, time != null ? time : lastTime, fileNode, level, null, sid, text, event, fact, null);
    }

    private String level(String text) {
      int i = 0;
      if (text.startsWith("[") || text.startsWith("<")) {
        i = 1;
      }
      int j = i;
      while (j < text.length() && Character.isLetter(text.charAt(j))) {
        j++;
      }
      if (j == i || j - i > 8) {
        return null;
      }
      String w = text.substring(i, j).toUpperCase(Locale.ROOT);
      for (String l : LEVELS) {
        if (l.equals(w)) {
          return w.toLowerCase(Locale.ROOT);
        }
      }
      return null;
    }
  }
}
