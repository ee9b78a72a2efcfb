package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.EngineIoErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Requests of a live session answered "Session ID unknown" (code 1): the sid was issued moments ago,
 * so a different node got the request. Server logs make it certain: one node logged {@code
 * handshaking client "<sid>"}, another {@code unknown sid "<sid>"}.
 */
@Cause(
    id = "sticky-session-missing",
    title = "Requests of one session reach different servers",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/using-multiple-nodes/",
    subsumes = {"websocket-upgrade-blocked", "reconnect-storm", "network-interruption", "polling-only-config"},
    settings = {ProxySetting.STICKINESS})
public final class StickySessionMissingRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    int soonAfterHandshake = 0;
    for (HttpExchange x : EngineIoErrors.withCode(incident, EngineIoError.UNKNOWN_SID)) {
      String sid = x.sid().orElse(null);
      if (sid != null && incident.session(sid).map(s -> tornDown(s, x)).orElse(false)) {
        continue; // the session was already ending on purpose: a late poll is expected to be unknown
      }
      evidence.add(Evidence.of(x));
      if (sid != null) {
        sids.add(sid);
        Optional<Session> s = incident.session(sid);
        if (s.isPresent() && s.get().handshakeRecord().isPresent() && issuedRecently(s.get(), x)) {
          soonAfterHandshake++;
        }
      }
    }
    // server side: a sid one node issued and another did not know
    List<String> nodeStories = new ArrayList<>();
    List<Evidence> nodeEvidence = new ArrayList<>();
    Set<String> storySids = new LinkedHashSet<>();
    List<LogLine> rejected = incident.logLines(LogEvent.UNKNOWN_SID);
    Map<String, List<LogLine>> issuedBySid = new HashMap<>();
    // the index only serves the lines that rejected a sid: most chunks have none
    for (LogLine issued : rejected.isEmpty() ? List.<LogLine>of() : incident.logLines(LogEvent.HANDSHAKE)) {
      if (issued.sessionId() != null) {
        issuedBySid.computeIfAbsent(issued.sessionId(), k -> new ArrayList<>()).add(issued);
      }
    }
    for (LogLine unknown : rejected) {
      if (unknown.sessionId() == null) {
        continue;
      }
      for (LogLine issued : issuedBySid.getOrDefault(unknown.sessionId(), List.of())) {
        if (issued.node() != null && !issued.node().equals(unknown.node())) {
          if (storySids.add(unknown.sessionId() + "@" + unknown.node())) {
            nodeEvidence.add(Evidence.of(issued, "sid issued by " + issued.node()));
            nodeStories.add("sid " + unknown.sessionId() + " was issued by " + issued.node()
                + " and rejected by " + unknown.node());
          }
          nodeEvidence.add(Evidence.of(unknown, "rejected by " + unknown.node()));
          sids.add(unknown.sessionId());
          break;
        }
      }
    }
    // the most telling of each view first: both nodes' lines, the browser's answers, the proxy's
    List<Evidence> browser = new ArrayList<>(evidence);
    evidence.clear();
    evidence.addAll(nodeEvidence.subList(0, Math.min(6, nodeEvidence.size())));
    evidence.addAll(browser.subList(0, Math.min(6, browser.size())));
    evidence.addAll(proxyView(incident, sids));
    evidence.addAll(browser.subList(Math.min(6, browser.size()), browser.size()));
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    double confidence;
    if (!nodeStories.isEmpty()) {
      confidence = 0.97;
    } else if (soonAfterHandshake > 0) {
      confidence = 0.9;
    } else {
      // an old sid can also be unknown because the session expired or the server restarted
      confidence = 0.6;
    }
    String detail = !nodeStories.isEmpty() ? String.join("; ", nodeStories.subList(0, Math.min(3, nodeStories.size())))
        + (nodeStories.size() > 3 ? "; and " + (nodeStories.size() - 3) + " more" : "")
        : soonAfterHandshake + " request(s) of a session opened moments before were answered \"Session ID unknown\"";
    if (!nodeStories.isEmpty() && soonAfterHandshake > 0) {
      detail += "; the browser saw " + soonAfterHandshake + " request(s) answered \"Session ID unknown\"";
    }
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids).withDetail(detail));
  }

  /** The proxy's access-log lines of the rejected requests: they name the upstream that answered. */
  private static List<Evidence> proxyView(Incident incident, Set<String> sids) {
    List<Evidence> evidence = new ArrayList<>();
    if (sids.isEmpty()) {
      return evidence; // nothing was rejected: no line to find
    }
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 400)) {
      if (l.sessionId() != null && sids.contains(l.sessionId())) {
        evidence.add(Evidence.of(l, l.access().upstream() == null ? "rejected" : "answered by upstream " + l.access().upstream()));
        if (evidence.size() >= 4) {
          break;
        }
      }
    }
    return evidence;
  }

  /**
   * The client was closing this session anyway: the server had refused its CONNECT or disconnected
   * it, or the client had sent the Engine.IO close packet before the rejected request.
   */
  private static boolean tornDown(Session s, HttpExchange rejected) {
    if (rejected.time() == null) {
      return false;
    }
    for (PacketEvent p : s.packets()) {
      if (p.time() == null) {
        continue;
      }
      boolean before = !p.time().isAfter(rejected.time());
      if (before && p.fromServer() && (p.packet().carries(SocketIoPacket.Type.CONNECT_ERROR)
          || p.packet().carries(SocketIoPacket.Type.DISCONNECT))) {
        return true;
      }
      if (before && p.fromClient() && p.is(EngineIoPacket.Type.CLOSE)) {
        return true;
      }
    }
    return false;
  }

  /** Within one heartbeat window of the handshake or of the session's previous request. */
  private static boolean issuedRecently(Session s, HttpExchange rejected) {
    if (rejected.time() == null || s.opened() == null) {
      return false;
    }
    long window = s.handshake().map(h -> h.heartbeatWindowMillis()).orElse(45_000L);
    if (window <= 0) {
      window = 45_000L;
    }
    return !rejected.time().isBefore(s.opened())
        && Duration.between(s.opened(), rejected.time()).toMillis() <= window;
  }
}
