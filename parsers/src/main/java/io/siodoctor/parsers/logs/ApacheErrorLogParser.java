package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;

/**
 * Apache httpd 2.4 error logs (default {@code ErrorLogFormat}): {@code [Mon Dec 07 14:29:40.191170
 * 2026] [proxy_http:error] [pid 9901:tid 9950] (104)Connection reset by peer: [client
 * 127.0.0.1:5555] AH01102: error reading status line from remote server 127.0.0.1:3000}. The
 * message after the {@code [client …]} part goes to {@link ApacheErrorMessages}; the source is the
 * module, the level the bracket's second half. Apache writes local time without a zone: read as
 * UTC, as the nginx error log is. Lines without the leading date (continuations) take the previous
 * time.
 */
public final class ApacheErrorLogParser extends LineLogParser {

  public ApacheErrorLogParser() {
    super(LogFormat.APACHE_ERROR);
  }

  /**
   * Detected with the parser's own line reader: a line counts when it has the default format's
   * time, {@code [module:level]} right after it and {@code [pid …]} right after that.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new ErrorState(file, sink);
  }

  private static final class ErrorState extends ParseState {
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    private boolean zoneWarned;

    ErrorState(String file, RecordSink sink) {
      super(file, sink, LogFormat.APACHE_ERROR);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      Instant time = TimeReader.apacheErrorTime(line);
      if (time == null) {
        emitOther(n, line);
        return;
      }
      if (!zoneWarned) {
        zoneWarned = true;
        warnOnce("zone", "Apache error log times carry no zone; they were read as UTC");
      }
      lastTime = time;
      int p = line.indexOf(']') + 1;
      String source = null;
      String level = null;
      // [module:level]
      int lb = line.indexOf('[', p);
      int rb = lb < 0 ? -1 : line.indexOf(']', lb);
      boolean shaped = lb == p + 1;
      if (lb >= 0 && rb > lb && rb - lb < 48) {
        String ml = line.substring(lb + 1, rb);
        int colon = ml.indexOf(':');
        source = colon < 0 ? null : ml.substring(0, colon);
        level = colon < 0 ? ml : ml.substring(colon + 1);
        p = rb + 1;
      }
      // [pid N:tid M]
      int pid = skipBracket(line, p, "[pid ");
      if (!shaped || pid == p) {
        // a time without the default format's brackets: read as before, but not counted as this
        // format's line when detecting
        keptAsText();
      }
      p = pid;
      String rest = skipSourceFile(line.substring(Math.min(p, line.length())).stripLeading());
      // "(104)Connection reset by peer: " before the message
      String errno = null;
      if (rest.startsWith("(")) {
        int colon = rest.indexOf(": ");
        if (colon > 0) {
          errno = rest.substring(0, colon);
          rest = rest.substring(colon + 2);
        }
      }
      if (rest.startsWith("[client ")) {
        int c = rest.indexOf("] ");
        rest = c < 0 ? rest : rest.substring(c + 2);
      }
      LogEvent event = LogEvent.OTHER;
      LogFact fact = LogFact.NONE;
      if (ApacheErrorMessages.recognise(rest, errno, result)) {
        event = result.event;
        fact = result.fact;
      }
      String sid = rest.indexOf("sid=") >= 0 ? LogUrls.sidInText(rest) : null;
      emit(n, time, fileNode, level, source, sid, rest, event, fact, null);
    }

    /**
     * The default format's {@code %7F: } part, the source file and line ({@code proxy_util.c(5805): }),
     * which httpd writes only on debug and trace lines, before the errno and {@code [client …]}.
     */
    static String skipSourceFile(String rest) {
      int open = rest.indexOf(".c(");
      int space = rest.indexOf(' ');
      if (open <= 0 || (space >= 0 && space < open)) {
        return rest;
      }
      int close = rest.indexOf("): ", open);
      if (close < 0 || close == open + 3 || (space >= 0 && space < close)) {
        return rest;
      }
      for (int i = open + 3; i < close; i++) {
        if (!Character.isDigit(rest.charAt(i))) {
          return rest;
        }
      }
      return rest.substring(close + 3);
    }

    private static int skipBracket(String line, int p, String prefix) {
      int k = line.indexOf(prefix, p);
      if (k < 0 || k > p + 2) {
        return p;
      }
      int close = line.indexOf(']', k);
      return close < 0 ? p : close + 1;
    }
  }
}
