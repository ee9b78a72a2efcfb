package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser console saved as text: Chrome DevTools "Save as..." ({@code socket.io.js:1  GET
 * http://... net::ERR_CONNECTION_REFUSED}, with "Show timestamps" a leading {@code HH:MM:SS.mmm}),
 * Firefox's export (the location at the end of the line), text copied out of either, and
 * automation dumps ({@code 2026-11-26T02:41:32.774Z [error] <url> <message>}: the ISO time is
 * read, the level kept).
 *
 * <p>Events: {@code Access to XMLHttpRequest at '...' ... has been blocked by CORS policy: <why>}
 * and Firefox's {@code Cross-Origin Request Blocked: ... (Reason: <why>)} → CORS_BLOCKED (detail:
 * the reason); {@code Mixed Content: ... This request has been blocked} and Firefox's {@code
 * Blocked loading mixed active content} → MIXED_CONTENT_BLOCKED; Chrome's {@code Connecting to
 * '<url>' violates the following Content Security Policy directive} (older: {@code Refused to
 * connect to '<url>' because it violates ...}) and Firefox's {@code Content-Security-Policy: The
 * page’s settings blocked the loading of a resource} → CSP_BLOCKED (fact: the URL in the line);
 * {@code WebSocket connection to
 * '...' failed: <why>}, Firefox's {@code can’t establish a connection to the server at ws://...}
 * and {@code The connection to ws://... was interrupted} → WEBSOCKET_FAILED (fact: the text
 * after {@code failed: }); a {@code net::ERR_*} token → NETWORK_ERROR (fact: the token and the URL);
 * socket.io-client's error texts ({@code xhr poll error}, {@code xhr post error}, {@code websocket
 * error}, {@code Invalid namespace}, {@code connect_error}) → CLIENT_CONNECT_ERROR. Debug output
 * of the client in the console ({@code localStorage.debug}) is recognised like the debug parser.
 * The sid comes from any URL in the line.
 *
 * <p>Times: the console only writes a time of day. Without a date (the default) times are left
 * null and a warning says so; give a date (and the browser's zone) to the constructor to get them.
 */
public final class BrowserConsoleLogParser extends LineLogParser {

  private static final Pattern TOD = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
  private static final Pattern CHROME_LOC = Pattern.compile("^\\S+?:\\d+ ");
  private static final Pattern FIREFOX_LOC = Pattern.compile(" \\S+:\\d+:\\d+$");
  private static final String[] STRONG = {
    "net::ERR_",
    "has been blocked by CORS policy",
    "Cross-Origin Request Blocked",
    "WebSocket connection to '",
    "Mixed Content: The page at",
    "Blocked loading mixed active content",
    "Content Security Policy",
    "Content-Security-Policy: The page",
    "can’t establish a connection to the server at",
    "can't establish a connection to the server at",
    "was interrupted while the page was loading",
  };

  private static final String[] CLIENT_ERRORS = {
    "xhr poll error", "xhr post error", "websocket error", "Invalid namespace", "server error",
    "timeout"
  };

  private final LocalDate date;
  private final ZoneId zone;

  /** Times are left null (the console writes no date). */
  public BrowserConsoleLogParser() {
    this(null, ZoneOffset.UTC);
  }

  /**
   * @param date the day the console was recorded, or null to leave times null
   * @param zone the browser's time zone
   */
  public BrowserConsoleLogParser(LocalDate date, ZoneId zone) {
    super(LogFormat.BROWSER_CONSOLE);
    this.date = date;
    this.zone = zone == null ? ZoneOffset.UTC : zone;
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    int first = HeadLines.firstNonSpace(head, length);
    if (first == '{' || first == '[' || first < 0 || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    List<String> lines = HeadLines.nonBlank(head, length, 200);
    int shaped = 0;
    int strong = 0;
    int located = 0;
    for (String raw : lines) {
      String l = raw;
      Matcher t = TOD.matcher(l);
      if (t.find()) {
        l = l.substring(t.end());
      }
      boolean isStrong = strong(l);
      boolean chrome = CHROME_LOC.matcher(l).find();
      boolean firefox = FIREFOX_LOC.matcher(l).find();
      if (isStrong) {
        strong++;
      }
      if (chrome || firefox) {
        located++;
      }
      if (isStrong || chrome || firefox) {
        shaped++;
      }
    }
    return (strong >= 1 || located >= 2) && shaped * 2 >= lines.size() ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  private static boolean strong(String l) {
    for (String s : STRONG) {
      if (l.contains(s)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new ConsoleState(file, sink);
  }

  private final class ConsoleState extends ParseState {
    private final TimeReader times = new TimeReader(zone);
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    private final long epochDay = date == null ? Long.MIN_VALUE : date.toEpochDay();

    ConsoleState(String file, RecordSink sink) {
      super(file, sink, LogFormat.BROWSER_CONSOLE);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      int p = s;
      Instant time = null;
      String level = null;
      if (e - s > 20 && Ascii.isDigit(b[s]) && b[s + 4] == '-') {
        // automation dumps (Playwright/Puppeteer page.on('console')): "<ISO> [error] <url> <message>"
        int q = times.readIso(b, s, e);
        if (q > 0) {
          time = times.instant();
          p = q;
          while (p < e && b[p] == ' ') {
            p++;
          }
          if (p < e && b[p] == '[') {
            int close = p + 1;
            while (close < e && close - p < 16 && b[close] != ']') {
              close++;
            }
            if (close < e && b[close] == ']') {
              level = Ascii.str(b, p + 1, close);
              p = close + 1;
              while (p < e && b[p] == ' ') {
                p++;
              }
            }
          }
        }
      } else if (e - s > 13 && Ascii.isDigit(b[s]) && b[s + 2] == ':') {
        int q = times.readTimeOfDay(b, s, e);
        if (q > 0 && q < e && b[q] == ' ') {
          p = q + 1;
          if (epochDay != Long.MIN_VALUE) {
            times.setLocal(epochDay, times.secondOfDay(), times.nanos());
            time = times.instant();
          } else {
            warnOnce(
                "date",
                "the console's times have no date; they were left empty (give the day to"
                    + " read them)");
          }
        }
      }
      String text = Ascii.str(b, p, e);
      String source = null;
      Matcher m = CHROME_LOC.matcher(text);
      if (m.find()) {
        source = text.substring(0, m.end() - 1);
        text = text.substring(m.end()).stripLeading();
      } else {
        Matcher f = FIREFOX_LOC.matcher(text);
        if (f.find()) {
          source = text.substring(f.start() + 1);
          text = text.substring(0, f.start());
        }
      }
      LogEvent event = LogEvent.OTHER;
      LogFact fact = LogFact.NONE;
      String sid = null;
      // client debug output: "engine.io-client:socket socket receive: ... +1ms"
      int sp = text.indexOf(' ');
      if (sp > 0 && EngineIoDebugLogParser.isNamespace(text.substring(0, sp))) {
        String ns = text.substring(0, sp);
        String msg = stripDelta(text.substring(sp + 1));
        EngineIoMessages.recognise(ns, msg, result);
        if (time != null) {
          lastTime = time;
        }
        emit(n, time, fileNode, null, ns, result.sid, msg, result.event, result.fact, null);
        return;
      }
      int k;
      if ((k = text.indexOf("has been blocked by CORS policy")) >= 0) {
        event = LogEvent.CORS_BLOCKED;
        int c = text.indexOf("CORS policy: ", k);
        fact = corsRefused(text, c >= 0 ? text.substring(c + 13).trim() : null);
      } else if ((k = text.indexOf("Cross-Origin Request Blocked")) >= 0) {
        event = LogEvent.CORS_BLOCKED;
        int r = text.indexOf("(Reason: ", k);
        if (r >= 0) {
          int close = text.indexOf(')', r);
          fact = corsRefused(text, close > r ? text.substring(r + 9, close) : text.substring(r + 9));
        }
      } else if (text.contains("Mixed Content:") && text.contains("blocked")
          || text.contains("Blocked loading mixed active content")) {
        event = LogEvent.MIXED_CONTENT_BLOCKED;
      } else if (text.contains("violates the") && text.contains("Content Security Policy")
          || text.contains("Content-Security-Policy: The page")) {
        event = LogEvent.CSP_BLOCKED;
        String url = LogUrls.firstUrl(text);
        fact = url == null ? LogFact.NONE : new LogFact.BlockedUrl(url);
      } else if ((k = text.indexOf("WebSocket connection to '")) >= 0) {
        int f = text.indexOf("' failed", k);
        if (f >= 0) {
          event = LogEvent.WEBSOCKET_FAILED;
          int colon = text.indexOf("failed: ", f);
          String failure = colon >= 0 ? text.substring(colon + 8).trim() : "";
          fact = new LogFact.NetworkError(failure.isEmpty() ? null : failure, LogUrls.firstUrl(text));
        }
      } else if (text.contains("establish a connection to the server at ws")
          || (text.contains("The connection to ws") && text.contains("was interrupted"))) {
        event = LogEvent.WEBSOCKET_FAILED;
        fact = new LogFact.NetworkError(text.contains("interrupted") ? "interrupted" : "can't establish a connection",
            LogUrls.firstUrl(text));
      }
      if (event == LogEvent.OTHER && (k = text.indexOf("net::ERR_")) >= 0) {
        event = LogEvent.NETWORK_ERROR;
        int end = k + 9;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
            || text.charAt(end) == '_')) {
          end++;
        }
        fact = new LogFact.NetworkError(text.substring(k, end), LogUrls.firstUrl(text));
      }
      if (event == LogEvent.OTHER) {
        // socket.io-client error texts, only where the line reports an error (an app's
        // "disconnect transport error xhr post error" line is a disconnect, not a connect error)
        int ce = text.indexOf("connect_error");
        if (ce >= 0 || text.contains("Error: ")) {
          for (String c : CLIENT_ERRORS) {
            if (text.contains(c)) {
              event = LogEvent.CLIENT_CONNECT_ERROR;
              fact = "timeout".equals(c) ? LogFact.ConnectFailed.TIMED_OUT : LogFact.ConnectFailed.of(c);
              break;
            }
          }
          if (event == LogEvent.OTHER && ce >= 0) {
            event = LogEvent.CLIENT_CONNECT_ERROR;
            String after = text.substring(ce + 13).trim();
            fact = after.isEmpty() ? LogFact.NONE : LogFact.ConnectFailed.of(after);
          }
        }
      }
      if (text.indexOf("sid") >= 0) {
        sid = LogUrls.sidInText(text);
      }
      if (time != null) {
        lastTime = time;
      }
      emit(n, time, fileNode, level, source, sid, text, event, fact, null);
    }

    /**
     * A CORS refusal with the URLs it names: Chrome's {@code Access to XMLHttpRequest at '<target>'
     * (redirected from '<url>') ...} names where a redirect led first, then the URL asked for.
     */
    private static LogFact corsRefused(String text, String reason) {
      int r = text.indexOf("(redirected from '");
      if (r < 0) {
        return new LogFact.CorsRefused(reason, LogUrls.firstUrl(text), null);
      }
      return new LogFact.CorsRefused(reason, LogUrls.firstUrl(text.substring(0, r)),
          LogUrls.firstUrl(text.substring(r)));
    }

    private String stripDelta(String msg) {
      int sp = msg.lastIndexOf(" +");
      if (sp >= 0) {
        String d = msg.substring(sp + 2);
        if (d.matches("\\d+(ms|s|m|h|d)")) {
          return msg.substring(0, sp);
        }
      }
      return msg;
    }
  }
}
