package io.siodoctor.rules.api;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import java.time.Instant;

/**
 * One Engine.IO packet of a session on its timeline, whichever transport carried it: a WebSocket
 * frame, or one packet of a polling request or response body.
 */
public record PacketEvent(Instant time, boolean fromClient, EngineIoPacket packet, Record source) {

  public boolean fromServer() {
    return !fromClient;
  }

  public boolean is(EngineIoPacket.Type type) {
    return packet.type() == type;
  }

  /**
   * Whether the records prove the other side got this packet: the browser recorded what the server
   * sent, and a frame the client sent went out on an open WebSocket. A packet the client POSTed
   * reached the server only when the server answered that request 2xx: one that failed (status 0:
   * never answered, aborted, pending) or was refused (400 "Session ID unknown", "Invalid session")
   * never reached a live session, so it proves what the client meant, not what the server saw.
   */
  public boolean received() {
    if (fromServer() || !(source instanceof HttpExchange x) || x.isWebSocket()) {
      return true;
    }
    return x.status() >= 200 && x.status() < 300;
  }
}
