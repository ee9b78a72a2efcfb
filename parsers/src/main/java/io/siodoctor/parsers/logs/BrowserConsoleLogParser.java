package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
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
 * <p>Events: what {@link BrowserConsoleMessages} recognises (CORS, mixed content, CSP, WebSocket and
 * network errors, socket.io-client's error texts, each with its typed fact). Debug output
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
      BrowserConsoleMessages.recognise(text, result);
      String sid = null;
      if (text.indexOf("sid") >= 0) {
        sid = LogUrls.sidInText(text);
      }
      if (time != null) {
        lastTime = time;
      }
      emit(n, time, fileNode, level, source, sid, text, result.event, result.fact, null);
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
