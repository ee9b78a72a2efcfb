package io.siodoctor.parsers.record;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a server, proxy or browser-console log.
 *
 * @param node the server node that wrote it (from the file name or a host field), or null
 * @param level the level as written ({@code info}, {@code error}, ...), or null
 * @param source the logger or debug namespace ({@code engine:socket}), or null
 * @param sessionId the Engine.IO sid the line names, or null
 * @param message the message text, with timestamps, colours and prefixes removed
 * @param event what the line states
 * @param fact what the line states beyond its event (a close reason, the open packet, a namespace),
 *     typed by the producer's recogniser; {@link LogFact#NONE} when nothing
 * @param access for access-log lines, the request; otherwise null
 */
public record LogLine(
    SourceLocation location,
    long lineNumber,
    Instant time,
    LogFormat format,
    String node,
    String level,
    String source,
    String sessionId,
    String message,
    LogEvent event,
    LogFact fact,
    HttpAccess access)
    implements Record {

  public LogLine {
    message = message == null ? "" : message;
    event = event == null ? LogEvent.OTHER : event;
    fact = fact == null ? LogFact.NONE : fact;
  }

  /** The same line at another time (a log moved onto another clock). */
  public LogLine withTime(Instant t) {
    return new LogLine(location, lineNumber, t, format, node, level, source, sessionId, message, event, fact,
        access);
  }

  @Override
  public Optional<String> sid() {
    return sessionId == null || sessionId.isEmpty() ? Optional.empty() : Optional.of(sessionId);
  }

  public boolean is(LogEvent e) {
    return event == e;
  }

  /** Whether the line states a close for {@code reason} ({@link LogFact.SessionClosed}). */
  public boolean closedFor(CloseReason reason) {
    return fact instanceof LogFact.SessionClosed c && c.reason() == reason;
  }

  /**
   * Whether the line names the Engine.IO session {@code sid}: its own sid, or the sid standing as a
   * whole token in its text (an application's {@code engine sid <sid>}, a request URL's {@code
   * sid=<sid>}, a quoted {@code "<sid>"}). Sids are base64url (engine.io, python-engineio) or UUIDs
   * (netty-socketio), so a token ends at any other character. Decided here, where the line's text
   * is known, so that rules never search log text themselves.
   */
  public boolean namesSession(String sid) {
    if (sid == null || sid.isEmpty()) {
      return false;
    }
    if (sid.equals(sessionId)) {
      return true;
    }
    for (int at = message.indexOf(sid); at >= 0; at = message.indexOf(sid, at + 1)) {
      int end = at + sid.length();
      if ((at == 0 || !sidChar(message.charAt(at - 1))) && (end == message.length() || !sidChar(message.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sidChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  @Override
  public String excerpt() {
    return (source == null ? "" : source + " ") + Excerpts.oneLine(message, 200);
  }
}
