package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.EngineIoUrls;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;

/**
 * nginx access logs in the {@code combined} format, with or without trailing extras in any order:
 * {@code $request_time} / {@code $upstream_response_time} as bare numbers or {@code rt=}/{@code
 * urt=} pairs, {@code $upstream_addr} as a bare address list or {@code ua=}/{@code upstream=}
 * pairs (ingress-nginx's default format works too). The first bare decimal number is taken as
 * {@code $request_time}.
 *
 * <p>Every line is an {@link LogEvent#HTTP_ACCESS} with {@link HttpAccess} filled; the message is
 * the raw line. The time is {@code $time_local}, the moment nginx wrote the line, i.e. when the
 * request ended (for a 101 WebSocket: when it closed; {@code durationMs} is then its lifetime);
 * subtract {@code durationMs} for the start. Status 413 stays a fact in {@code access.status}.
 */
public final class NginxAccessLogParser extends LineLogParser {

  public NginxAccessLogParser() {
    super(LogFormat.NGINX_ACCESS);
  }

  /**
   * Detected with the parser's own line reader: at least one, and at least half, of the head's
   * lines are combined-format lines (nginx's, Apache's and Traefik's alike).
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    // Apache's and Traefik's tails say whose combined lines these are: their FULL_MATCH outranks this one
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new AccessState(file, sink, LogFormat.NGINX_ACCESS);
  }

  @Override
  public boolean splittable() {
    return true;
  }

  /**
   * What a combined-format line means beyond the common fields, per producer: when its timestamp
   * was taken and what a bare integer after the user agent is.
   */
  enum Flavour {
    /** nginx: {@code $time_local} is the end; bare integers are not durations. */
    NGINX(false),
    /**
     * Apache httpd: {@code %t} is when the request arrived; a bare integer is {@code %D}
     * (microseconds), or {@code %T} (whole seconds) when below 100 (no proxied request takes
     * under 100 µs, and {@code %T} under 100 s is the common case).
     */
    APACHE(true),
    /**
     * Traefik's CLF: the timestamp is the request's start; the line ends with the request count,
     * the router, the server URL and {@code <n>ms}.
     */
    TRAEFIK(true);

    final boolean startTime;

    Flavour(boolean startTime) {
      this.startTime = startTime;
    }

    /**
     * Whether a combined line {@code b[s..e)} ends as this producer's own lines do, the mark that
     * tells its combined lines from the others': Apache's {@code ..." 12345} (a quoted field, one
     * space, the request time as a bare integer; nginx's {@code $request_time} always has a
     * decimal point), Traefik's {@code ..." 12ms} (after the quoted server URL). nginx's lines are
     * the combined lines without a mark.
     */
    boolean marks(byte[] b, int s, int e) {
      return switch (this) {
        case NGINX -> true;
        case APACHE -> afterQuotedField(b, s, e, digitsBefore(b, s, e));
        case TRAEFIK -> e - s >= 5 && b[e - 1] == 's' && b[e - 2] == 'm'
            && afterQuotedField(b, s, e - 2, digitsBefore(b, s, e - 2));
      };
    }

    /** Where the digits that end {@code b[s..e)} start ({@code e} when none). */
    private static int digitsBefore(byte[] b, int s, int e) {
      int i = e;
      while (i > s && Ascii.isDigit(b[i - 1])) {
        i--;
      }
      return i;
    }

    /** Whether some digits {@code b[i..e)} follow a quoted field and one space. */
    private static boolean afterQuotedField(byte[] b, int s, int e, int i) {
      return i < e && i - s >= 2 && b[i - 1] == ' ' && b[i - 2] == '"';
    }
  }

