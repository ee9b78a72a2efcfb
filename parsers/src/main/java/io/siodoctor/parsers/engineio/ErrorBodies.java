package io.siodoctor.parsers.engineio;

import java.util.List;
import java.util.Locale;

/**
 * engine.io's error answers: {@code {"code":N,"message":"..."}} on polling, and the bare message
 * text it writes when it refuses a WebSocket upgrade ({@code abortUpgrade}); python-engineio's
 * answers, a JSON string ({@code "Invalid session <sid>"}, python-engineio 4.x {@code
 * _bad_request}), mapped to the engine.io code of the same refusal.
 */
final class ErrorBodies {
  /** {@code Server.errorMessages}, indexed by code. */
  private static final List<String> MESSAGES =
      List.of(
          "Transport unknown",
          "Session ID unknown",
          "Bad handshake method",
          "Bad request",
          "Forbidden",
          "Unsupported protocol version");

  private ErrorBodies() {}

  static EngineIoError parse(String body) {
    if (body == null) {
      return null;
    }
    String t = body.strip();
    if (t.startsWith("{")) {
      return fromJson(SmallJson.object(t));
    }
    if (t.startsWith("\"") && t.length() <= 1024) {
      String message = SmallJson.stringLiteral(t);
      return message == null ? null : python(message);
    }
    String text = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    for (int code = 0; code < MESSAGES.size(); code++) {
      if (MESSAGES.get(code).toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return new EngineIoError(code, MESSAGES.get(code));
      }
    }
    return null;
  }

  /**
   * python-engineio's messages (4.x {@code server.py}/{@code async_server.py}; 3.x wrote the same
   * ones): one refusal per code, plus its origin check, which engine.io for node does not have.
   */
  static EngineIoError python(String message) {
    int code;
    if (message.startsWith("The client is using an unsupported version")
        || message.equals("Unsupported protocol version")) {
      code = EngineIoError.UNSUPPORTED_PROTOCOL_VERSION;
    } else if (message.equals("Invalid session") || message.startsWith("Invalid session ")) {
      code = EngineIoError.UNKNOWN_SID;
    } else if (message.equals("Invalid transport")) {
      code = EngineIoError.TRANSPORT_UNKNOWN;
    } else if (message.equals("Bad Request") || message.equals("Invalid websocket upgrade")
        || message.equals("Invalid JSONP index number")) {
      code = EngineIoError.BAD_REQUEST;
    } else if (message.endsWith(" is not an accepted origin.")
        || message.equals("Not an accepted origin.")) {
      code = EngineIoError.ORIGIN_NOT_ACCEPTED;
    } else {
      return null;
    }
    return new EngineIoError(code, message);
  }

  /**
   * engine.io always writes both members, with a code from its table; a gateway's own JSON error
   * ({@code {"code":404,...}}) is not an engine.io error.
   */
  private static EngineIoError fromJson(SmallJson.Members json) {
    if (json == null) {
      return null;
    }
    long code = json.number("code", -1);
    String message = json.text("message");
    if (code < 0 || code >= MESSAGES.size() || message == null) {
      return null;
    }
    return new EngineIoError((int) code, message);
  }
}
