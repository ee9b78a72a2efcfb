package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.EngineIoUrls;
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
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Engine.IO requests answered 404 (or 405): a web server is there, but Socket.IO is not served at
 * that path. engine.io itself never answers 404, so the answer comes from the application or a proxy.
 * The status comes from the HAR (a request's status, or for a refused WebSocket the status Chromium
 * names in its error entry), an access log, the browser's console, or netty-socketio's log.
 */
@Cause(
    id = "wrong-path",
    title = "Socket.IO is not served at the requested path",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/client-options/#path",
    subsumes = {"reconnect-storm", "websocket-only-no-fallback"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HTTP_ACCESS, LogEvent.WRONG_PATH, LogEvent.WEBSOCKET_FAILED})
public final class WrongPathRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (notServed(x.status())) {
        evidence.add(Evidence.of(x));
        paths.add(x.engineIo().path());
      }
    }
    for (LogLine l : AccessLines.of(incident).withStatus(WrongPathRule::notServed)) {
      if (l.access().engineIo() != null) {
        evidence.add(Evidence.of(l));
        paths.add(l.access().engineIo().path());
      }
    }
    // netty-socketio refuses any path but its context ("Blocked wrong socket.io-context request")
    for (LogLine l : incident.logLines(LogEvent.WRONG_PATH)) {
      evidence.add(Evidence.of(l, "the server blocked a request outside its Socket.IO path"));
      if (l.fact() instanceof LogFact.BlockedUrl b) {
        int q = b.url().indexOf('?');
        paths.add(q < 0 ? b.url() : b.url().substring(0, q));
      }
    }
    // a WebSocket handshake refused with 404: Chromium's HAR leaves it at status 0 and names the
    // status only in the WebSocket's error entry ("Unexpected response code: 404"), and on the console
    for (WebSocketConnection ws : incident.webSockets()) {
      if (ws.request().engineIo() == null || notServed(ws.request().status())) {
        continue; // an exporter that kept the status: counted with the exchanges above
      }
      ws.errors().stream().filter(e -> notServed(e.handshakeStatus())).findFirst()
          .ifPresent(e -> {
            evidence.add(Evidence.of(e, "the WebSocket handshake was answered " + e.handshakeStatus()));
            paths.add(ws.request().engineIo().path());
          });
    }
    for (LogLine l : incident.logLines(LogEvent.WEBSOCKET_FAILED)) {
      if (l.fact() instanceof LogFact.NetworkError n && notServed(n.handshakeStatus())) {
        EngineIoQuery q = EngineIoUrls.parse(n.url());
        if (q != null) {
          evidence.add(Evidence.of(l, "the console: the WebSocket handshake was answered " + n.handshakeStatus()));
          paths.add(q.path());
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    boolean handshakeElsewhere = Sessions.anyHandshake(incident);
    return Optional.of(Finding.of(handshakeElsewhere ? 0.6 : 0.9, evidence)
        .withDetail("requested path " + String.join(", ", paths) + " answered 404")
        .withFix("The client requested " + String.join(", ", paths)
            + ". Set the client's `path` option to the server's `path` (both default to `/socket.io/`),"
            + " or route that path to the Socket.IO server in the reverse proxy."));
  }

  /** 404 Not Found, 405 Method Not Allowed: nothing serves Socket.IO at that path. */
  private static boolean notServed(int status) {
    return status == 404 || status == 405;
  }
}
