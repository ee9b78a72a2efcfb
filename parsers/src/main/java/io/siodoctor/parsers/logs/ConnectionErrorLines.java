package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.EngineIoUrls;
import io.siodoctor.parsers.record.LogEvent;

/**
 * engine.io's {@code connection_error} event as an application prints it: the refusals engine.io
 * writes to no debug namespace of its own (a handshake that is not a GET, code 2; {@code
 * allowRequest} saying no, code 4) reach a server's log only through the listener socket.io's
 * troubleshooting guide asks for ({@code io.engine.on("connection_error", err => ...)}, printing
 * {@code err.code} and {@code err.message}). Recognised by engine.io's own message for the code
 * ({@code Server.errorMessages}), on a line that names the event ({@code connection_error 2 Bad
 * handshake method}) or that is nothing but the message (the guide's {@code console.log(err.message)}).
 * Codes 0, 1 and 5 are left to engine.io's own debug lines ({@code unknown transport}, {@code
 * unknown sid}, {@code unsupported protocol version}), which would otherwise count twice. Code 3 is
 * taken only where the line shows its request to be a polling handshake ({@code connection_error code
 * 3 Bad request GET /socket.io/?EIO=4&transport=polling&t=…}): there it is an engine middleware's
 * refusal (or an invalid Origin header), which engine.io logs nowhere else; on other requests it is
 * mostly a proxy's lost Upgrade header, whose own debug line is {@code TRANSPORT_MISMATCH}.
 */
final class ConnectionErrorLines {
  /** engine.io {@code Server.errorMessages[2]}. */
  static final String BAD_HANDSHAKE_METHOD = "Bad handshake method";
  /** engine.io {@code Server.errorMessages[4]}. */
  static final String FORBIDDEN = "Forbidden";
  /** engine.io {@code Server.errorMessages[3]}. */
  static final String BAD_REQUEST = "Bad request";
  private static final String EVENT = "connection_error";

  private ConnectionErrorLines() {}

  /** The event of an application's line printing a refusal engine.io logs nowhere else, or null. */
  static LogEvent of(MessageText t) {
    if (t.is(BAD_HANDSHAKE_METHOD)) {
      return LogEvent.BAD_HANDSHAKE_METHOD;
    }
    if (t.is(FORBIDDEN)) {
      return LogEvent.REQUEST_FORBIDDEN;
    }
    return named(t);
  }

  /**
   * {@link #of} for a line that must name the event: a structured or plain application log
   * (pino, winston, a framework's logger), where a bare message alone ({@code Forbidden}) is too
   * common to be engine.io's.
   */
  static LogEvent named(MessageText t) {
    // '_' is rare in log text: the bytes are searched for it first
    if (!t.contains(EVENT, 10)) {
      return null;
    }
    if (t.contains(BAD_HANDSHAKE_METHOD, 0)) {
      return LogEvent.BAD_HANDSHAKE_METHOD;
    }
    if (t.contains(FORBIDDEN, 0)) {
      return LogEvent.REQUEST_FORBIDDEN;
    }
    if (t.contains(BAD_REQUEST, 0) && isPollingHandshake(t.string())) {
      return LogEvent.BAD_REQUEST;
    }
    return null;
  }

  /** Whether the line's first Engine.IO URL (a token holding {@code EIO=}) is a polling handshake. */
  private static boolean isPollingHandshake(String line) {
    int eio = line.indexOf("EIO=");
    if (eio < 0) {
      return false;
    }
    int start = eio;
    while (start > 0 && !isTokenEnd(line.charAt(start - 1))) {
      start--;
    }
    int end = eio;
    while (end < line.length() && !isTokenEnd(line.charAt(end))) {
      end++;
    }
    EngineIoQuery q = EngineIoUrls.parse(line.substring(start, end));
    return q != null && q.isHandshake() && q.isPolling();
  }

  private static boolean isTokenEnd(char c) {
    return c <= ' ' || c == '"' || c == '\'' || c == ',' || c == '(' || c == ')' || c == '[' || c == ']';
  }
}
