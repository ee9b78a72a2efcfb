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
 * HAProxy HTTP logs ({@code option httplog}), with or without a syslog prefix:
 * {@code Feb  6 12:14:14 lb haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in
 * static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html
 * HTTP/1.1"}.
 *
 * <p>Each HTTP line is an {@link LogEvent#HTTP_ACCESS}: status, bytes, the termination state
 * ({@code cD--}, {@code SD--}, ...), {@code backend/server} as the upstream, and the last timer
 * ({@code Tt} in the old format, {@code Ta} in the current one) as {@code durationMs}. The time is
 * the request date plus that timer, i.e. when the request ended (for a WebSocket, when the tunnel
 * closed), the same convention as the nginx and ALB parsers. TCP-mode lines (3 timers, no request)
 * are kept as OTHER lines with their time. HAProxy's dates carry no zone: they are read as UTC.
 * The node is the syslog host when there is a syslog prefix.
 *
 * <p>A 101 whose termination state is a timeout in the data phase ({@code cD}: the client side,
 * {@code sD}: the server side, configuration.txt §8.5) is a tunnel HAProxy closed because nothing
 * crossed it for {@code timeout tunnel} (or {@code timeout client} / {@code timeout server} when no
 * tunnel timeout is set): a {@link LogEvent#PROXY_UPGRADED_TIMEOUT}, with {@code access} filled and
 * the state as its fact, as the Envoy parser does for {@code SI}.
 *
 * <p>A request whose termination state is {@code sQ} expired in the queue of servers at their
 * {@code maxconn} ({@code timeout queue}): a {@link LogEvent#PROXY_LIMIT_REFUSED}, with {@code
 * access} filled and the state as its fact. Its server is often {@code <NOSRV>}, like a backend with
 * no server up ({@code SC}): only the state tells a full server from a down one.
 */
public final class HaproxyLogParser extends LineLogParser {

  public HaproxyLogParser() {
    super(LogFormat.HAPROXY);
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new HaproxyState(file, sink);
  }

  private static final class HaproxyState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final StringCache cache = new StringCache();

    HaproxyState(String file, RecordSink sink) {
      super(file, sink, LogFormat.HAPROXY);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      // the accept / request date: the first "[dd/Mon/yyyy:HH:MM:SS.mmm]"
      int lb = -1;
      int tq = -1;
      for (int i = Ascii.indexOf(b, s, e, (byte) '['); i >= 0;
          i = Ascii.indexOf(b, i + 1, e, (byte) '[')) {
        int q = times.readClf(b, i + 1, e);
        if (q > 0 && q < e && b[q] == ']' && i > s && b[i - 1] == ' ') {
          lb = i;
          tq = q;
          break;
        }
      }
      if (lb < 0) {
        emitOther(n, Ascii.str(b, s, e));
        return;
      }
      long dateSecond = times.epochSecond();
      int dateNanos = times.nanos();
      // client ip:port is the word before the date
      int ce = lb - 1;
      int cs = ce;
      while (cs > s && b[cs - 1] != ' ') {
        cs--;
      }
      String node = fileNode;
      int hp = Ascii.indexOf(b, s, cs, "haproxy[");
      if (hp > s) {
        // "Feb  6 12:14:14 host haproxy[pid]:" or "<134>1 2026-... host haproxy pid - -"
        int he = hp - 1;
        int hs = he;
        while (hs > s && b[hs - 1] != ' ') {
          hs--;
        }
        if (he > hs) {
          node = cache.get(b, hs, he);
        }
      }
      String client = Ascii.str(b, cs, ce);
      int colon = client.lastIndexOf(':');
      String clientIp = colon > 0 ? client.substring(0, colon) : client;
      // fields after the date
      int p = tq + 1;
      String[] f = new String[6];
      int[] fEnd = new int[6];
      int k = 0;
      while (k < 6) {
        p = Ascii.skipSpaces(b, p, e);
        if (p >= e) {
          break;
        }
        int te = Ascii.indexOf(b, p, e, (byte) ' ');
        if (te < 0) {
          te = e;
        }
        f[k] = Ascii.str(b, p, te);
        fEnd[k] = te;
        k++;
        p = te;
      }
      // f: frontend, backend/server, timers, status, bytes, ...
      String timers = k > 2 ? f[2] : null;
      int slashes = timers == null ? 0 : count(timers, '/');
      if (k < 3 || f[1].indexOf('/') <= 0 || slashes < 2 || !timerStart(timers)) {
        // not "frontend backend/server Tq/Tw/Tc/...": a bracketed date in some other line
        emitOther(n, Ascii.str(b, s, e));
        return;
      }
      String msg = Ascii.str(b, cs, e);
      if (k < 5 || slashes != 4 || !isInt(f[3])) {
        // TCP mode or something else: keep it with its time
        Instant t = endTime(dateSecond, dateNanos, timers == null ? -1 : lastTimer(timers));
        lastTime = t;
        emit(n, t, node, null, null, null, msg, LogEvent.OTHER, null, null);
        return;
      }
      long duration = lastTimer(timers);
      int status = Integer.parseInt(f[3]);
      long bytes = parseLongLenient(f[4]);
      // termination state: the 3rd word after bytes (cookie req, cookie resp, state)
      p = fEnd[4];
      String term = null;
      for (int w = 0; w < 3; w++) {
        p = Ascii.skipSpaces(b, p, e);
        int te = Ascii.indexOf(b, p, e, (byte) ' ');
        if (te < 0) {
          te = e;
        }
        if (w == 2) {
          term = cache.get(b, p, te);
        }
        p = te;
      }
      String method = null;
      String url = "";
      int q1 = Ascii.indexOf(b, p, e, (byte) '"');
      if (q1 >= 0) {
        int q2 = e - 1;
        while (q2 > q1 && b[q2] != '"') {
          q2--;
        }
        if (q2 <= q1) {
          q2 = e;
        }
        String req = Ascii.str(b, q1 + 1, q2);
        int sp1 = req.indexOf(' ');
        if (sp1 > 0) {
          method = req.substring(0, sp1);
          int sp2 = req.lastIndexOf(' ');
          url = sp2 > sp1 && req.startsWith("HTTP/", sp2 + 1) ? req.substring(sp1 + 1, sp2)
              : req.substring(sp1 + 1);
        } else {
          url = req;
        }
      }
      EngineIoQuery eio = LogUrls.query(url);
      String sid = LogUrls.sidOf(eio, url);
      Instant t = endTime(dateSecond, dateNanos, duration);
      lastTime = t;
      HttpAccess access =
          new HttpAccess(clientIp, method, url, status, bytes, duration, f[1], null, term, eio);
      if (status == 101 && dataPhaseTimeout(term)) {
        emit(n, t, node, null, null, sid, msg, LogEvent.PROXY_UPGRADED_TIMEOUT, LogFact.detail(term), access);
      } else if (queueTimeout(term)) {
        emit(n, t, node, null, null, sid, msg, LogEvent.PROXY_LIMIT_REFUSED, LogFact.detail(term), access);
      } else {
        emit(n, t, node, null, null, sid, msg, LogEvent.HTTP_ACCESS, null, access);
      }
    }

    /**
     * Whether a termination state says a timeout expired in the data phase: first character
     * {@code c} (client-side) or {@code s} (server-side), second {@code D}.
     */
    private static boolean dataPhaseTimeout(String term) {
      return term != null && term.length() >= 2 && (term.charAt(0) == 'c' || term.charAt(0) == 's')
          && term.charAt(1) == 'D';
    }

    /**
     * Whether a termination state says the request expired in a queue ({@code sQ}: "the session
     * spent too much time in queue", configuration.txt §8.5): every server it could go to was at its
     * {@code maxconn} for {@code timeout queue}, and HAProxy answered 503 itself. The server may be
     * logged as {@code <NOSRV>} (none was assigned), as for a backend with no server up, which
     * answers {@code SC} at once instead.
     */
    private static boolean queueTimeout(String term) {
      return term != null && term.length() >= 2 && term.charAt(0) == 's' && term.charAt(1) == 'Q';
    }

    private Instant endTime(long second, int nanos, long durationMs) {
      long ms = second * 1000L + nanos / 1_000_000 + Math.max(0, durationMs);
      return Instant.ofEpochMilli(ms);
    }

    private static long lastTimer(String timers) {
      int slash = timers.lastIndexOf('/');
      String t = timers.substring(slash + 1);
      if (t.startsWith("+")) {
        t = t.substring(1);
      }
      return isInt(t) ? Long.parseLong(t) : -1;
    }

    private static long parseLongLenient(String s) {
      if (s.startsWith("+")) {
        s = s.substring(1);
      }
      return isInt(s) ? Long.parseLong(s) : -1;
    }

    private static boolean isInt(String s) {
      if (s == null || s.isEmpty() || s.length() > 18) {
        return false;
      }
      int i = s.charAt(0) == '-' ? 1 : 0;
      if (i == s.length()) {
        return false;
      }
      for (; i < s.length(); i++) {
        if (!Character.isDigit(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /** The first timer ({@code -1} or digits) ends at the first slash. */
    private static boolean timerStart(String timers) {
      int slash = timers.indexOf('/');
      return slash > 0 && isInt(timers.substring(0, slash));
    }

    private static int count(String s, char c) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == c) {
          n++;
        }
      }
      return n;
    }
  }
}
