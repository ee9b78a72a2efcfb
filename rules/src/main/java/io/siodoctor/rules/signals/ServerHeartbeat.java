package io.siodoctor.rules.signals;

import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.WebSocketConnection;
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
    return announced(incident, url).map(Handshake::heartbeatWindowMillis).orElse(0L);
  }

  /**
   * The handshake with which the server at {@code url}'s origin announced its heartbeat to its
   * sessions, the one with the shortest window if they differ; empty when none is recorded.
   */
  public static Optional<Handshake> announced(Incident incident, String url) {
    Optional<String> origin = Origins.of(url);
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    Handshake shortest = null;
    for (Session s : incident.sessions()) {
      Optional<Handshake> h = s.handshake();
      if (h.isPresent() && h.get().heartbeatWindowMillis() > 0
          && (shortest == null || h.get().heartbeatWindowMillis() < shortest.heartbeatWindowMillis())
          && s.exchanges().stream().anyMatch(x -> Origins.of(x.url()).equals(origin))) {
        shortest = h.get();
      }
    }
    return Optional.ofNullable(shortest);
  }

  /**
   * The heartbeat session {@code s} runs on: its own handshake's, or else the one its server
   * announced to its other sessions ({@link #announced}), by the URL of its WebSocket or requests.
   */
  public static Optional<Handshake> of(Incident incident, Session s) {
    if (s.handshake().isPresent()) {
      return s.handshake();
    }
    for (WebSocketConnection ws : s.webSockets()) {
      Optional<Handshake> h = announced(incident, ws.request().url());
      if (h.isPresent()) {
        return h;
      }
    }
    for (HttpExchange x : s.exchanges()) {
      Optional<Handshake> h = announced(incident, x.url());
      if (h.isPresent()) {
        return h;
      }
    }
    return Optional.empty();
  }
}
