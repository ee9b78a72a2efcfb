package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.EngineIoPayload;
import io.siodoctor.parsers.record.HttpExchange;
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
import io.siodoctor.rules.signals.Sessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WebSocket-only Engine.IO connection that opened, but whose server never sent the Engine.IO open
 * packet {@code 0{"sid":...}} first: a plain WebSocket server (echo, ws, ...) answered. Also a polling
 * handshake answered 200 with a body that is no Engine.IO payload at all.
 */
@Cause(
    id = "plain-websocket-server",
    title = "The client talks to a plain WebSocket server, not a Socket.IO server",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#you-are-trying-to-reach-a-plain-websocket-server",
    subsumes = {"reconnect-storm", "websocket-only-no-fallback"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class})
public final class PlainWebSocketServerRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    if (Sessions.anyHandshake(incident)) {
      return Optional.empty(); // a Socket.IO server did answer somewhere
    }
    List<Evidence> strong = new ArrayList<>();
    List<Evidence> silent = new ArrayList<>();
    for (WebSocketConnection ws : incident.webSockets()) {
      if (ws.request().engineIo() == null || ws.isUpgrade() || !ws.opened()) {
        continue;
      }
      Optional<WsFrame> first = ws.firstReceived();
      if (first.isPresent()) {
        EngineIoPacket p = first.get().packet();
        if (p == null || p.type() != EngineIoPacket.Type.OPEN) {
          strong.add(Evidence.of(first.get(), "first server frame is not an Engine.IO open packet"));
          strong.add(Evidence.of(ws.request()));
        }
      } else if (ws.request().status() == 101 && !incident.frames().isEmpty()) {
        // only when the exporter writes frames at all: Firefox and Safari HARs never do
        silent.add(Evidence.of(ws.request(), "WebSocket opened (101) but the server never sent the open packet"));
      }
    }
    for (HttpExchange x : incident.failedHandshakes()) {
      if (!x.isWebSocket() && x.status() == 200
          && x.responsePayload().framing() == EngineIoPayload.Framing.NOT_ENGINE_IO
          && !x.responseMimeType().contains("html")) {
        strong.add(Evidence.of(x, "answered 200 with a body that is not an Engine.IO payload"));
      }
    }
    if (!strong.isEmpty()) {
      return Optional.of(Finding.of(0.9, strong));
    }
    if (!silent.isEmpty()) {
      return Optional.of(Finding.of(0.7, silent)
          .withDetail(silent.size() + " WebSocket(s) opened without an Engine.IO open packet"));
    }
    return Optional.empty();
  }
}