  /** Parses one combined-format line; shared with other parsers that embed it. */
  static final class AccessState extends ParseState {
    private final Flavour flavour;
    private final TimeReader times = new TimeReader();
    /** For the Engine.IO query's path, EIO and transport. */
    private final StringCache cache = new StringCache();
    // one cache per field, so that each one's last-token check hits on consecutive lines
    private final StringCache clients = new StringCache();
    private final StringCache methods = new StringCache();
    private final StringCache agents = new StringCache();
    private final StringCache upstreams = new StringCache();
    // whether this session's lines set the time, and read it before (LineRanges checks a range's)
    private boolean timeSet;
    private boolean readStartTime;

    AccessState(String file, RecordSink sink, LogFormat format) {
      this(file, sink, format, Flavour.NGINX);
    }

    AccessState(String file, RecordSink sink, LogFormat format, Flavour flavour) {
      super(file, sink, format);
      this.flavour = flavour;
    }

    /** A line that is not an access line takes the time of the line before. */
    private void other(long n, byte[] b, int s, int e) {
      readStartTime |= !timeSet;
      emitOther(n, Ascii.str(b, s, e));
    }

    /** The only state carried from line to line is the time an odd line takes. */
    @Override
    protected boolean continues(ParseState previous) {
      if (readStartTime && previous.lastTime != null) {
        return false;
      }
      if (!timeSet) {
        lastTime = previous.lastTime;
      }
      return true;
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      // $remote_addr
      int sp = Ascii.indexOf(b, s, e, (byte) ' ');
      int lb = sp < 0 ? -1 : Ascii.indexOf(b, sp, Math.min(e, sp + 256), (byte) '[');
      if (lb < 0) {
        other(n, b, s, e);
        return;
      }
      int tq = times.readClf(b, lb + 1, e);
      // the combined grammar: "[dd/Mon/yyyy:HH:MM:SS +zone] " then the quoted request
      if (tq < 0 || tq + 2 >= e || b[tq] != ']' || !times.zoned() || b[tq + 1] != ' ' || b[tq + 2] != '"') {
        other(n, b, s, e);
        return;
      }
      Instant time = times.instant();
      lastTime = time;
      timeSet = true;
      String clientIp = clients.get(b, s, sp);
      int p = tq + 1;
      p = Ascii.skipSpaces(b, p, e);
      String method = null;
      String url = null;
      int us = 0; // url = b[us..ue)
      int ue = 0;
      if (p < e && b[p] == '"') {
        int rq = closingQuote(b, p + 1, e);
        int rs = p + 1;
        int m1 = Ascii.indexOf(b, rs, rq, (byte) ' ');
        if (m1 > rs) {
          method = methods.get(b, rs, m1);
          int m2 = rq;
          // the protocol is the last word, when there is one
          for (int i = rq - 1; i > m1; i--) {
            if (b[i] == ' ') {
              if (Ascii.startsWith(b, i + 1, rq, "HTTP/")) {
                m2 = i;
              }
              break;
            }
          }
          us = m1 + 1;
          ue = m2;
          url = Ascii.str(b, us, ue);
        } else if (rq > rs) {
          us = rs;
          ue = rq;
          url = Ascii.str(b, us, ue);
        }
        p = Math.min(e, rq + 1);
      }
      p = Ascii.skipSpaces(b, p, e);
      int status = -1;
      int st = p;
      while (p < e && Ascii.isDigit(b[p])) {
        p++;
      }
      if (p > st && p - st <= 3) {
        status = Ascii.digits(b, st, p - st);
      }
      p = Ascii.skipSpaces(b, p, e);
      long bytes = -1;
      int bs = p;
      while (p < e && Ascii.isDigit(b[p])) {
        p++;
      }
      if (p > bs && p - bs < 19) {
        bytes = 0; // at most 18 digits: no overflow
        for (int i = bs; i < p; i++) {
          bytes = bytes * 10 + (b[i] - '0');
        }
      } else if (p < e && b[p] == '-') {
        p++;
      }
      // "$http_referer" "$http_user_agent"
      String userAgent = null;
      p = Ascii.skipSpaces(b, p, e);
      if (p < e && b[p] == '"') {
        p = Math.min(e, closingQuote(b, p + 1, e) + 1); // referer
        p = Ascii.skipSpaces(b, p, e);
        if (p < e && b[p] == '"') {
          int uq = closingQuote(b, p + 1, e);
          if (uq > p + 1 && !(uq == p + 2 && b[p + 1] == '-')) {
            userAgent = agents.get(b, p + 1, uq);
          }
          p = Math.min(e, uq + 1);
        }
      }
      // extras, in any order
      double durationMs = -1;
      String upstream = null;
      boolean upstreamList = false;
      while (p < e) {
        p = Ascii.skipSpaces(b, p, e);
        if (p >= e) {
          break;
        }
        int ts = p;
        int te;
        if (b[p] == '"') {
          te = closingQuote(b, p + 1, e);
          p = Math.min(e, te + 1);
          ts++;
        } else {
          te = Ascii.indexOf(b, p, e, (byte) ' ');
          if (te < 0) {
            te = e;
          }
          p = te;
        }
        if (te <= ts) {
          continue;
        }
        int eq = Ascii.indexOf(b, ts, te, (byte) '=');
        if (eq > ts && eq < te - 1 && Ascii.isLetter(b[ts])) {
          int vs = eq + 1;
          int ve = te;
          if (b[vs] == '"') {
            vs++;
            if (ve > vs && b[ve - 1] == '"') {
              ve--;
            }
          }
          if (keyIs(b, ts, eq, "rt") || keyIs(b, ts, eq, "request_time")) {
            double v = decimal(b, vs, ve);
            if (v >= 0) {
              durationMs = v * 1000.0;
            }
          } else if (keyIs(b, ts, eq, "ua") || keyIs(b, ts, eq, "upstream")
              || keyIs(b, ts, eq, "upstream_addr")) {
            if (ve > vs && !(ve == vs + 1 && b[vs] == '-')) {
              upstream = lastAddress(Ascii.str(b, vs, ve));
            }
          }
          continue;
        }
        if (durationMs < 0 && isDecimal(b, ts, te)) {
          durationMs = decimal(b, ts, te) * 1000.0;
          continue;
        }
        if (flavour == Flavour.TRAEFIK && te - ts > 2 && b[te - 2] == 'm' && b[te - 1] == 's'
            && isInteger(b, ts, te - 2)) {
          durationMs = integer(b, ts, te - 2); // Traefik's "<n>ms"
          continue;
        }
        if (flavour == Flavour.APACHE && durationMs < 0 && isInteger(b, ts, te)) {
          long v = integer(b, ts, te);
          durationMs = v < 100 ? v * 1000.0 : v / 1000.0;
          continue;
        }
        int scheme = flavour == Flavour.TRAEFIK ? Ascii.indexOf(b, ts, te, "://") : -1;
        if (scheme > ts && upstream == null && scheme + 3 < te) {
          // Traefik's server URL "http://10.0.0.2:3000"
          int hs = scheme + 3;
          int he = Ascii.indexOf(b, hs, te, (byte) '/');
          upstream = Ascii.str(b, hs, he < 0 ? te : he);
          continue;
        }
        boolean listContinues = b[te - 1] == ',';
        int ae = listContinues ? te - 1 : te;
        if ((upstream == null || upstreamList) && isAddress(b, ts, ae)) {
          upstream = upstreams.get(b, ts, ae);
          upstreamList = listContinues;
        }
      }
      EngineIoQuery q = url == null ? null : EngineIoUrls.parse(b, us, ue, url, cache);
      String sid = LogUrls.sidOf(q, url);
      HttpAccess access =
          new HttpAccess(clientIp, method, url == null ? "" : url, status, bytes, durationMs,
              upstream, userAgent, null, q);
      if (flavour.startTime && durationMs > 0) {
        // the line's time is the request's start: the record's is its end, as nginx writes it
        time = time.plusNanos((long) (durationMs * 1_000_000L));
        lastTime = time;
      }
      if (!flavour.marks(b, s, e)) {
        // a combined line another producer could have written: read as before, but not this
        // producer's mark, so detection does not count it
        keptAsText();
      }
      emit(n, time, fileNode, null, null, sid, Ascii.str(b, s, e), LogEvent.HTTP_ACCESS, null,
          access);
    }

