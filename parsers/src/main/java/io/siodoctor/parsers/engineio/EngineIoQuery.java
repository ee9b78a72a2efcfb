package io.siodoctor.parsers.engineio;

/**
 * What an Engine.IO request URL says: path, protocol revision, transport and session id.
 *
 * @param eio the raw {@code EIO} value, or null when absent
 * @param transport {@code polling}, {@code websocket}, {@code webtransport}, something else, or null
 * @param sid the {@code sid} query value, or null on a handshake
 */
public record EngineIoQuery(String path, String eio, String transport, String sid, boolean base64) {

  public ProtocolRevision revision() {
    return ProtocolRevision.fromQueryValue(eio);
  }

  public boolean isHandshake() {
    return sid == null || sid.isEmpty();
  }

  public boolean isPolling() {
    return "polling".equals(transport);
  }

  public boolean isWebSocket() {
    return "websocket".equals(transport);
  }
}
