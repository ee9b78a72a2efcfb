package io.siodoctor.parsers.capture;

/**
 * One kind of evidence a capture does not hold ({@code inputs[].capture.missing[]} in the JSON
 * report).
 *
 * @param what one of the {@code WHAT_*} names of the contract
 * @param extent {@link #ALL}, {@link #SOME} or {@link #MARKERS_ONLY}
 * @param meaning what the analysis cannot see because of it, in one sentence
 */
public record MissingEvidence(String what, String extent, String meaning) {
  public static final String RESPONSE_BODIES = "response-bodies";
  public static final String REQUEST_BODIES = "request-bodies";
  public static final String WEBSOCKET_FRAMES = "websocket-frames";
  /**
   * WebSocket connections themselves, handshake and messages: an exporter that writes none (npm
   * chrome-har) shows a session that upgraded, or whose upgrade was refused, as one that only polled.
   */
  public static final String WEBSOCKETS = "websockets";
  public static final String COOKIES = "cookies";
  public static final String AUTH_HEADERS = "auth-headers";
  public static final String TIMINGS = "timings";
  public static final String PAGES = "pages";
  public static final String SOCKETIO_TRAFFIC = "socketio-traffic";
  /** Engine.IO {@code sid} query values a sanitizer replaced with a placeholder. */
  public static final String SESSION_IDS = "session-ids";
  /**
   * Requests that got no answer (refused, reset, blocked by CORS, aborted) or were still waiting:
   * an exporter that writes only completed requests (Safari's Web Inspector, mitmproxy, chrome-har) leaves them
   * out.
   */
  public static final String FAILED_REQUESTS = "failed-requests";

  public static final String ALL = "all";
  public static final String SOME = "some";
  /** Present only as a sanitizer's placeholder ({@code [text/plain redacted]}), never the real content. */
  public static final String MARKERS_ONLY = "markers-only";

  /** Whether nothing of it is usable (absent everywhere, or only markers). */
  public boolean nothingLeft() {
    return ALL.equals(extent) || MARKERS_ONLY.equals(extent);
  }
}
