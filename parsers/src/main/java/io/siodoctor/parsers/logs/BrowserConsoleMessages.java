package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises what browsers print to their console about a failed request (Chrome, Firefox, and
 * socket.io-client's own error texts), the text after any time and source location: {@code Access
 * to XMLHttpRequest at '...' ... has been blocked by CORS policy: <why>} and Firefox's {@code
 * Cross-Origin Request Blocked: ... (Reason: <why>)} → CORS_BLOCKED, except Firefox's reason {@code
 * CORS request did not succeed} (no HTTP answer at all: refused, DNS, TLS) → NETWORK_ERROR; {@code Mixed Content: ...
 * This request has been blocked} and Firefox's {@code Blocked loading mixed active content} →
 * MIXED_CONTENT_BLOCKED; Chrome's {@code Connecting to '<url>' violates the following Content
 * Security Policy directive} (older: {@code Refused to connect to '<url>' because it violates
 * ...}) and Firefox's {@code Content-Security-Policy: The page’s settings blocked the loading of a
 * resource} → CSP_BLOCKED; {@code WebSocket connection to '...' failed: <why>}, Firefox's {@code
 * can’t establish a connection to the server at ws://...} and {@code The connection to ws://...
 * was interrupted} → WEBSOCKET_FAILED; a {@code net::ERR_*} token → NETWORK_ERROR;
 * socket.io-client's error texts ({@code xhr poll error}, {@code xhr post error}, {@code websocket
 * error}, {@code Invalid namespace}, {@code connect_error}) → CLIENT_CONNECT_ERROR.
 *
 * <p>It states what a message says (the event and its typed fact), never why; the sid is left to
 * the parser (any URL in the line).
 */
final class BrowserConsoleMessages {
  private static final String[] CLIENT_ERRORS = {
    "xhr poll error", "xhr post error", "websocket error", "Invalid namespace", "server error",
    "timeout"
  };

  /** Firefox's CORS reason for a request that got no HTTP answer (MDN: CORSDidNotSucceed). */
  private static final String NO_ANSWER = LogFact.NetworkError.NO_ANSWER;

  private BrowserConsoleMessages() {}

  /** Recognises one console message; {@code r} holds OTHER and no fact when it says nothing known. */
  static void recognise(String text, EngineIoMessages.Result r) {
    r.reset();
    int k;
    if ((k = text.indexOf("has been blocked by CORS policy")) >= 0) {
      int c = text.indexOf("CORS policy: ", k);
      r.set(LogEvent.CORS_BLOCKED, corsRefused(text, c >= 0 ? text.substring(c + 13).trim() : null), null);
    } else if ((k = text.indexOf("Cross-Origin Request Blocked")) >= 0) {
      int reason = text.indexOf("(Reason: ", k);
      String why = null;
      if (reason >= 0) {
        int close = text.indexOf(')', reason);
        why = close > reason ? text.substring(reason + 9, close) : text.substring(reason + 9);
      }
      if (why != null && why.startsWith(NO_ANSWER)) {
        // Firefox's CORSDidNotSucceed ("Status code: (null)"): the request got no HTTP answer at all
        // (refused, DNS, TLS, reset), so CORS judged nothing: a network error that names no place
        r.set(LogEvent.NETWORK_ERROR, new LogFact.NetworkError(NO_ANSWER, LogUrls.firstUrl(text)), null);
      } else {
        r.set(LogEvent.CORS_BLOCKED, why == null ? LogFact.NONE : corsRefused(text, why), null);
      }
    } else if (text.contains("Mixed Content:") && text.contains("blocked")
        || text.contains("Blocked loading mixed active content")) {
      r.set(LogEvent.MIXED_CONTENT_BLOCKED, LogFact.NONE, null);
    } else if (text.contains("violates the") && text.contains("Content Security Policy")
        || text.contains("Content-Security-Policy: The page")) {
      String url = LogUrls.firstUrl(text);
      r.set(LogEvent.CSP_BLOCKED, url == null ? LogFact.NONE : new LogFact.BlockedUrl(url), null);
    } else if ((k = text.indexOf("WebSocket connection to '")) >= 0) {
      int f = text.indexOf("' failed", k);
      if (f >= 0) {
        int colon = text.indexOf("failed: ", f);
        String failure = colon >= 0 ? text.substring(colon + 8).trim() : "";
        r.set(LogEvent.WEBSOCKET_FAILED,
            new LogFact.NetworkError(failure.isEmpty() ? null : failure, LogUrls.firstUrl(text)), null);
      }
    } else if (text.contains("establish a connection to the server at ws")
        || (text.contains("The connection to ws") && text.contains("was interrupted"))) {
      r.set(LogEvent.WEBSOCKET_FAILED, new LogFact.NetworkError(
          text.contains("interrupted") ? "interrupted" : "can't establish a connection", LogUrls.firstUrl(text)), null);
    }
    if (r.event == LogEvent.OTHER && (k = text.indexOf("net::ERR_")) >= 0) {
      int end = k + 9;
      while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
        end++;
      }
      r.set(LogEvent.NETWORK_ERROR, new LogFact.NetworkError(text.substring(k, end), LogUrls.firstUrl(text)), null);
    }
    if (r.event == LogEvent.OTHER) {
      clientError(text, r);
    }
  }

  /**
   * socket.io-client's error texts, only where the line reports an error (an app's "disconnect
   * transport error xhr post error" line is a disconnect, not a connect error).
   */
  private static void clientError(String text, EngineIoMessages.Result r) {
    int ce = text.indexOf("connect_error");
    if (ce < 0 && !text.contains("Error: ")) {
      return;
    }
    for (String c : CLIENT_ERRORS) {
      if (text.contains(c)) {
        r.set(LogEvent.CLIENT_CONNECT_ERROR,
            "timeout".equals(c) ? LogFact.ConnectFailed.TIMED_OUT : LogFact.ConnectFailed.of(c), null);
        return;
      }
    }
    if (ce >= 0) {
      String after = text.substring(ce + 13).trim();
      r.set(LogEvent.CLIENT_CONNECT_ERROR, after.isEmpty() ? LogFact.NONE : LogFact.ConnectFailed.of(after), null);
    }
  }

  /**
   * A CORS refusal with the URLs it names: Chrome's {@code Access to XMLHttpRequest at '<target>'
   * (redirected from '<url>') ...} names where a redirect led first, then the URL asked for.
   */
  private static LogFact corsRefused(String text, String reason) {
    int r = text.indexOf("(redirected from '");
    if (r < 0) {
      return new LogFact.CorsRefused(reason, LogUrls.firstUrl(text), null);
    }
    return new LogFact.CorsRefused(reason, LogUrls.firstUrl(text.substring(0, r)), LogUrls.firstUrl(text.substring(r)));
  }
}
