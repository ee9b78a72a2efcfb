package io.siodoctor.parsers.engineio;

/**
 * One Engine.IO packet: its type, its data (text, or base64 for binary packets) and, for
 * {@code message} packets, the Socket.IO packet it carries when that decodes.
 */
public record EngineIoPacket(Type type, String data, boolean binary, SocketIoPacket socketIo) {

  /** Packet types, numbered as on the wire. */
  public enum Type {
    OPEN('0'),
    CLOSE('1'),
    PING('2'),
    PONG('3'),
    MESSAGE('4'),
    UPGRADE('5'),
    NOOP('6'),
    /** Not an Engine.IO packet: unknown type character, or undecodable framing. */
    INVALID('?');

    private final char wire;

    Type(char wire) {
      this.wire = wire;
    }

    public char wire() {
      return wire;
    }

    public static Type fromWire(char c) {
      for (Type t : values()) {
        if (t.wire == c && t != INVALID) {
          return t;
        }
      }
      return INVALID;
    }
  }

  public EngineIoPacket {
    data = data == null ? "" : data;
  }

  public static EngineIoPacket invalid(String raw) {
    return new EngineIoPacket(Type.INVALID, raw, false, null);
  }

  /** The upgrade probe: {@code 2probe} (client) and {@code 3probe} (server). */
  public boolean isProbe() {
    return (type == Type.PING || type == Type.PONG) && "probe".equals(data);
  }

  public boolean is(Type t) {
    return type == t;
  }

  public boolean carries(SocketIoPacket.Type t) {
    return socketIo != null && socketIo.type() == t;
  }
}
