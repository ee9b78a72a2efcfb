package io.siodoctor.rules.api;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.WsFrame;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One WebSocket the browser opened (or tried to): the handshake entry and its frames.
 *
 * @param sid the sid from the URL, or from the open packet of a WebSocket-only session; null if
 *     neither
 * @param handshake the open packet received on this WebSocket (WebSocket-only sessions), or null
 */
public record WebSocketConnection(
    HttpExchange request, List<WsFrame> frames, String sid, Handshake handshake) {

  public WebSocketConnection {
    frames = List.copyOf(frames);
  }

  /** The server answered 101 Switching Protocols, or frames flowed (exporters that drop 101). */
  public boolean opened() {
    return request.status() == 101 || frames.stream().anyMatch(f -> f.direction() != WsFrame.Direction.ERROR);
  }

  /**
   * The WebSocket got an HTTP answer other than 101, or failed: Chrome records a refused handshake
   * as status 0 with an {@code error} message ("Unexpected response code: 400") and often no
   * {@code _error}.
   */
  public boolean refused() {
    return !opened() && (request.failed() || request.status() >= 300 || !errors().isEmpty());
  }

  /** Chrome's {@code error} entries of this WebSocket. */
  public List<WsFrame> errors() {
    return frames.stream().filter(f -> f.direction() == WsFrame.Direction.ERROR).toList();
  }

  /** An upgrade of an existing polling session (the URL carries a sid). */
  public boolean isUpgrade() {
    return request.engineIo() != null && !request.engineIo().isHandshake();
  }

  public boolean sentProbe() {
    return frames.stream().anyMatch(f -> f.sent() && f.packet() != null && f.packet().isProbe());
  }

  public boolean receivedProbeAnswer() {
    return frames.stream().anyMatch(f -> f.received() && f.packet() != null && f.packet().isProbe());
  }

  public boolean sentUpgrade() {
    return frames.stream()
        .anyMatch(f -> f.sent() && f.packet() != null && f.packet().is(EngineIoPacket.Type.UPGRADE));
  }

  public Optional<WsFrame> firstReceived() {
    return frames.stream().filter(WsFrame::received).findFirst();
  }

  public Instant opensAt() {
    return request.time();
  }

  /** The time of the last frame, or the handshake time when no frame was exported. */
  public Instant lastActivity() {
    Instant last = request.time();
    for (WsFrame f : frames) {
      if (f.time() != null && (last == null || f.time().isAfter(last))) {
        last = f.time();
      }
    }
    return last;
  }
}
