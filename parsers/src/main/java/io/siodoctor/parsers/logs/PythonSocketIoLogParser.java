package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;

/**
 * python-engineio / python-socketio / Flask-SocketIO server logs, whatever the logging prefix
 * ({@code INFO:engineio.server:}, {@code 2025-07-02 15:33:20,983 - engineio.server - INFO - },
 * {@code 2017-11-24 16:52:37,880:INFO:engineio:}, Heroku's {@code 2020-11-28T20:20:26.267794+00:00
 * app[web.2]: }, or none).
 *
 * <p>Events: {@code <sid>: Sending packet OPEN data {...}} → HANDSHAKE; {@code Invalid session
 * <sid>} → UNKNOWN_SID; {@code <sid>: Upgrade to websocket successful} → UPGRADE_DONE; {@code
 * <sid>: Received request to upgrade to websocket} → UPGRADE_STARTED; {@code <sid>: Failed
 * websocket upgrade...} → UPGRADE_INCOMPLETE; {@code <sid>: Client is gone, closing socket} →
 * CLOSED ("ping timeout": python-engineio's check_ping_timeout); {@code <sid>: Sending packet CLOSE} → CLOSED
 * ("forced close": the server ended the session); {@code Server initialized for ...} → SERVER_STARTED and
 * {@code service task canceled} (4.9+: {@code Socket.IO is shutting down}) → SERVER_STOPPED when python's
 * own logger wrote them (an application may print the same words); {@code Sending packet PING} →
 * PING_SENT; {@code Received packet
 * PONG/PING} → PONG_RECEIVED/PING_RECEIVED; unsupported protocol version and origin rejections.
 * Other lines (werkzeug/uvicorn access lines, the application's output) are OTHER, with the sid
 * of any {@code sid=} they contain. Times without a zone are read as UTC. On Heroku the dyno
 * ({@code web.2}) is the node.
 */
public final class PythonSocketIoLogParser extends LineLogParser {

  private static final String[] SID_ANCHORS = {
    ": Sending packet ",
    ": Received packet ",
    ": Upgrade to websocket successful",
    ": Client is gone, closing socket",
    ": Failed websocket upgrade",
    ": Received request to upgrade to ",
    ": Unexpected error",
  };

  private static final String[] PLAIN_ANCHORS = {
    "Invalid session ",
    "The client is using an unsupported version",
    "Invalid websocket upgrade",
    "Invalid transport",
    "Upgrade to websocket successful",
    "Client is gone, closing socket",
    " is not an accepted origin.",
    "Application rejected connection",
    "WebSocket transport not available",
  };

  public PythonSocketIoLogParser() {
    super(LogFormat.PYTHON_SOCKETIO);
  }

  /**
   * Detected with the parser's own line reader: a line counts when it holds a message of
   * python-engineio's where a logging format puts it ({@link #atLoggingPosition}): at the line's
   * start after any time and Heroku prefix, or after a logging prefix of level, logger and time
   * fields, or a line whose logging prefix names their logger ({@link #namesPythonLogger}). Python
   * logs interleave with the application's output, so one such line suffices, unless the head is a
   * document (Markdown or source code): {@link HeadLines#amongOutput}.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    // a Heroku log's app lines may be python-engineio's: the router parser's FULL_MATCH outranks this one
    if (HeadLines.firstNonSpace(head, length) == '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    return HeadLines.amongOutput(HeadLines.nonBlank(head, length, 200), readsLine(), MatchStrength.SOLID_MATCH);
  }

  /**
   * Whether a message found at {@code rest[msgStart..]} (after any time and Heroku prefix) stands
   * where a python logging format writes {@code %(message)s}: first (python-engineio's own
   * StreamHandler has no format, and {@code docker logs -t} / kubectl only add a time), or after a
   * logging prefix ({@code INFO:engineio.server:}, {@code ERROR engineio.server: }, {@code  -
   * engineio.server - INFO - }, {@code :INFO:engineio:}, Flask's {@code INFO in server: }): fields
   * that are a level word, an engineio/socketio logger name, numbers (times, pids) or {@code -} /
   * {@code ?} placeholders, at most two other names (a logger, module or thread) beside a level
   * word, between separators, the last one right before the message. Prose and code put other
   * words, quotes, backticks or comment marks there. A char scan, no regex.
   *
   * <p>A header that a log collector puts before the line is stepped over ({@link #headerEnd}).
   *
   * @param indented whether the line itself (no time read) started with white space: a wrapped or
   *     quoted line, never one a logging format starts
   * @param timed whether a time was read before {@code rest}
   */
  static boolean atLoggingPosition(String rest, int msgStart, boolean indented, boolean timed) {
    if (indented) {
      return false;
    }
    if (loggingPrefix(rest, 0, msgStart)) {
      return true;
    }
    int h = headerEnd(rest, timed);
    return h > 0 && h <= msgStart && loggingPrefix(rest, h, msgStart);
  }

