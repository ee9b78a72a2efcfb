package io.siodoctor.rules.polling;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.signals.ProxyLines;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.WebSocketConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client only ever tried {@code transport=websocket} (no polling request at all) and every
 * WebSocket failed: with {@code transports: ["websocket"]} there is no fallback.
 */
@Cause(
    id = "websocket-only-no-fallback",
    title = "The client forces WebSocket only and the WebSocket fails",
    severity = Severity.ERROR,
    category = Category.STUCK_IN_POLLING,
    docs = "https://socket.io/docs/v4/client-options/#transports",
    subsumes = {"reconnect-storm"},
    settings = {ProxySetting.UPGRADE})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HTTP_ACCESS, LogEvent.TRANSPORT_MISMATCH})
public final class WebsocketOnlyNoFallbackRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    boolean anyPolling = incident.engineIoExchanges().stream()
        .anyMatch(x -> x.engineIo().isPolling());
    List<WebSocketConnection> engineIoSockets = incident.webSockets().stream()
        .filter(ws -> ws.request().engineIo() != null).toList();
    if (anyPolling || engineIoSockets.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    int attempts = 0;
    for (WebSocketConnection ws : engineIoSockets) {
      if (ws.opened()) {
        return Optional.empty();
      }
      if (ws.refused()) {
        attempts++;
        evidence.add(Evidence.of(ws.request(), "WebSocket failed and no polling fallback was tried"));
        ws.errors().stream().limit(1).forEach(f -> evidence.add(Evidence.of(f, "the browser's WebSocket error")));
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    incident.logLines(LogEvent.TRANSPORT_MISMATCH).forEach(l -> evidence.add(Evidence.of(l,
        "the server received the WebSocket request without its Upgrade header")));
    evidence.addAll(ProxyLines.refusedWebSockets(incident, java.util.Set.of()));
    return Optional.of(Finding.of(0.8, evidence)
        .withDetail(attempts + " WebSocket attempt(s), no polling request"));
  }
}
