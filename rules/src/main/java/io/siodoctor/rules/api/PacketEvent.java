package io.siodoctor.rules.api;

import io.siodoctor.parsers.engineio.EngineIoPacket;
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
}
