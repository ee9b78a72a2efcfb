package io.siodoctor.rules.signals;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Heartbeats that came later than the handshake allows: a PING of the pinging side (the server in
 * Engine.IO v4, the client before) more than {@code pingInterval + pingTimeout} after the previous
 * one, or after the open packet for the first. The side waiting for it gives the session up within
 * that window, so whatever follows such a gap is the heartbeat's end of the session.
 */
public final class HeartbeatGaps {
  /** Recorded times are the browser's (frames stamped when the page handles them): a second of slack. */
  public static final long MARGIN_MS = 1000;

  private HeartbeatGaps() {}

  /** Whether a heartbeat at {@code next} is later than {@code h} allows after the one at {@code previous}. */
  public static boolean overdue(Handshake h, Instant previous, Instant next) {
    return overdue(h.heartbeatWindowMillis(), previous, next);
  }

  private static boolean overdue(long window, Instant previous, Instant next) {
    return Duration.between(previous, next).toMillis() > window + MARGIN_MS;
  }

  /**
   * The last overdue heartbeat of session {@code s} at or before {@code t} that {@code t} follows
   * within the heartbeat window (and the margin): {@code t} is the heartbeat's moment, not a moment
   * of its own. The window is the session's handshake's, or else the one the same server announced
   * to its other sessions ({@link ServerHeartbeat#of}: a capture that started late); empty when
   * neither is known.
   */
  public static Optional<PacketEvent> overdueJustBefore(Incident incident, Session s, Instant t) {
    long window = ServerHeartbeat.of(incident, s).map(Handshake::heartbeatWindowMillis).orElse(0L);
    if (t == null || window <= 0) {
      return Optional.empty();
    }
    boolean serverPings = s.clientRevision() == ProtocolRevision.EIO4;
    PacketEvent previous = null;
    PacketEvent late = null;
    for (PacketEvent p : s.packets()) {
      if (p.time() == null || p.time().isAfter(t)) {
        continue;
      }
      if (p.is(EngineIoPacket.Type.OPEN) && previous == null) {
        previous = p;
      } else if (p.is(EngineIoPacket.Type.PING) && !p.packet().isProbe() && p.fromServer() == serverPings) {
        if (previous != null && overdue(window, previous.time(), p.time())) {
          late = p;
        }
        previous = p;
      }
    }
    if (late == null || Duration.between(late.time(), t).toMillis() > window + MARGIN_MS) {
      return Optional.empty();
    }
    return Optional.of(late);
  }
}
