package io.siodoctor.parsers.record;

import java.util.Locale;

/**
 * Why an Engine.IO session or a Socket.IO socket closed, in the closed vocabulary engine.io,
 * socket.io, their clients (JavaScript, Java) and python-engineio / netty-socketio (mapped to
 * engine.io's words by their recognisers) log it.
 */
public enum CloseReason {
  PING_TIMEOUT("ping timeout", false),
  TRANSPORT_CLOSE("transport close", false),
  TRANSPORT_ERROR("transport error", false),
  PARSE_ERROR("parse error", false),
  FORCED_CLOSE("forced close", false),
  SERVER_SHUTTING_DOWN("server shutting down", false),
  FORCED_SERVER_CLOSE("forced server close", true),
  SERVER_NAMESPACE_DISCONNECT("server namespace disconnect", true),
  CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect", true),
  IO_SERVER_DISCONNECT("io server disconnect", true),
  IO_CLIENT_DISCONNECT("io client disconnect", true),
  /**
   * The transport ended and the server's log says only that, not why: python-engineio writes no line
   * when a WebSocket goes away without a CLOSE packet (the client's or the network's doing, or its own
   * abort of an oversized frame), and only the HTTP server's access line marks the end.
   */
  UNEXPLAINED("transport ended, no reason logged", false),
  /** A reason outside the vocabulary (the line's text keeps it). */
  OTHER(null, false);

  private final String words;
  private final boolean deliberate;

  CloseReason(String words, boolean deliberate) {
    this.words = words;
    this.deliberate = deliberate;
  }

  /** The reason as the libraries write it ({@code ping timeout}), or null for {@link #OTHER}. */
  public String words() {
    return words;
  }

  /** A choice of the application (a disconnect call, a namespace's disconnect), not a drop. */
  public boolean deliberate() {
    return deliberate;
  }

  /** The reason a library wrote ({@code ping timeout}, any case); {@link #OTHER} for anything else or null. */
  public static CloseReason of(String text) {
    if (text == null) {
      return OTHER;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (CloseReason r : values()) {
      if (t.equals(r.words)) {
        return r;
      }
    }
    return OTHER;
  }
}
