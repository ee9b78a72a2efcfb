package io.siodoctor.parsers.record;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.redact.Redactor;
import io.siodoctor.parsers.redact.SecretMasker;
import java.time.Instant;
import java.util.Optional;

/**
 * One WebSocket message from Chrome's {@code _webSocketMessages}, decoded as an Engine.IO packet.
 *
 * @param entryIndex the HAR entry of the WebSocket connection
 * @param direction who sent it, from the browser's point of view
 * @param opcode 1 text, 2 binary (data is then base64)
 * @param data the frame data, possibly cut to a bounded length
 * @param size the full length of the data in characters
 * @param url the WebSocket URL of the connection
 * @param connectionSid the sid in the WebSocket URL, or null (WebSocket-only sessions learn it from
 *     the open packet)
 * @param packet the Engine.IO packet, or null when the data is not one
 */
public record WsFrame(
    SourceLocation location,
    int entryIndex,
    int messageIndex,
    Instant time,
    Direction direction,
    int opcode,
    String data,
    int size,
    String url,
    String connectionSid,
    EngineIoPacket packet)
    implements Record {

  /** Chrome's frame types: {@code send}, {@code receive}, {@code error}. */
  public enum Direction {
    SENT,
    RECEIVED,
    ERROR;

    public static Direction fromHar(String type) {
      if ("send".equalsIgnoreCase(type)) {
        return SENT;
      }
      if ("receive".equalsIgnoreCase(type)) {
        return RECEIVED;
      }
      return ERROR;
    }
  }

  public WsFrame {
    data = data == null ? "" : data;
  }

  /**
   * For Chrome's {@code error} entry of a WebSocket whose handshake was refused, the HTTP status it
   * names ({@link WebSocketFailures}); -1 for any other frame or text.
   */
  public int handshakeStatus() {
    return direction == Direction.ERROR ? WebSocketFailures.handshakeStatus(data) : -1;
  }

  @Override
  public Optional<String> sid() {
    if (connectionSid != null && !connectionSid.isEmpty()) {
      return Optional.of(connectionSid);
    }
    return Optional.empty();
  }

  public boolean sent() {
    return direction == Direction.SENT;
  }

  public boolean received() {
    return direction == Direction.RECEIVED;
  }

  @Override
  public String excerpt() {
    String arrow = direction == Direction.SENT ? "sent" : direction == Direction.RECEIVED ? "received" : "error";
    if (opcode == 2) {
      // base64 hides text from the masker: show the text it holds, or only the size
      String text = Redactor.decodeText(data);
      return "WebSocket " + arrow + " (binary) " + (text == null ? size + " chars of base64, not text"
          : Excerpts.oneLine(SecretMasker.mask(text), 160));
    }
    return "WebSocket " + arrow + " " + Excerpts.oneLine(data, 160) + (size > 160 ? " (" + size + " chars)" : "");
  }
}
