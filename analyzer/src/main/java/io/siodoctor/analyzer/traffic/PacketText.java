package io.siodoctor.analyzer.traffic;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.Excerpts;
import java.util.Locale;

/**
 * One decoded packet as a person reads it: the packet as on the wire ({@code 42/chat,["chat","hi"]}),
 * then what it is ({@code message · EVENT /chat "chat"}). The wire form comes first and whole, the
 * way DevTools shows it and the way the secret masker recognises auth payloads in it; the decoded
 * part names types, namespace, event and ack id, never the payload again.
 */
public final class PacketText {
  static final int MAX_DATA = 240;

  private PacketText() {}

  public static String describe(EngineIoPacket p) {
    if (p.type() == EngineIoPacket.Type.INVALID) {
      return Excerpts.oneLine(p.data(), MAX_DATA) + "  · not an Engine.IO packet";
    }
    StringBuilder sb = new StringBuilder();
    if (p.binary()) {
      // base64 of bytes nobody can read here, and a masker cannot see into: its size only
      sb.append('b').append(p.type().wire()).append(" (").append(p.data().length()).append(" chars of base64)");
    } else {
      sb.append(p.type().wire()).append(Excerpts.oneLine(p.data(), MAX_DATA));
    }
    sb.append("  · ").append(p.type().name().toLowerCase(Locale.ROOT));
    if (p.binary()) {
      sb.append(" (binary)");
    }
    SocketIoPacket s = p.socketIo();
    if (s != null) {
      sb.append(" · ").append(s.type().name()).append(' ').append(s.namespace());
      if (s.eventName() != null) {
        sb.append(" \"").append(Excerpts.oneLine(s.eventName(), 60)).append('"');
      }
      if (s.ackId() >= 0) {
        sb.append(" ack ").append(s.ackId());
      }
      if (s.errorMessage() != null) {
        sb.append(" error \"").append(Excerpts.oneLine(s.errorMessage(), 120)).append('"');
      }
    } else if (p.isProbe()) {
      sb.append(" · upgrade probe");
    }
    return sb.toString();
  }
}
