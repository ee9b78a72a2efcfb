package io.siodoctor.parsers.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * engine.io's error answers: {@code {"code":N,"message":"..."}} on polling, and the bare message
 * text it writes when it refuses a WebSocket upgrade ({@code abortUpgrade}).
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
      return fromJson(SmallJson.parse(t));
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
   * engine.io always writes both members, with a code from its table; a gateway's own JSON error
   * ({@code {"code":404,...}}) is not an engine.io error.
   */
  private static EngineIoError fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      return null;
    }
    long code = SmallJson.longField(json, "code", -1);
    String message = SmallJson.textField(json, "message");
    if (code < 0 || code >= MESSAGES.size() || message == null) {
      return null;
    }
    return new EngineIoError((int) code, message);
  }
}
