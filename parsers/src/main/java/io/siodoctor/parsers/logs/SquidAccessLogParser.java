package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;

/**
 * Squid's native access log ({@code logformat squid}, the default of {@code access_log}):
 * {@code %ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt}, for example
 * {@code 1765108800.123      0 127.0.0.1 TCP_DENIED/403 3950 CONNECT app.example.com:443 -
 * HIER_NONE/- text/html}.
 *
 * <p>Squid is a forward proxy: its log is the user's side of the path. Every line is an {@link
 * LogEvent#HTTP_ACCESS} whose {@code access} holds the client, method ({@code CONNECT} for a
 * tunnel, which is how browsers send {@code wss://} and {@code ws://} through a proxy), URL (
 * {@code host:port} for CONNECT), status, bytes, elapsed ms and the hierarchy code with its peer
 * ({@code HIER_DIRECT/203.0.113.7}) as the upstream; the event detail is Squid's result code
 * ({@code TCP_DENIED}, {@code TCP_TUNNEL}, {@code TCP_MISS}, ...). The time is the logged time,
 * which Squid writes when the request ended.
 */
public final class SquidAccessLogParser extends LineLogParser {

  public SquidAccessLogParser() {
    super(LogFormat.SQUID_ACCESS);
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new SquidState(file, sink);
  }

  private static final class SquidState extends ParseState {
    private final StringCache cache = new StringCache();

    SquidState(String file, RecordSink sink) {
      super(file, sink, LogFormat.SQUID_ACCESS);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      int end = Ascii.trimEnd(b, s, e);
      int start = Ascii.skipSpaces(b, s, end);
      if (start >= end) {
        return;
      }
      String[] f = new String[10];
      int k = 0;
      int p = start;
      while (k < f.length && p < end) {
        int we = Ascii.indexOf(b, p, end, (byte) ' ');
        if (we < 0) {
          we = end;
        }
        // the URL is nearly always new; the other fields repeat from line to line
        f[k] = k == 6 ? Ascii.str(b, p, we) : cache.get(b, p, we);
        k++;
        p = Ascii.skipSpaces(b, we, end);
      }
      Instant t = k >= 7 ? time(f[0]) : null;
      int slash = t == null ? -1 : f[3].indexOf('/');
      if (t == null || slash <= 0 || !digits(f[3], slash + 1) || !signedDigits(f[1])) {
        emitOther(n, Ascii.str(b, start, end));
        return;
      }
      lastTime = t;
      String result = f[3].substring(0, slash);
      int status = Integer.parseInt(f[3].substring(slash + 1));
      long bytes = digits(f[4], 0) ? Long.parseLong(f[4]) : -1;
      double elapsed = Long.parseLong(f[1]);
      String method = f[5];
      String url = f[6];
      String hierarchy = k > 8 ? f[8] : null;
      EngineIoQuery eio = "CONNECT".equals(method) ? null : LogUrls.query(url);
      String sid = eio == null ? null : LogUrls.sidOf(eio, url);
      HttpAccess access = new HttpAccess(f[2], method, url, status, bytes, elapsed, hierarchy, null, null, eio);
      emit(n, t, fileNode, null, "squid", sid, Ascii.str(b, start, end), LogEvent.HTTP_ACCESS, new LogFact.ProxyResult(result), access);
    }

    /** {@code 1765108800.123} as an instant, or null. */
    private static Instant time(String ts) {
      int dot = ts.indexOf('.');
      if (dot <= 0 || dot > 11 || ts.length() - dot - 1 != 3 || !digits(ts.substring(0, dot), 0)
          || !digits(ts, dot + 1)) {
        return null;
      }
      return Instant.ofEpochMilli(Long.parseLong(ts.substring(0, dot)) * 1000L + Long.parseLong(ts.substring(dot + 1)));
    }

    private static boolean digits(String s, int from) {
      if (s == null || from >= s.length() || s.length() - from > 18) {
        return false;
      }
      for (int i = from; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    private static boolean signedDigits(String s) {
      return s != null && digits(s, s.startsWith("-") ? 1 : 0);
    }
  }
}
