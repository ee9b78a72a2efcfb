package io.siodoctor.parsers.record;

/**
 * Chromium's text for a WebSocket handshake the server did not upgrade ({@code Error during
 * WebSocket handshake: Unexpected response code: 404}), which it writes both as the WebSocket's
 * {@code error} message in a HAR and on the console: the one place the HTTP status of such a
 * handshake is kept, since the HAR leaves the WebSocket itself at status 0.
 */
public final class WebSocketFailures {
  private static final String RESPONSE_CODE = "Unexpected response code: ";

  private WebSocketFailures() {}

  /**
   * The three-digit status {@code text} names after {@code Unexpected response code: }, or -1
   * (Firefox's text names none).
   */
  public static int handshakeStatus(String text) {
    int at = text == null ? -1 : text.indexOf(RESPONSE_CODE);
    if (at < 0) {
      return -1;
    }
    int from = at + RESPONSE_CODE.length();
    int status = 0;
    int i = from;
    while (i < text.length() && i < from + 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      status = status * 10 + text.charAt(i) - '0';
      i++;
    }
    return i == from + 3 ? status : -1;
  }
}
