package io.siodoctor.rules.polling;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.rules.signals.AccessLines;
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
 * WebSocket failed: with {@code transports: ["websocket"]} there is no fallback. Seen by the browser
 * (its refused WebSockets), or, without a browser capture, by a proxy's access log or the server's
 * request log: repeated session-opening ({@code sid}-less) WebSocket requests, none answered 101 or
 * turned into a session, and not one polling request.
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
    events = {LogEvent.HTTP_ACCESS, LogEvent.HTTP_REQUEST, LogEvent.HANDSHAKE, LogEvent.TRANSPORT_MISMATCH})
public final class WebsocketOnlyNoFallbackRule implements Rule {
  /** A client that falls back tries polling after its first failed WebSocket: two refusals show it does not. */
  private static final int MIN_LOGGED_ATTEMPTS = 2;
  private static final int MAX_CITED = 4;

  @Override
  public Optional<Finding> check(Incident incident) {
    boolean anyPolling = incident.engineIoExchanges().stream()
        .anyMatch(x -> x.engineIo().isPolling());
    List<WebSocketConnection> engineIoSockets = incident.webSockets().stream()
        .filter(ws -> ws.request().engineIo() != null).toList();
    if (anyPolling) {
      return Optional.empty();
    }
    if (engineIoSockets.isEmpty()) {
      return loggedAttempts(incident);
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

  /**
   * The logs' view, when no browser capture shows the WebSockets: Engine.IO requests a proxy
   * logged (with their status) or the server logged on arrival. Every session-opening request is a
   * WebSocket, at least {@link #MIN_LOGGED_ATTEMPTS} of them; none was answered 101 and no log shows
   * a session opening (a handshake); no request of any kind is a poll.
   */
  private static Optional<Finding> loggedAttempts(Incident incident) {
    if (!incident.logLines(LogEvent.HANDSHAKE).isEmpty()) {
      return Optional.empty();
    }
    List<LogLine> requests = new ArrayList<>(AccessLines.of(incident).withStatus(s -> true));
    requests.addAll(incident.logLines(LogEvent.HTTP_REQUEST));
    List<LogLine> attempts = new ArrayList<>();
    for (LogLine l : requests) {
      EngineIoQuery q = l.access() == null ? null : l.access().engineIo();
      if (q == null) {
        continue;
      }
      if (q.isPolling() || l.access().status() == 101) {
        return Optional.empty();
      }
      if (q.isWebSocket() && q.isHandshake()) {
        attempts.add(l);
      }
    }
    // a proxy's log and the server's log each hold the same requests: the attempts are those of the
    // log holding the most (the proxy's, with its statuses, on a tie)
    java.util.Map<String, List<LogLine>> byLog = new java.util.LinkedHashMap<>();
    attempts.forEach(l -> byLog.computeIfAbsent(l.location().file(), k -> new ArrayList<>()).add(l));
    List<LogLine> cited = List.of();
    for (List<LogLine> inLog : byLog.values()) {
      if (inLog.size() > cited.size()) {
        cited = inLog;
      }
    }
    int count = cited.size();
    if (count < MIN_LOGGED_ATTEMPTS) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    cited.stream().limit(MAX_CITED).forEach(l -> evidence.add(Evidence.of(l,
        "a session opened with a WebSocket, never with polling, and refused")));
    incident.logLines(LogEvent.TRANSPORT_MISMATCH).stream().limit(MAX_CITED).forEach(l -> evidence.add(Evidence.of(l,
        "the server received the WebSocket request without its Upgrade header")));
    return Optional.of(Finding.of(0.8, evidence)
        .withDetail(count + " logged WebSocket attempt(s) to open a session, no polling request"));
  }
}
