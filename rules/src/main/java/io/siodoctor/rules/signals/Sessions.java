package io.siodoctor.rules.signals;

import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import java.util.List;

/**
 * Facts about an incident's sessions that several rules ask for, worked out once per incident: a
 * server log's chunk has hundreds of sessions, made of log lines only.
 */
public final class Sessions {
  private Sessions() {}

  /** Whether any session got its Engine.IO handshake: a Socket.IO server answered somewhere. */
  public static boolean anyHandshake(Incident incident) {
    return incident.derived("any-handshake",
        i -> i.sessions().stream().anyMatch(s -> s.handshake().isPresent()));
  }

  /**
   * The sessions with Engine.IO packets (from polling bodies or WebSocket frames), in session order:
   * the only ones the packet rules need to read. A server log's sessions have none.
   */
  public static List<Session> withPackets(Incident incident) {
    return incident.derived("sessions-with-packets",
        i -> i.sessions().stream().filter(s -> !s.packets().isEmpty()).toList());
  }
}
