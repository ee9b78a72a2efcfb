package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * netty-socketio server logs as slf4j back-ends write them: slf4j-simple ({@code
 * 2026-12-07T14:10:19.675Z [nioEventLoopGroup-3-2] DEBUG
 * com.corundumstudio.socketio.handler.AuthorizeHandler - Handshake authorized for sessionId: …}),
 * logback's usual patterns ({@code 2026-12-07 14:10:19.675 [thread] DEBUG
 * c.c.socketio.handler.AuthorizeHandler - …}) and Spring Boot's ({@code … DEBUG 123 --- [thread]
 * c.c.s.handler.AuthorizeHandler : …}). The message is the text after the logger name's {@code
 * " - "} or {@code " : "}; {@link NettySocketIoMessages} says what it means. Lines without a leading
 * date take the previous line's time; times without a zone are read as UTC.
 */
public final class NettySocketIoLogParser extends LineLogParser {

  private static final String PACKAGE = "com.corundumstudio.socketio";
  /** A WebSocket whose connection was reset: engine.io's words for a transport that failed. */
  private static final LogFact TRANSPORT_FAILED = LogFact.SessionClosed.because(CloseReason.TRANSPORT_ERROR);
  /** The reset and the channel's going inactive are one event-loop task: a few milliseconds apart. */
  private static final long SAME_TASK_MS = 50;

  public NettySocketIoLogParser() {
    super(LogFormat.NETTY_SOCKETIO);
  }

  /**
   * Detected with the parser's own line reader: a line counts when it reads a logging line of the
   * server, a level word, a netty-socketio logger and its {@code " - "} or {@code " : "} (as
   * slf4j-simple, logback and Spring Boot write them); the package named anywhere else (a README,
   * an import, a build file, a stack trace) is no log line. One line with the full logger name
   * is the producer's own mark; with logback's abbreviation ({@code c.c.s.}), which other
   * packages share, a message the server writes is needed.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    if (HeadLines.firstNonSpace(head, length) == '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    NettyState reader = (NettyState) openForHead();
    MatchStrength best = MatchStrength.NO_MATCH;
    for (String l : HeadLines.nonBlank(head, length, 200)) {
      if (reads(reader, l)) {
        if (reader.fullLogger) {
          return MatchStrength.FULL_MATCH;
        }
        if (reader.recognised) {
          best = MatchStrength.SOLID_MATCH;
        }
      }
    }
    return best;
  }

  /**
   * Where the message starts: after " - " or " : " that follows a netty-socketio logger name (the
   * full package or logback's abbreviation {@code c.c.s.} / {@code c.c.socketio.}); -1 when none.
   */
  static int loggerEnd(String line) {
    int k = line.indexOf(PACKAGE);
    if (k < 0) {
      k = line.indexOf("c.c.s");
    }
    if (k < 0) {
      return -1;
    }
    int sp = line.indexOf(' ', k);
    if (sp < 0) {
      return -1;
    }
    int p = sp;
    while (p < line.length() && line.charAt(p) == ' ') {
      p++;
    }
    if (p + 1 < line.length() && (line.charAt(p) == '-' || line.charAt(p) == ':')
        && line.charAt(p + 1) == ' ') {
      return p + 2;
    }
    return -1;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new NettyState(file, sink);
  }

  private static final class NettyState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    /** Whether the last line's logger is the full package name, and its message one the server writes. */
    private boolean fullLogger;
    private boolean recognised;
    /**
     * Sessions whose WebSocket channel went inactive lately (its DISCONNECT follows within the same
     * event-loop task): the last few hundred, so a long log holds no more.
     */
    private final Set<String> closedWebSockets = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > 256;
      }
    });

    /**
     * The thread and time of the last connection reset logged: the channel it broke goes inactive
     * next, in the same event-loop task (one channel's events run on one thread).
     */
    private String resetThread;
    private Instant resetTime;

    NettyState(String file, RecordSink sink) {
      super(file, sink, LogFormat.NETTY_SOCKETIO);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        keptAsText();
        return;
      }
      Instant time = null;
      int p = s;
      if (Ascii.isDigit(b[p])) {
        int q = times.readIso(b, p, e);
        if (q > 0) {
          time = times.instant();
          lastTime = time;
          p = q;
        }
      }
      String line = Ascii.str(b, p, e);
      int at = loggerEnd(line);
      String msg = at < 0 ? line.strip() : line.substring(at);
      String level = at < 0 ? null : level(line.substring(0, at));
      String source = null;
      if (at >= 0) {
        int k = line.indexOf(PACKAGE);
        int ls = k >= 0 ? k : line.indexOf("c.c.s");
        int le = line.indexOf(' ', ls);
        source = line.substring(ls, le);
      }
      LogEvent event = LogEvent.OTHER;
      LogFact fact = LogFact.NONE;
      String sid = null;
      if (NettySocketIoMessages.recognise(msg, result)) {
        event = result.event;
        fact = result.fact;
        sid = result.sid;
      }
      if (event == LogEvent.CLOSED && NettySocketIoMessages.SERVER_DISCONNECT.equals(fact) && sid != null
          && closedWebSockets.contains(sid)) {
        // WebSocketTransport.channelInactive (1.7.19, 2.0.13) sends a DISCONNECT after the WebSocket went
        // away (closed tab, network): written to a closed channel, the server decided nothing
        event = LogEvent.OTHER;
        fact = LogFact.NONE;
      }
      if (sid != null && msg.startsWith("channel inactive ") && source != null
          && source.endsWith(".WebSocketTransport")) {
        closedWebSockets.add(sid);
        if (resetBefore(thread(line, at), time)) {
          // the session's WebSocket went away with the reset: the transport failed (engine.io's
          // words); a polling channel going inactive ends a request, not the session
          event = LogEvent.CLOSED;
          fact = TRANSPORT_FAILED;
        }
      }
      if (event == LogEvent.TRANSPORT_ERROR && level != null) {
        resetThread = thread(line, at);
        resetTime = time != null ? time : lastTime;
      }
      fullLogger = source != null && source.startsWith(PACKAGE);
      recognised = event != LogEvent.OTHER;
      if (level == null) {
        // no logging line of the server's (the application's lines, a stack trace, prose naming
        // the package): read as before, not counted by detection
        keptAsText();
      }
      emit(n, time != null ? time : lastTime, fileNode, level, source, sid, msg, event, fact, null);
    }

    /** Whether a connection reset was logged on this thread within {@link #SAME_TASK_MS} before {@code time}. */
    private boolean resetBefore(String thread, Instant time) {
      boolean same = resetTime != null && time != null && Objects.equals(thread, resetThread)
          && !time.isBefore(resetTime) && time.toEpochMilli() - resetTime.toEpochMilli() <= SAME_TASK_MS;
      resetTime = null;
      return same;
    }

    /** The thread name in brackets before the logger ({@code [nioEventLoopGroup-3-4]}), or null. */
    private static String thread(String line, int loggerEnd) {
      int open = line.indexOf('[');
      int close = open < 0 ? -1 : line.indexOf(']', open);
      return close < 0 || (loggerEnd >= 0 && close > loggerEnd) ? null : line.substring(open + 1, close);
    }

    private static String level(String prefix) {
      for (String l : new String[] {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"}) {
        if (prefix.contains(" " + l + " ")) {
          return l.toLowerCase(Locale.ROOT);
        }
      }
      return null;
    }
  }
}
