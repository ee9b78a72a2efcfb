package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

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

  /**
   * Detected with the parser's own line reader: a line counts when, after any time the reader
   * reads (a console time of day, an automation dump's ISO time and level), it holds a source
   * location (Chrome's {@code file.js:12 } before the message, Firefox's {@code file.js:54:20}
   * after it) or a message only browsers write ({@link #STRONG}); at least half the lines count,
   * with one such message or two located lines. A time is never a location: a Heroku router line
   * ({@code 2026-12-07T14:30:53.123456+00:00 heroku[router]: at=...}) is read with its ISO time, and
   * what follows it is no location.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    List<String> lines = HeadLines.textLines(head, length, 200);
    ConsoleState reader = (ConsoleState) openForHead();
    int shaped = 0;
    int strong = 0;
    int located = 0;
    for (String line : lines) {
      if (reads(reader, line)) {
        shaped++;
        if (reader.strong) {
          strong++;
        }
        if (reader.located) {
          located++;
        }
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

  /**
   * Where Chrome's location ends when {@code t} starts with one: a word (up to the first white
   * space, which must be a space) ending in {@code :<line>} after a non-empty name, such as {@code
   * socket.io.js:1216} or {@code (index):11}; the index of the space after it, or -1.
   */
  static int chromeLocationEnd(String t) {
    int n = t.length();
    int i = 0;
    while (i < n && !isSpace(t.charAt(i))) {
      i++;
    }
    if (i == n || t.charAt(i) != ' ') {
      return -1;
    }
    int colon = beforeDigits(t, 0, i);
    return colon > 0 ? i : -1;
  }

  /**
   * Where Firefox's location starts when {@code t} ends with one: a last word after a space, of
   * the form {@code <name>:<line>:<column>} with a non-empty name, such as {@code
   * websocket.js:54:20}; the index of the space before it, or -1.
   */
  static int firefoxLocationStart(String t) {
    int n = t.length();
    int i = n;
    while (i > 0 && !isSpace(t.charAt(i - 1))) {
      i--;
    }
    if (i == 0 || i == n || t.charAt(i - 1) != ' ') {
      return -1;
    }
    int column = beforeDigits(t, i, n);
    return column > i && beforeDigits(t, i, column) > i ? i - 1 : -1;
  }

  /** The index of the ':' before the digits that end {@code t[from..to)}, or -1 when there is none. */
  private static int beforeDigits(String t, int from, int to) {
    int d = to;
    while (d > from && t.charAt(d - 1) >= '0' && t.charAt(d - 1) <= '9') {
      d--;
    }
    return d < to && d - 1 >= from && t.charAt(d - 1) == ':' ? d - 1 : -1;
  }

  /** White space as a regular expression's {@code \s} has it (ASCII only). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new ConsoleState(file, sink);
  }

  private final class ConsoleState extends ParseState {
    private final TimeReader times = new TimeReader(zone);
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    private final long epochDay = date == null ? Long.MIN_VALUE : date.toEpochDay();
    /** Whether the last line read holds a message only browsers write, or a source location. */
    private boolean strong;
    private boolean located;

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
      strong = strong(text);
      String source = null;
      int chrome = chromeLocationEnd(text);
      if (chrome > 0) {
        source = text.substring(0, chrome);
        text = text.substring(chrome + 1).stripLeading();
      } else {
        int firefox = firefoxLocationStart(text);
        if (firefox > 0) {
          source = text.substring(firefox + 1);
          text = text.substring(0, firefox);
        }
      }
      located = source != null;
      if (!strong && !located) {
        // a line of the page's own output: read as before, but not counted by detection
        keptAsText();
      }
      // client debug output: "engine.io-client:socket socket receive: ... +1ms"
      int sp = text.indexOf(' ');
      if (sp > 0 && EngineIoDebugLogParser.isNamespace(text.substring(0, sp))) {
        String ns = text.substring(0, sp);
        // debug's own grammar for its trailing delta
        byte[] mb = text.substring(sp + 1).getBytes(StandardCharsets.UTF_8);
        String msg = new String(mb, 0, EngineIoDebugLogParser.stripDelta(mb, 0, mb.length), StandardCharsets.UTF_8);
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
  }
}
