package io.siodoctor.parsers.engineio;

import java.io.Serializable;
import java.util.List;

/**
 * The Engine.IO open packet's JSON: what the server announced for this session.
 *
 * @param pingInterval milliseconds, or -1 when absent
 * @param pingTimeout milliseconds, or -1 when absent
 * @param maxPayload bytes, or -1 when absent (engine.io older than 6.2 does not send it)
 */
public record Handshake(
    String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload)
    implements Serializable {

  public Handshake {
    upgrades = upgrades == null ? List.of() : List.copyOf(upgrades);
  }

  public boolean offersWebSocket() {
    return upgrades.contains("websocket");
  }

  /** How long a v4 client waits for a ping (and a v3 server for one) before it gives up. */
  public long heartbeatWindowMillis() {
    return pingInterval < 0 || pingTimeout < 0 ? -1 : pingInterval + pingTimeout;
  }
}
