package io.siodoctor.rules.signals;

import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import java.util.Optional;

/**
 * The heartbeat a server announced in the handshakes the inputs hold. It is the server's setting,
 * the same for every session it opens, so it stands for a session whose own handshake is not in
 * the inputs (a capture started late, a poll cut before any handshake was read).
 */
public final class ServerHeartbeat {
  private ServerHeartbeat() {}

  /** The pingInterval the first handshake of the inputs announced, or -1 when none did. */
  public static long pingInterval(Incident incident) {
    return incident.sessions().stream().map(Session::handshake).flatMap(Optional::stream)
        .mapToLong(Handshake::pingInterval).filter(v -> v > 0).findFirst().orElse(-1);
  }

  /**
   * The heartbeat window (pingInterval + pingTimeout) that the server at {@code url}'s origin
   * announced to its sessions, the shortest if they differ; 0 when none is recorded.
   */
  public static long window(Incident incident, String url) {
    Optional<String> origin = Origins.of(url);
    if (origin.isEmpty()) {
      return 0;
    }
    long window = 0;
    for (Session s : incident.sessions()) {
      long w = s.handshake().map(Handshake::heartbeatWindowMillis).orElse(0L);
      if (w > 0 && s.exchanges().stream().anyMatch(x -> Origins.of(x.url()).equals(origin))) {
        window = window == 0 ? w : Math.min(window, w);
      }
    }
    return window;
  }
}
