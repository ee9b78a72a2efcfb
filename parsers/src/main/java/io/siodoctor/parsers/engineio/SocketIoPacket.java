package io.siodoctor.parsers.engineio;

/**
 * One Socket.IO packet carried in an Engine.IO {@code message}:
 * {@code <type>[<attachments>-][<nsp>,][<ack id>][JSON]}. The decoder fills the fields rules need
 * so that no rule ever reads the JSON itself.
 *
 * @param namespace "/" when the packet names none
 * @param ackId the acknowledgement id, or -1
 * @param payload the JSON text after namespace and ack id ("" when none)
 * @param errorMessage for CONNECT_ERROR: {@code message} of the v5 object form, or the v4 string form
 * @param socketId for a CONNECT sent by a v5 server: the Socket.IO id it assigned
 * @param eventName for EVENT / BINARY_EVENT: the first array item when it is a string
 */
public record SocketIoPacket(
    Type type,
    String namespace,
    long ackId,
    int attachments,
    String payload,
    String errorMessage,
    String socketId,
    String eventName) {

  /** Packet types, numbered as on the wire. CONNECT_ERROR was called ERROR before protocol v5. */
  public enum Type {
    CONNECT,
    DISCONNECT,
    EVENT,
    ACK,
    CONNECT_ERROR,
    BINARY_EVENT,
    BINARY_ACK,
    INVALID;

    public static Type fromWire(char c) {
      int i = c - '0';
      return i >= 0 && i < INVALID.ordinal() ? values()[i] : INVALID;
    }
  }

  public SocketIoPacket {
    namespace = namespace == null || namespace.isEmpty() ? "/" : namespace;
    payload = payload == null ? "" : payload;
  }

  public boolean hasPayload() {
    return !payload.isEmpty();
  }

  /**
   * A CONNECT_ERROR whose payload is a bare JSON string ({@code 44/admin,"Unable to connect"})
   * rather than protocol v5's {@code {"message": ...}} object: every refusal of a v2 server, and in
   * protocol v5 only a library's own refusal (python-socketio 5's unknown namespace), never an
   * application's (socket.io 3+'s {@code next(err)} and python-socketio 5's {@code
   * ConnectionRefusedError} both send the object).
   */
  public boolean errorIsBareString() {
    return type == Type.CONNECT_ERROR && payload.stripLeading().startsWith("\"");
  }
}
