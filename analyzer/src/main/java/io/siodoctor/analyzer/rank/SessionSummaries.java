package io.siodoctor.analyzer.rank;

import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.SessionClose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the incident's sessions into the report's {@code sessions[]}. */
public final class SessionSummaries {
  private SessionSummaries() {}

  public static List<SessionSummary> of(Incident incident) {
    List<SessionSummary> result = new ArrayList<>();
    for (Session s : incident.sessions()) {
      Optional<SessionClose> close = s.close();
      Instant closed = close.map(SessionClose::time).orElse(null);
      List<String> nodes = new ArrayList<>(s.linesByNode().keySet());
      nodes.remove("?");
      result.add(new SessionSummary(
          s.sid(),
          label(s.clientRevision()),
          label(s.serverRevision()),
          new ArrayList<>(s.transports()),
          s.upgradeOutcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          str(s.opened()),
          str(closed != null ? closed : s.lastActivity()),
          close.map(SessionClose::reason).orElse(null),
          nodes));
    }
    return result;
  }

  /** {@code EIO=4 (Socket.IO 3.x/4.x)}, or null when unknown. */
  private static String label(ProtocolRevision r) {
    return r == ProtocolRevision.UNKNOWN ? null : "EIO=" + r.number() + " (" + r.releases() + ")";
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }
}
