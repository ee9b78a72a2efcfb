package io.siodoctor.parsers.engineio;

/**
 * Engine.IO protocol revision, as the {@code EIO} query parameter names it. Socket.IO 1.x/2.x speak
 * revision 3, Socket.IO 3.x/4.x speak revision 4; revision 2 is socket.io 1.0.0–1.0.6.
 */
public enum ProtocolRevision {
  EIO2(2, "Socket.IO 1.0.0-1.0.6"),
  EIO3(3, "Socket.IO 1.x/2.x"),
  EIO4(4, "Socket.IO 3.x/4.x"),
  UNKNOWN(0, "unknown");

  private final int number;
  private final String releases;

  ProtocolRevision(int number, String releases) {
    this.number = number;
    this.releases = releases;
  }

  public int number() {
    return number;
  }

  /** The Socket.IO release line that speaks this revision, for messages to people. */
  public String releases() {
    return releases;
  }

  public static ProtocolRevision fromQueryValue(String eio) {
    if (eio == null) {
      return UNKNOWN;
    }
    switch (eio.trim()) {
      case "2":
        return EIO2;
      case "3":
        return EIO3;
      case "4":
        return EIO4;
      default:
        return UNKNOWN;
    }
  }

  /** Revisions 2 and 3 share their wire format (length-prefixed payloads, client-sent pings). */
  public boolean isLegacy() {
    return this == EIO2 || this == EIO3;
  }
}
