package io.siodoctor.rules.polling;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.UpgradeOutcome;
import io.siodoctor.rules.api.WebSocketConnection;
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
    subsumes = {"polling-only-config", "bad-request"})
public final class WebsocketUpgradeBlockedRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    boolean serverSaysMismatch = false;
    for (Session s : incident.sessions()) {
      UpgradeOutcome outcome = s.upgradeOutcome();
      if (outcome != UpgradeOutcome.REFUSED && outcome != UpgradeOutcome.PROBE_UNANSWERED
          && outcome != UpgradeOutcome.NOT_COMPLETED) {
        continue;
      }
      if (!s.handshake().map(h -> h.offersWebSocket()).orElse(true)) {
        continue;
      }
      for (WebSocketConnection ws : s.webSockets()) {
        if (ws.isUpgrade()) {
          evidence.add(Evidence.of(ws.request(), note(outcome)));
        }
      }
      sids.add(s.sid());
    }
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIoError() != null && x.engineIoError().code() == EngineIoError.BAD_REQUEST
          && x.engineIo().isWebSocket() && !x.engineIo().isHandshake()) {
        evidence.add(Evidence.of(x, "engine.io: WebSocket request arrived without the Upgrade header"));
        serverSaysMismatch = true;
      }
    }
    for (var l : incident.logLines(LogEvent.TRANSPORT_MISMATCH)) {
      evidence.add(Evidence.of(l));
      serverSaysMismatch = true;
    }
    incident.logLines(LogEvent.UPGRADE_INCOMPLETE).forEach(l -> evidence.add(Evidence.of(l)));
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(serverSaysMismatch ? 0.9 : 0.8, evidence).withSessions(sids)
        .withDetail(sids.size() + " session(s) stayed on HTTP long-polling after a failed upgrade"
            + (serverSaysMismatch ? "; the server received the WebSocket request without its Upgrade header" : "")));
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
