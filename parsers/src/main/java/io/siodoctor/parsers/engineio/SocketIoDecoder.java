package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.SocketIoPacket.Type;

/**
 * Decodes {@code <type>[<attachments>-][<nsp>,][<ack id>][JSON]} the way socket.io-parser's
 * {@code decodeString} does, then checks the payload against the packet type as its {@code
 * isPayloadValid} does. Where socket.io-parser would throw, the result is type INVALID.
 */
final class SocketIoDecoder {
  private SocketIoDecoder() {}

  static SocketIoPacket decode(String s) {
    if (s == null || s.isEmpty()) {
      return invalid(s);
    }
    Type type = Type.fromWire(s.charAt(0));
    if (type == Type.INVALID) {
      return invalid(s);
    }
    int i = 1;
    int attachments = 0;
    if (type == Type.BINARY_EVENT || type == Type.BINARY_ACK) {
      int dash = s.indexOf('-', 1);
      if (dash < 2 || dash > 10 || !digits(s, 1, dash)) {
        return invalid(s); // socket.io-parser: "Illegal attachments"
      }
      attachments = Integer.parseInt(s.substring(1, dash));
      i = dash + 1;
    }
    String namespace = "/";
    if (i < s.length() && s.charAt(i) == '/') {
      int comma = s.indexOf(',', i);
      int end = comma < 0 ? s.length() : comma;
      namespace = withoutQuery(s.substring(i, end));
      i = comma < 0 ? end : comma + 1;
    }
    long ackId = -1;
    int idStart = i;
    // 18 digits always fit a long; socket.io ack ids are small counters anyway
    while (i < s.length() && i - idStart < 18 && isDigit(s.charAt(i))) {
      i++;
    }
    if (i > idStart) {
      ackId = Long.parseLong(s.substring(idStart, i));
    }
    return withPayload(type, namespace, ackId, attachments, s.substring(i), s);
  }

  private static SocketIoPacket withPayload(
      Type type, String namespace, long ackId, int attachments, String payload, String raw) {
    if (payload.isEmpty()) {
      // socket.io-parser only validates a payload that is there: "40", "41", "42" all decode
      return new SocketIoPacket(type, namespace, ackId, attachments, "", null, null, null);
    }
    switch (type) {
      case CONNECT:
        if (!SmallJson.isOneValue(payload, '{')) {
          return invalid(raw);
        }
        SmallJson.Members connect = SmallJson.object(payload); // null over the limit: no sid then
        String sid = connect == null ? null : connect.text("sid");
        return new SocketIoPacket(type, namespace, ackId, attachments, payload, null, sid, null);
      case CONNECT_ERROR:
        return new SocketIoPacket(
            type, namespace, ackId, attachments, payload, errorMessage(payload), null, null);
      case EVENT:
      case BINARY_EVENT:
        // socket.io-parser: a non-empty array whose first item is the event name (or a number)
        SmallJson.FirstItem first = SmallJson.firstArrayItem(payload);
        if (first == null || !(first.isString() || first.isNumber())) {
          return invalid(raw);
        }
        return new SocketIoPacket(
            type, namespace, ackId, attachments, payload, null, null, first.isString() ? first.text() : null);
      case ACK:
      case BINARY_ACK:
        if (!SmallJson.isOneValue(payload, '[')) {
          return invalid(raw);
        }
        return new SocketIoPacket(type, namespace, ackId, attachments, payload, null, null, null);
      default: // DISCONNECT carries no payload
        return invalid(raw);
    }
  }

  /**
   * The message of a CONNECT_ERROR: {@code message} of the v5 object form, the v4 string form
   * ({@code "not authorized"}), or the raw text when a server wrote something that is not JSON.
   */
  private static String errorMessage(String payload) {
    if (payload.length() > SmallJson.MAX_CHARS) {
      return null;
    }
    String text = payload.stripLeading().startsWith("\"") ? SmallJson.stringLiteral(payload) : null;
    if (text != null) {
      return text;
    }
    SmallJson.Members object = SmallJson.object(payload);
    if (object != null) {
      return object.asText("message");
    }
    // a JSON array, number or literal, or no JSON at all: the text as the server wrote it; a
    // broken object is no message
    return payload.startsWith("{") ? null : payload;
  }

  /** socket.io 2.x clients put the namespace's query (auth, often a token) after the name. */
  private static String withoutQuery(String namespace) {
    int q = namespace.indexOf('?');
    return q < 0 ? namespace : namespace.substring(0, q);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static SocketIoPacket invalid(String raw) {
    return new SocketIoPacket(Type.INVALID, "/", -1, 0, raw, null, null, null);
  }
}