    private static boolean keyIs(byte[] b, int s, int e, String key) {
      return e - s == key.length() && Ascii.startsWith(b, s, e, key);
    }

    /** The closing quote of a quoted field starting at {@code from} (nginx escapes quotes). */
    static int closingQuote(byte[] b, int from, int e) {
      int i = Ascii.indexOf(b, from, e, (byte) '"');
      while (i >= 0) {
        if ((i + 1 == e || b[i + 1] == ' ') && b[i - 1] != '\\') {
          return i;
        }
        i = Ascii.indexOf(b, i + 1, e, (byte) '"');
      }
      return e;
    }

    static boolean isInteger(byte[] b, int s, int e) {
      if (e <= s || e - s > 15) {
        return false;
      }
      for (int i = s; i < e; i++) {
        if (!Ascii.isDigit(b[i])) {
          return false;
        }
      }
      return true;
    }

    static long integer(byte[] b, int s, int e) {
      long v = 0;
      for (int i = s; i < e; i++) {
        v = v * 10 + (b[i] - '0');
      }
      return v;
    }

    static boolean isDecimal(byte[] b, int s, int e) {
      int dot = -1;
      for (int i = s; i < e; i++) {
        if (b[i] == '.') {
          if (dot >= 0) {
            return false;
          }
          dot = i;
        } else if (!Ascii.isDigit(b[i])) {
          return false;
        }
      }
      return dot > s && dot < e - 1;
    }

