package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Heroku router lines as {@code heroku logs} and log drains show them
 * (https://devcenter.heroku.com/articles/http-routing#heroku-router-log-format): {@code
 * 2026-12-07T14:00:00.000000+00:00 heroku[router]: at=error code=H12 desc="Request timeout"
 * method=GET path="/socket.io/?EIO=4&transport=polling&t=…&sid=…" host=app.herokuapp.com
 * request_id=… fwd="203.0.113.5" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0
 * protocol=https}, with or without a syslog prefix. Heroku is not reachable here: the tests use
 * fixtures built from that documentation and the error codes page
 * (https://devcenter.heroku.com/articles/error-codes).
 *
 * <p>Every router line is one record with {@code access} filled (time: when the router logged it,
 * the request's end; duration: {@code connect + service}; the dyno is the upstream and the node;
 * its fact: the error code and its {@code desc}): an {@link LogEvent#HTTP_ACCESS}, or,
 * when the code says what failed, that proxy event (one fact per line): H12 (request timeout, 30 s) → {@link
 * LogEvent#PROXY_UPSTREAM_TIMEOUT}; H13 (connection closed without response), H10 (app crashed),
 * H14 (no web dynos), H20 (boot timeout), H99 → {@link LogEvent#PROXY_UPSTREAM_UNAVAILABLE}; H15
 * (idle connection, 55 s) → {@link LogEvent#PROXY_UPGRADED_TIMEOUT}. Other lines (the app's own)
 * are OTHER.
 */
public final class HerokuRouterLogParser extends LineLogParser {

  private static final String ROUTER = "heroku[router]: ";
  private static final String ROUTER_DRAIN = " heroku router - ";

  public HerokuRouterLogParser() {
    super(LogFormat.HEROKU_ROUTER);
  }

  /**
   * Detected with the parser's own line reader: one router line (its {@code at=} message with the
   * path and status the router always logs) is the producer's own mark, whatever the app printed
   * around it, unless the head is a document quoting it ({@link HeadLines#amongOutput}).
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    if (HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    // a README quoting a router line (in a table row, say) is a document, no log
    return HeadLines.amongOutput(HeadLines.nonBlank(head, length, 200), readsLine(), MatchStrength.FULL_MATCH);
  }

  /** Where the router's {@code at=…} message starts, or -1. */
  static int routerMessage(String l) {
    int k = l.indexOf(ROUTER);
    if (k >= 0) {
      return k + ROUTER.length();
    }
    k = l.indexOf(ROUTER_DRAIN);
    return k < 0 ? -1 : k + ROUTER_DRAIN.length();
  }

  /** The {@code key=value} / {@code key="quoted value"} pairs of a router message (a scanner). */
  static Map<String, String> pairs(String m) {
    Map<String, String> out = new HashMap<>();
    int i = 0;
    int n = m.length();
    while (i < n) {
      while (i < n && m.charAt(i) == ' ') {
        i++;
      }
      int eq = m.indexOf('=', i);
      int sp = m.indexOf(' ', i);
      if (eq < 0 || (sp >= 0 && sp < eq)) {
        if (sp < 0) {
          break;
        }
        i = sp + 1;
        continue;
      }
      String key = m.substring(i, eq);
      int v = eq + 1;
      int end;
      String value;
      if (v < n && m.charAt(v) == '"') {
        end = m.indexOf('"', v + 1);
        if (end < 0) {
          end = n;
        }
        value = m.substring(v + 1, end);
        end++;
      } else {
        end = m.indexOf(' ', v);
        if (end < 0) {
          end = n;
        }
        value = m.substring(v, end);
      }
      out.putIfAbsent(key, value);
      i = end;
    }
    return out;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new RouterState(file, sink);
  }

  private static final class RouterState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();

    RouterState(String file, RecordSink sink) {
      super(file, sink, LogFormat.HEROKU_ROUTER);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      // the time: at the line's start, or after a syslog "<190>1 " prefix
      Instant time = null;
      int ts = s;
      if (b[ts] == '<') {
        int sp = Ascii.indexOf(b, ts, Math.min(e, ts + 12), (byte) ' ');
        ts = sp < 0 ? ts : sp + 1;
      }
      if (ts < e && Ascii.isDigit(b[ts]) && times.readIso(b, ts, e) > 0) {
        time = times.instant();
        lastTime = time;
      }
      int k = routerMessage(line);
      if (k < 0 || !line.startsWith("at=", k)) {
        keptAsText(); // the app's own line
        appLine(n, time != null ? time : lastTime, line);
        return;
      }
      Map<String, String> p = pairs(line.substring(k));
      if (!p.containsKey("path") || !p.containsKey("status")) {
        keptAsText(); // read as before, but not the router line detection counts
      }
      String path = p.getOrDefault("path", "");
      int status = intOf(p.get("status"), -1);
      long bytes = intOf(p.get("bytes"), -1);
      long connect = millis(p.get("connect"));
      long service = millis(p.get("service"));
      double duration = connect < 0 && service < 0 ? -1 : Math.max(connect, 0) + Math.max(service, 0);
      String dyno = p.get("dyno");
      String code = p.get("code");
      String fwd = p.get("fwd");
      String clientIp = fwd == null ? null : fwd.split(",")[0].trim();
      EngineIoQuery q = LogUrls.query(path);
      String sid = LogUrls.sidOf(q, path);
      HttpAccess access = new HttpAccess(clientIp, p.get("method"), path, status, bytes, duration,
          dyno, null, null, q);
      String node = dyno == null || dyno.isEmpty() ? fileNode : dyno;
      String level = p.get("at");
      Instant at = time != null ? time : lastTime;
      LogEvent proxy = proxyEvent(code);
      emit(n, at, node, level, "heroku[router]", sid, line, proxy != null ? proxy : LogEvent.HTTP_ACCESS,
          LogFact.detail(code == null ? null : code + " " + p.getOrDefault("desc", "")), access);
    }

    /**
     * A line of the app in the same stream ({@code app[web.1]: …}): a python-socketio app's
     * messages are recognised as the python parser does, with the dyno as the node.
     */
    private void appLine(long n, Instant time, String line) {
      String node = fileNode;
      String msg = line;
      int app = line.indexOf(" app[");
      int close = app < 0 ? -1 : line.indexOf("]: ", app);
      if (close > app) {
        node = line.substring(app + 5, close);
        msg = line.substring(close + 3);
      }
      int at = PythonSocketIoLogParser.messageStart(msg);
      if (at >= 0 && PythonEngineIoMessages.recognise(msg.substring(at), result)) {
        emit(n, time, node, null, null, result.sid, msg.substring(at), result.event, result.fact, null);
        return;
      }
      emit(n, time, node, null, null, msg.indexOf("sid=") >= 0 ? LogUrls.sidInText(msg) : null, msg,
          LogEvent.OTHER, null, null);
    }

    private static LogEvent proxyEvent(String code) {
      if (code == null) {
        return null;
      }
      return switch (code) {
        case "H12" -> LogEvent.PROXY_UPSTREAM_TIMEOUT;
        case "H10", "H13", "H14", "H20", "H99" -> LogEvent.PROXY_UPSTREAM_UNAVAILABLE;
        case "H15" -> LogEvent.PROXY_UPGRADED_TIMEOUT;
        default -> null;
      };
    }

    private static int intOf(String s, int dflt) {
      if (s == null || s.isEmpty() || s.length() > 9) {
        return dflt;
      }
      for (int i = 0; i < s.length(); i++) {
        if (!Character.isDigit(s.charAt(i))) {
          return dflt;
        }
      }
      return Integer.parseInt(s);
    }

    /** "30001ms" → 30001; -1 when absent or not so written. */
    private static long millis(String s) {
      if (s == null || !s.endsWith("ms")) {
        return -1;
      }
      return intOf(s.substring(0, s.length() - 2), -1);
    }
  }
}