  /** Whether {@code rest[from..msgStart)} is empty or a logging prefix ({@link #atLoggingPosition}). */
  private static boolean loggingPrefix(String rest, int from, int msgStart) {
    if (msgStart == from) {
      return true;
    }
    if (!isFieldSeparator(rest.charAt(msgStart - 1))) {
      return false;
    }
    LoggingFields f = new LoggingFields(rest, from, msgStart);
    return f.end == msgStart && (f.level ? f.names <= 2 : f.logger && f.names == 0);
  }

  /**
   * Whether the line's logging prefix names python-engineio's or python-socketio's logger ({@code
   * engineio.server}, {@code socketio.server}, older {@code engineio}), followed by {@code :} or
   * {@code " - "}: the line is theirs whatever its message ({@code Server initialized for
   * aiohttp.}, {@code emitting event ...}). A syslog or journald header may come first.
   */
  static boolean namesPythonLogger(String rest, boolean indented, boolean timed) {
    return afterPythonLogger(rest, indented, timed) > 0;
  }

  /**
   * Where the message starts after a logging prefix naming python-engineio's or python-socketio's
   * logger ({@link #namesPythonLogger}), or -1 when the line has no such prefix.
   */
  static int afterPythonLogger(String rest, boolean indented, boolean timed) {
    if (indented) {
      return -1;
    }
    int end = new LoggingFields(rest, 0, rest.length()).loggerEnd;
    if (end > 0) {
      return end;
    }
    int h = headerEnd(rest, timed);
    return h > 0 ? new LoggingFields(rest, h, rest.length()).loggerEnd : -1;
  }

  /**
   * Where a collector's header before python's line ends: syslog / journald's ({@link
   * #syslogHeaderEnd}) or {@code docker compose logs}' {@code "web-1  | "}; 0 when there is none.
   */
  static int headerEnd(String rest, boolean timed) {
    int h = syslogHeaderEnd(rest, timed);
    return h > 0 || timed ? h : composeHeaderEnd(rest);
  }

  /** Where a leading {@code docker compose logs} service column ({@code "web-1  | "}) ends, or 0. */
  private static int composeHeaderEnd(String rest) {
    int p = 0;
    int n = rest.length();
    while (p < n && (isSidChar(rest.charAt(p)) || rest.charAt(p) == '.')) {
      p++;
    }
    int name = p;
    while (p < n && rest.charAt(p) == ' ') {
      p++;
    }
    return name > 0 && p > name && rest.startsWith("| ", p) ? p + 2 : 0;
  }

  /**
   * Where a syslog / journald header at the start of {@code rest} ends ({@link SyslogHeader}); 0 when
   * there is none.
   */
  static int syslogHeaderEnd(String rest, boolean timed) {
    return SyslogHeader.end(rest, 0, timed);
  }

  /** The fields of a logging prefix, read from the start of a line up to the first non-field. */
  private static final class LoggingFields {
    /** Where the first non-field starts (the message, or prose), or the limit. */
    int end;
    boolean level;
    boolean logger;
    int names;
    /** Where the text after a python logger field and its ":" / " - " separator starts, or -1. */
    int loggerEnd = -1;

    LoggingFields(String s, int from, int limit) {
      int i = from;
      end = limit;
      while (i < limit) {
        char c0 = s.charAt(i);
        if (c0 == ESC) {
          i = afterColour(s, i, limit);
          continue;
        }
        if (isFieldSeparator(c0)) {
          i++;
          continue;
        }
        int t = i;
        boolean plain = true;
        while (i < limit && !isFieldSeparator(s.charAt(i)) && s.charAt(i) != ESC) {
          char c = s.charAt(i);
          // a quote, a backtick, markup, a comment mark: not a logging field
          plain &= isSidChar(c) || c == '.' || c == '?' || c == '/';
          i++;
        }
        Field kind = plain ? field(s, t, i) : Field.OTHER;
        names += kind == Field.NAME ? 1 : 0;
        if (kind == Field.OTHER || names > 2) {
          // no logging prefix holds it: the walk ends here, a few fields into any line
          end = t;
          return;
        }
        level |= kind == Field.LEVEL;
        if (kind == Field.LOGGER && loggerEnd < 0 && (names == 0 || level && names <= 2)) {
          logger = true;
          if (i < s.length() && s.charAt(i) == ':') {
            loggerEnd = i + 1;
          } else if (s.startsWith(" - ", i)) {
            loggerEnd = i + 3;
          }
        }
      }
    }
  }

  private static final char ESC = '\u001b';