    static double decimal(byte[] b, int s, int e) {
      long whole = 0;
      long frac = 0;
      long scale = 1;
      boolean inFrac = false;
      boolean any = false;
      for (int i = s; i < e; i++) {
        byte c = b[i];
        if (c == '.' && !inFrac) {
          inFrac = true;
        } else if (Ascii.isDigit(c)) {
          any = true;
          if (inFrac) {
            if (scale < 1_000_000_000L) {
              frac = frac * 10 + (c - '0');
              scale *= 10;
            }
          } else {
            whole = whole * 10 + (c - '0');
          }
        } else if (c == ',' && i == e - 1) {
          break; // "0.004," in a list: take the first value
        } else {
          return -1;
        }
      }
      return any ? whole + (double) frac / scale : -1;
    }

    /** An upstream address: ip:port, [v6]:port, host:port or unix:/path. */
    static boolean isAddress(byte[] b, int s, int e) {
      if (e - s < 3) {
        return false;
      }
      if (Ascii.startsWith(b, s, e, "unix:")) {
        return true;
      }
      int colon = -1;
      for (int i = e - 1; i > s; i--) {
        if (b[i] == ':') {
          colon = i;
          break;
        }
        if (!Ascii.isDigit(b[i])) {
          return false;
        }
      }
      if (colon < 0 || colon == e - 1) {
        return false;
      }
      for (int i = s; i < colon; i++) {
        byte c = b[i];
        if (!(Ascii.isLetter(c) || Ascii.isDigit(c) || c == '.' || c == ':' || c == '-'
            || c == '[' || c == ']' || c == '_')) {
          return false;
        }
      }
      return true;
    }

    /** The last address of an upstream list ("a:1, b:2" or "a:1 : b:2"). */
    static String lastAddress(String list) {
      int cut = Math.max(list.lastIndexOf(", "), list.lastIndexOf(" : "));
      if (cut >= 0) {
        return list.substring(list.charAt(cut) == ',' ? cut + 2 : cut + 3).trim();
      }
      return list.trim();
    }
  }
}
