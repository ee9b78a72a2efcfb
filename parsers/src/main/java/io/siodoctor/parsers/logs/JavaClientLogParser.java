package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.Locale;

/**
 * Logs of the Java client (io.socket:socket.io-client / engine.io-client 2.x): {@code
 * java.util.logging}'s default two-line format ({@code Dec 07, 2026 2:04:35 PM
 * io.socket.engineio.client.Socket onPacket} then {@code FINE: socket received: type 'open', data
 * '{…}'}), or one line through slf4j/logback ({@code … DEBUG io.socket.engineio.client.Socket -
 * socket close with reason: ping timeout}). {@link JavaClientMessages} says what a message means.
 * Times without a zone are read as UTC.
 */
public final class JavaClientLogParser extends LineLogParser {

  private static final String PACKAGE = "io.socket.";
  private static final String[] JUL_LEVELS = {"SEVERE: ", "WARNING: ", "INFO: ", "CONFIG: ", "FINE: ",
    "FINER: ", "FINEST: "};

  public JavaClientLogParser() {
    super(LogFormat.JAVA_CLIENT);
  }

  /**
   * Detected with the parser's own line reader: one line it reads whose logger is the client's
   * ({@code io.socket.client.*}, {@code io.socket.engineio.client.*}), in a java.util.logging
   * header or an slf4j line, is the producer's own mark.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    if (HeadLines.firstNonSpace(head, length) == '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    JavaState reader = (JavaState) openForHead();
    for (String l : HeadLines.nonBlank(head, length, 200)) {
      if (reads(reader, l) && reader.clientLogger) {
        return MatchStrength.FULL_MATCH;
      }
    }
    return MatchStrength.NO_MATCH;
  }

  /** Whether a logger (class) name is the Java client's: written by socket.io-client-java only. */
  private static boolean clientLogger(String name) {
    return name != null && (name.startsWith(PACKAGE + "engineio.client.") || name.startsWith(PACKAGE + "client."));
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new JavaState(file, sink);
  }

  private static final class JavaState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
    private String source;
    /** Whether the last line read named one of the client's loggers (detection asks it). */
    private boolean clientLogger;

    JavaState(String file, RecordSink sink) {
      super(file, sink, LogFormat.JAVA_CLIENT);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      clientLogger = false;
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      Instant header = TimeReader.julTime(line);
      if (header != null) {
        lastTime = header;
        int k = line.indexOf(PACKAGE);
        int sp = k < 0 ? -1 : line.indexOf(' ', k);
        source = k < 0 ? null : line.substring(k, sp < 0 ? line.length() : sp);
        clientLogger = clientLogger(source);
        sink.unrecognised(file, header);
        return;
      }
      String level = null;
      String msg = null;
      String src = source;
      for (String lv : JUL_LEVELS) {
        if (line.startsWith(lv)) {
          level = lv.substring(0, lv.length() - 2).toLowerCase(Locale.ROOT);
          msg = line.substring(lv.length());
          break;
        }
      }
      Instant time = lastTime;
      if (msg == null) {
        // one line through slf4j: "<time> [thread] LEVEL io.socket.x.Y - message"
        if (Ascii.isDigit(b[s]) && times.readIso(b, s, e) > 0) {
          time = times.instant();
          lastTime = time;
        }
        int k = line.indexOf(PACKAGE);
        int dash = k < 0 ? -1 : line.indexOf(" - ", k);
        if (dash > 0) {
          src = line.substring(k, line.indexOf(' ', k));
          msg = line.substring(dash + 3);
          clientLogger = clientLogger(src);
        } else {
          keptAsText(); // neither a java.util.logging line nor an slf4j line of io.socket
          msg = line;
          src = null;
        }
      }
      LogEvent event = LogEvent.OTHER;
      LogFact fact = LogFact.NONE;
      String sid = null;
      if (JavaClientMessages.recognise(msg, result)) {
        event = result.event;
        fact = result.fact;
        sid = result.sid;
      }
      emit(n, time, fileNode, level, src, sid, msg, event, fact, null);
    }
  }
}
