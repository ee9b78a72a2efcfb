package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPacket.Type;
import java.util.Base64;

/** Decodes one Engine.IO packet, text or binary, once the payload framing has been taken off. */
final class EngineIoPackets {
  private EngineIoPackets() {}

  /**
   * A text packet {@code <type><data>}, or a base64 binary packet: {@code b<type><base64>} in
   * revision 2/3, {@code b<base64>} (always a message) in revision 4.
   */
  static EngineIoPacket text(String packet, boolean legacy) {
    if (packet.isEmpty()) {
      return EngineIoPacket.invalid(packet);
    }
    char first = packet.charAt(0);
    if (first == 'b') {
      if (!legacy) {
        return new EngineIoPacket(Type.MESSAGE, packet.substring(1), true, null);
      }
      Type type = packet.length() > 1 ? Type.fromWire(packet.charAt(1)) : Type.INVALID;
      return type == Type.INVALID
          ? EngineIoPacket.invalid(packet)
          : new EngineIoPacket(type, packet.substring(2), true, null);
    }
    Type type = Type.fromWire(first);
    if (type == Type.INVALID) {
      return EngineIoPacket.invalid(packet);
    }
    String data = packet.substring(1);
    SocketIoPacket socketIo = type == Type.MESSAGE ? SocketIoDecoder.decode(data) : null;
    return new EngineIoPacket(type, data, false, socketIo);
  }

  /** A revision 2/3 binary packet: the type as a byte (0-6), then the data bytes. */
  static EngineIoPacket legacyBinary(byte[] bytes, int from, int to) {
    if (from >= to || bytes[from] < 0 || bytes[from] > 6) {
      return EngineIoPacket.invalid(Base64.getEncoder().encodeToString(slice(bytes, from, to)));
    }
    Type type = Type.fromWire((char) ('0' + bytes[from]));
    String data = Base64.getEncoder().encodeToString(slice(bytes, from + 1, to));
    return new EngineIoPacket(type, data, true, null);
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    System.arraycopy(bytes, from, out, 0, out.length);
    return out;
  }
}
