package io.siodoctor.parsers.engineio;

/**
 * An engine.io server's error body {@code {"code":N,"message":"..."}} (JSON on polling), or the
 * plain-text message it writes when it refuses a WebSocket upgrade.
 */
public record EngineIoError(int code, String message) {
  public static final int TRANSPORT_UNKNOWN = 0;
  public static final int UNKNOWN_SID = 1;
  public static final int BAD_HANDSHAKE_METHOD = 2;
  public static final int BAD_REQUEST = 3;
  public static final int FORBIDDEN = 4;
  public static final int UNSUPPORTED_PROTOCOL_VERSION = 5;

  /**
   * python-engineio's origin check refused the request's {@code Origin} (400 {@code "<origin> is
   * not an accepted origin."}, no CORS headers): engine.io for node has no code for it.
   */
  public static final int ORIGIN_NOT_ACCEPTED = -2;

  /** Code for an error known only by its message text (WebSocket upgrade refusals). */
  public static final int UNKNOWN_CODE = -1;
}
