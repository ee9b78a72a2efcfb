package io.siodoctor.parsers.har;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.PacketDecoder;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.parsers.record.WsFrame;
import java.time.Instant;

/** Turns the messages of one WebSocket entry into {@link WsFrame}s, once its exchange is known. */
final class WsFrameBuilder {
  private final String file;
  private final HttpExchange connection;
  private final ProtocolRevision revision;
  private final String sid;

  WsFrameBuilder(String file, HttpExchange connection) {
    this.file = file;
    this.connection = connection;
    EngineIoQuery query = connection.engineIo();
    this.revision = query == null ? ProtocolRevision.UNKNOWN : query.revision();
    this.sid = query == null ? null : query.sid();
  }

  WsFrame build(RawWsMessage m) {
    WsFrame.Direction direction = WsFrame.Direction.fromHar(m.type());
    // an "error" item is the browser's error text, not a frame's data
    EngineIoPacket packet =
        direction == WsFrame.Direction.ERROR
            ? null
            : Bounds.packet(PacketDecoder.decodeFrame(m.data(), m.opcode(), revision));
    return new WsFrame(
        SourceLocation.wsMessage(file, connection.entryIndex(), m.index()),
        connection.entryIndex(),
        m.index(),
        instant(m.epochSeconds()),
        direction,
        m.opcode(),
        Bounds.cut(m.data()),
        m.size(),
        connection.url(),
        sid,
        packet);
  }

  /** Epoch seconds with a fraction, to the microsecond (what DevTools records). */
  static Instant instant(double epochSeconds) {
    if (Double.isNaN(epochSeconds) || Double.isInfinite(epochSeconds)) {
      return null;
    }
    long micros = Math.round(epochSeconds * 1_000_000d);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
