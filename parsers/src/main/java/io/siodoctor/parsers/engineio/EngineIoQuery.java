package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.capture.RedactionMarkers;

/**
 * What an Engine.IO request URL says: path, protocol revision, transport and session id.
 *
 * <p>A sanitizer may have replaced the {@code sid} value with a placeholder ({@code sid=[REDACTED]},
 * {@code sid=***}): the request named a session, but which one is lost. Such a query keeps
 * {@code sid} null and {@code sidRedacted} true: it is no handshake (a handshake names no sid at
 * all), and it belongs to no session its URL could tell. A placeholder is never a session id:
 * every request's sid would otherwise be the same placeholder, and all sessions one.
 *
 * @param eio the raw {@code EIO} value, or null when absent
 * @param transport {@code polling}, {@code websocket}, {@code webtransport}, something else, or null
 * @param sid the {@code sid} query value, or null on a handshake and when {@code sidRedacted}
 * @param sidRedacted the request named a session whose id a sanitizer replaced with a placeholder
 */
public record EngineIoQuery(String path, String eio, String transport, String sid, boolean base64,
    boolean sidRedacted) {

  public EngineIoQuery {
    if (sid != null && placeholder(sid)) {
      sid = null;
      sidRedacted = true;
    }
  }

  /** A query as the URL gave it: a sid that is a sanitizer's placeholder is read as redacted. */
  public EngineIoQuery(String path, String eio, String transport, String sid, boolean base64) {
    this(path, eio, transport, sid, base64, false);
  }

  /**
   * Whether a sid value is a sanitizer's placeholder. Real sids are 20 (base64id) to 36 (uuid)
   * characters of letters, digits, {@code -} and {@code _}: only a value that starts with a
   * bracket-like character or {@code *}, or is as short as a bare word ({@code redacted}), is
   * looked at further, so the query of each of a million log lines costs one or two char tests.
   */
  private static boolean placeholder(String sid) {
    if (sid.isEmpty()) {
      return false;
    }
    char c = sid.charAt(0);
    boolean candidate = c == '[' || c == '*' || c == '<' || c == '(' || c == ' ' || sid.length() <= 9;
    return candidate && RedactionMarkers.isMarker(sid);
  }

  public ProtocolRevision revision() {
    return ProtocolRevision.fromQueryValue(eio);
  }

  /** A request that names no session: the start of one. A redacted sid still named one. */
  public boolean isHandshake() {
    return !sidRedacted && (sid == null || sid.isEmpty());
  }

  public boolean isPolling() {
    return "polling".equals(transport);
  }

  public boolean isWebSocket() {
    return "websocket".equals(transport);
  }
}
