package io.siodoctor.parsers.logs;

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
 * unknown sid}, {@code unsupported protocol version}), which would otherwise count twice; code 3 too,
 * since a proxy's lost Upgrade header gives it as well (its debug line is {@code TRANSPORT_MISMATCH}).
 */
final class ConnectionErrorLines {
  /** engine.io {@code Server.errorMessages[2]}. */
  static final String BAD_HANDSHAKE_METHOD = "Bad handshake method";
  /** engine.io {@code Server.errorMessages[4]}. */
  static final String FORBIDDEN = "Forbidden";
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
    return null;
  }
}