  /** The index after a terminal colour sequence ({@code ESC [ 32 m}) at {@code i}. */
  private static int afterColour(String s, int i, int limit) {
    int j = i + 1;
    if (j < limit && s.charAt(j) == '[') {
      j++;
      while (j < limit && (isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
        j++;
      }
      if (j < limit && Character.isLetter(s.charAt(j))) {
        j++;
      }
    }
    return j;
  }

  private enum Field { LEVEL, LOGGER, NAME, FILLER, OTHER }

  private static final String[] LEVELS = {"CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"};

  /** The loggers python-engineio and python-socketio log to (the last two in older releases: python-engineio before 3.0). */
  private static final String[] LOGGERS = {
    "engineio.server", "engineio.client", "socketio.server", "socketio.client", "engineio", "socketio"
  };

  /** What the logging field {@code s[from..to)} is. */
  private static Field field(String s, int from, int to) {
    char c = s.charAt(from);
    if (isDigit(c)) {
      // a time, a date (12/07/26 too) or a process / thread id
      for (int i = from; i < to; i++) {
        char d = s.charAt(i);
        if (!(isDigit(d) || d == '-' || d == '.' || d == '/' || d == 'T' || d == 'Z')) {
          return Field.OTHER;
        }
      }
      return Field.FILLER;
    }
    int len = to - from;
    if (len == 1 && (c == '-' || c == '?')) {
      return Field.FILLER;
    }
    if (len == 1 && from > 0 && s.charAt(from - 1) == '[' && "CEWID".indexOf(c) >= 0) {
      return Field.LEVEL; // tornado's "[I 261207 14:06:41 server:411] ": the level's initial
    }
    for (String l : LEVELS) {
      if (len == l.length() && s.startsWith(l, from)) {
        return Field.LEVEL;
      }
    }
    for (String l : LOGGERS) {
      if (len == l.length() && s.startsWith(l, from)) {
        return Field.LOGGER;
      }
    }
    return Character.isLetter(c) || c == '_' ? Field.NAME : Field.OTHER;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The characters python logging formats put between their fields. */
  private static boolean isFieldSeparator(char c) {
    return c == ' ' || c == '\t' || c == ':' || c == ',' || c == '|' || c == '[' || c == ']'
        || c == '(' || c == ')' || c == '+';
  }

  /**
   * Where python-engineio's message starts in a line: at the sid before one of its sid anchors, or
   * at a plain anchor; -1 when the line holds none (indexOf scans, no regex).
   */
  static int messageStart(String rest) {
    for (String a : SID_ANCHORS) {
      int k = rest.indexOf(a);
      if (k > 0) {
        int st = k;
        while (st > 0 && isSidChar(rest.charAt(st - 1))) {
          st--;
        }
        if (PythonEngineIoMessages.isSid(rest, st, k)) {
          return st;
        }
      }
    }
    for (String a : PLAIN_ANCHORS) {
      int k = rest.indexOf(a);
      if (k >= 0) {
        if (a.charAt(0) == ' ') {
          // "<origin> is not an accepted origin.": the message starts at the origin's scheme
          // (a "LEVEL:logger:" prefix may stick to it without a space)
          int st = rest.lastIndexOf(' ', k - 1) + 1;
          int scheme = rest.lastIndexOf("://", k);
          if (scheme > st) {
            int a0 = scheme;
            while (a0 > st && Character.isLetter(rest.charAt(a0 - 1))) {
              a0--;
            }
            st = a0;
          }
          return st < k ? st : -1;
        }
        return k;
      }
    }
    return -1;
  }

  private static boolean isSidChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_';
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new PyState(file, sink);
  }

  private static final class PyState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    /**
     * Sessions that moved to WebSocket ({@code Upgrade to websocket successful}) and whose end
     * python-engineio has not logged (a close it sent or logged, a CLOSE or DISCONNECT the client
     * sent): the access line of their WebSocket is their end. A probe WebSocket whose upgrade never
     * completed ended only the probe; sessions leave the set when they end, so it holds the open ones.
     */
    private final java.util.Set<String> onWebSocket = new java.util.HashSet<>();

    PyState(String file, RecordSink sink) {
      super(file, sink, LogFormat.PYTHON_SOCKETIO);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        keptAsText();
        return;
      }
      int p = s;
      Instant time = null;
      int ts = p < e && b[p] == '[' ? p + 1 : p;
      if (ts < e && Ascii.isDigit(b[ts])) {
        int q = times.readIso(b, ts, e);
        if (q > 0) {
          time = times.instant();
          p = q;
          if (p < e && b[p] == ']') {
            p++;
          }
        }
      }
      String line = Ascii.str(b, p, e);
      String node = fileNode;
      // Heroku: " app[web.2]: "
      String rest = line.stripLeading();
      if (rest.startsWith("app[")) {
        int close = rest.indexOf("]: ");
        if (close > 4) {
          node = rest.substring(4, close);
          rest = rest.substring(close + 3);
        }
      }
      int msgStart = messageStart(rest);
      String prefix = msgStart < 0 ? rest : rest.substring(0, msgStart);
      String msg = msgStart < 0 ? stripPrefix(rest) : rest.substring(msgStart);
      String level = level(prefix);
      String source = logger(prefix);
      LogEvent event = LogEvent.OTHER;
      LogFact fact = LogFact.NONE;
      String sid = null;
      boolean known = PythonEngineIoMessages.recognise(msg, result);
      if (!known && msgStart < 0) {
        // the server's start and stop are plain words an application could print too: read only
        // where python-engineio's logger wrote them
        int after = afterPythonLogger(rest, time == null && indented(line), time != null);
        if (after > 0 && PythonEngineIoMessages.recogniseLifecycle(rest.substring(after).strip(), result)) {
          known = true;
        }
      }
      if (!known && msgStart < 0 && webSocketEnd(rest)) {
        known = true;
      }
      if (known) {
        event = result.event;
        fact = result.fact;
        sid = result.sid;
        if (event == LogEvent.UPGRADE_DONE && sid != null) {
          onWebSocket.add(sid);
        } else if (event == LogEvent.CLOSED && sid != null) {
          onWebSocket.remove(sid);
        }
      }
      if (msgStart >= 0 && PythonEngineIoMessages.clientEnds(msg)) {
        onWebSocket.remove(msg.substring(0, msg.indexOf(':')));
      }
      if (forDetection() && !countsForDetection(rest, known ? msgStart : -1, time == null && indented(line),
          time != null)) {
        // no message of python-engineio's where a logging format puts it, and no logger of
        // theirs: the application's line, or a message quoted in prose or code (read as before,
        // not counted by detection)
        keptAsText();
      }
      if (sid == null && msg.indexOf("sid") >= 0) {
        sid = LogUrls.sidInText(msg);
      }
      if (time != null) {
        lastTime = time;
      }
      emit(n, time != null ? time : lastTime, node, level, source, sid, msg, event, fact, null);
    }

