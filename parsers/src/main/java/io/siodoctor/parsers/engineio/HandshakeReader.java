package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPacket.Type;

/**
 * Reads the handshake an open packet announces, for HAR entries, WebSocket frames and server logs
 * alike. The JSON is read by {@link SmallJson} (its hand-written reader for engine.io's own compact
 * output, streaming otherwise; no tree): every session of a server log has one, and building a tree
 * for each was a tenth of a batch scan's incident work. Same reading as a tree: the last of a
 * repeated member wins, numbers may be written as strings, and anything that is not exactly one
 * JSON object with a string sid gives null.
 */
public final class HandshakeReader {
  private HandshakeReader() {}

  /**
   * The handshake in an open packet's JSON ({@code {"sid":...,"upgrades":[...],...}}), for
   * instance a server log's open packet.
   *
   * @return null when {@code json} is not one JSON object with a non-empty string sid, or is over
   *     {@link SmallJson#MAX_CHARS}
   */
  public static Handshake read(String json) {
    SmallJson.Members m = SmallJson.object(json);
    if (m == null) {
      return null;
    }
    String sid = m.text("sid");
    if (sid == null || sid.isEmpty()) {
      return null;
    }
    return new Handshake(sid, m.strings("upgrades"), m.number("pingInterval", -1),
        m.number("pingTimeout", -1), m.number("maxPayload", -1));
  }

  /** The handshake of an OPEN packet; null for any other packet or no handshake. */
  public static Handshake of(EngineIoPacket open) {
    return open == null || open.type() != Type.OPEN ? null : read(open.data());
  }

  /** The handshake of the first OPEN packet of a polling payload, or null. */
  public static Handshake firstIn(EngineIoPayload payload) {
    if (payload == null) {
      return null;
    }
    for (EngineIoPacket p : payload.packets()) {
      if (p.is(Type.OPEN)) {
        return read(p.data());
      }
    }
    return null;
  }
}
