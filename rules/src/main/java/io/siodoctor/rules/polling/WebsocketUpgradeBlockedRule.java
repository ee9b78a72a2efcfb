package io.siodoctor.rules.polling;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.UpgradeOutcome;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.ProxyLines;
import io.siodoctor.rules.signals.Sessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The handshake offered {@code websocket} and the client tried, but the upgrade failed: the
 * WebSocket request got no 101, or the {@code 2probe}/{@code 3probe}/{@code 5} exchange never
 * completed; engine.io's TRANSPORT_MISMATCH (code 3 on a WebSocket request with a sid) and the
 * "client did not complete upgrade" log line say the same from the server.
 */
@Cause(
    id = "websocket-upgrade-blocked",
    title = "Something between browser and server blocks the WebSocket upgrade",
    severity = Severity.WARNING,
    category = Category.STUCK_IN_POLLING,
    docs = "https://socket.io/docs/v4/reverse-proxy/",
    subsumes = {"polling-only-config", "bad-request"},
    settings = {ProxySetting.UPGRADE})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HTTP_ACCESS, LogEvent.TRANSPORT_MISMATCH, LogEvent.UPGRADE_INCOMPLETE})
public final class WebsocketUpgradeBlockedRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    boolean serverSaysMismatch = false;
    // no WebSocket, no failed upgrade (upgradeOutcome() says the same, at a cost)
    for (Session s : Sessions.withWebSockets(incident)) {
      UpgradeOutcome outcome = s.upgradeOutcome();
      if (outcome != UpgradeOutcome.REFUSED && outcome != UpgradeOutcome.PROBE_UNANSWERED
          && outcome != UpgradeOutcome.NOT_COMPLETED) {
        continue;
      }
      if (!s.handshake().map(h -> h.offersWebSocket()).orElse(true)) {
        continue;
      }
      if (outcome == UpgradeOutcome.PROBE_UNANSWERED && sessionClosedDuringProbe(incident, s)) {
        continue;
      }
      for (WebSocketConnection ws : s.webSockets()) {
        if (ws.isUpgrade()) {
          evidence.add(Evidence.of(ws.request(), note(outcome)));
          ws.errors().forEach(f -> evidence.add(Evidence.of(f, "the browser's WebSocket error")));
        }
      }
      sids.add(s.sid());
    }
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIoError() != null && x.engineIoError().code() == EngineIoError.BAD_REQUEST
          && x.engineIo().isWebSocket() && !x.engineIo().isHandshake()) {
        // often the same entry as a refused upgrade above: cite it once, with engine.io's reason
        Evidence mismatch = Evidence.of(x, "engine.io: WebSocket request arrived without the Upgrade header");
        int cited = indexOf(evidence, x);
        if (cited >= 0) {
          evidence.set(cited, mismatch);
        } else {
          evidence.add(mismatch);
        }
        serverSaysMismatch = true;
      }
    }
    for (var l : incident.logLines(LogEvent.TRANSPORT_MISMATCH)) {
      evidence.add(Evidence.of(l));
      serverSaysMismatch = true;
    }
    for (LogLine l : incident.logLines(LogEvent.UPGRADE_INCOMPLETE)) {
      // only the upgradeTimeout form: "- socket closed" / "- transport closed" mean the client left
      if (l.fact() instanceof LogFact.UpgradeAbandoned u && u.upgradeTimedOut()) {
        evidence.add(Evidence.of(l, "the WebSocket opened but the upgrade never completed within upgradeTimeout"));
      }
    }
    if (!evidence.isEmpty()) {
      evidence.addAll(ProxyLines.refusedWebSockets(incident, sids));
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(serverSaysMismatch ? 0.9 : 0.8, evidence).withSessions(sids)
        .withDetail(sids.size() + " session(s) stayed on HTTP long-polling after a failed upgrade"
            + (serverSaysMismatch ? "; the server received the WebSocket request without its Upgrade header" : "")));
  }

  /**
   * The server logged {@code client did not complete upgrade - socket closed} for this session, or
   * without a sid (engine.io's line names none) while one of its probes was in flight: the session
   * itself closed during the upgrade (the client sent its close packet after a refused CONNECT, or
   * the server ended it), so the WebSocket had reached the server and nothing blocked it. A sanitized
   * HAR that lost the bodies shows no close packet of its own.
   */
  private static boolean sessionClosedDuringProbe(Incident incident, Session s) {
    for (LogLine l : incident.logLines(LogEvent.UPGRADE_INCOMPLETE)) {
      if (!(l.fact() instanceof LogFact.UpgradeAbandoned u) || !u.text().startsWith("socket closed")) {
        continue;
      }
      if (l.sid().isPresent()) {
        if (l.sid().get().equals(s.sid())) {
          return true;
        }
        continue;
      }
      for (WebSocketConnection ws : s.webSockets()) {
        Instant opened = ws.request().time();
        if (ws.isUpgrade() && opened != null && l.time() != null && !l.time().isBefore(opened)
            && !l.time().isAfter(opened.plusSeconds(PROBE_WINDOW_S))) {
          return true;
        }
      }
    }
    return false;
  }

  /** engine.io's default upgradeTimeout (10 s), the longest a probe stays in flight, and a second of clock skew. */
  private static final long PROBE_WINDOW_S = 11;

  private static int indexOf(List<Evidence> evidence, HttpExchange x) {
    for (int i = 0; i < evidence.size(); i++) {
      if (evidence.get(i).location().equals(x.location())) {
        return i;
      }
    }
    return -1;
  }

  private static String note(UpgradeOutcome outcome) {
    switch (outcome) {
      case REFUSED:
        return "WebSocket upgrade got no 101 Switching Protocols";
      case PROBE_UNANSWERED:
        return "WebSocket opened but the 2probe was never answered with 3probe";
      default:
        return "probe answered but the upgrade packet 5 was never sent";
    }
  }
}
