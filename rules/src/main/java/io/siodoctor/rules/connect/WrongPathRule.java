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
      if (x.status() == 404 || x.status() == 405) {
        evidence.add(Evidence.of(x));
        paths.add(x.engineIo().path());
      }
    }
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 404 || s == 405)) {
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
    // a WebSocket-only client's 404 is in Chromium's console alone ("Unexpected response code: 404"):
    // its HAR leaves a WebSocket whose handshake was refused at status 0
    for (LogLine l : incident.logLines(LogEvent.WEBSOCKET_FAILED)) {
      if (l.fact() instanceof LogFact.NetworkError n && (n.handshakeStatus() == 404 || n.handshakeStatus() == 405)) {
        EngineIoQuery q = EngineIoUrls.parse(n.url());
        if (q != null) {
          evidence.add(Evidence.of(l, "the browser: the WebSocket handshake was answered " + n.handshakeStatus()));
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
}