    /**
     * Whether {@code rest} is aiohttp's access line of an Engine.IO WebSocket that ended a session
     * python-engineio logged no end for ({@link PythonEngineIoMessages#recogniseWebSocketEnd}): one
     * in {@link #onWebSocket}, or one opened without a sid (a WebSocket-only client's session is that
     * WebSocket); {@link #result} then holds the close. Read only where aiohttp's access logger wrote
     * the line, before its quoted request.
     */
    private boolean webSocketEnd(String rest) {
      int logger = rest.indexOf(PythonEngineIoMessages.AIOHTTP_ACCESS);
      int quote = rest.indexOf('"');
      if (logger < 0 || quote < logger) {
        return false;
      }
      String m = rest.substring(logger + PythonEngineIoMessages.AIOHTTP_ACCESS.length());
      return PythonEngineIoMessages.recogniseWebSocketEnd(m, result)
          && (result.sid == null || onWebSocket.contains(result.sid));
    }

    /**
     * Whether detection counts the line: a recognised message at {@code msgStart} (-1: none) where a
     * logging format puts it, or a logging prefix naming python-engineio's or python-socketio's
     * logger. Asked for the head only: parsing reads the line the same either way.
     */
    private static boolean countsForDetection(String rest, int msgStart, boolean indented, boolean timed) {
      return msgStart >= 0 && atLoggingPosition(rest, msgStart, indented, timed)
          || namesPythonLogger(rest, indented, timed);
    }

    private static boolean indented(String line) {
      return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    /** Removes a "LEVEL:logger:" or " - logger - LEVEL - " prefix from an unrecognised line. */
    private static String stripPrefix(String rest) {
      String r = rest.startsWith(":") || rest.startsWith(" ") ? rest.substring(1).stripLeading()
          : rest;
      int dash = r.indexOf(" - ");
      if (dash >= 0) {
        int dash2 = r.indexOf(" - ", dash + 3);
        if (dash2 > 0 && level(r.substring(dash + 3, dash2)) != null) {
          return r.substring(dash2 + 3);
        }
        if (dash > 0 && level(r.substring(0, dash)) != null) {
          return r.substring(dash + 3);
        }
      }
      int c1 = r.indexOf(':');
      if (c1 > 0 && level(r.substring(0, c1)) != null) {
        int c2 = r.indexOf(':', c1 + 1);
        if (c2 > c1 && r.indexOf(' ', c1) > c2) {
          return r.substring(c2 + 1).stripLeading();
        }
      }
      return r;
    }

    private static String level(String prefix) {
      for (String l : LEVELS) {
        if (prefix.contains(l)) {
          return l.toLowerCase(java.util.Locale.ROOT);
        }
      }
      return null;
    }

    private static String logger(String prefix) {
      for (String l : LOGGERS) {
        if (prefix.contains(l)) {
          return l;
        }
      }
      return null;
    }
  }
}
