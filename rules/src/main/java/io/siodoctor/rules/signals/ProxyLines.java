package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Access-log lines of a proxy that corroborate what the browser or the server saw. */
public final class ProxyLines {
  private static final int MAX = 4;

  private ProxyLines() {}

  /**
   * Engine.IO WebSocket requests the proxy logged with a status other than 101: it passed them on
   * without the upgrade, or refused them. Limited to {@code sids} when that is not empty.
   */
  public static List<Evidence> refusedWebSockets(Incident incident, Set<String> sids) {
    List<Evidence> evidence = new ArrayList<>();
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s != 101 && s >= 300)) {
      if (l.access().engineIo() == null || !l.access().engineIo().isWebSocket()) {
        continue;
      }
      if (!sids.isEmpty() && (l.sessionId() == null || !sids.contains(l.sessionId()))) {
        continue;
      }
      evidence.add(Evidence.of(l, "proxy: WebSocket request answered " + l.access().status() + ", not 101"));
      if (evidence.size() >= MAX) {
        break;
      }
    }
    return evidence;
  }
}
