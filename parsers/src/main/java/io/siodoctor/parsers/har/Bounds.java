package io.siodoctor.parsers.har;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.EngineIoPayload;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * Caps on what one record keeps, so that records stay small whatever the capture holds: a HAR
 * with a thousand 1 MB polling bodies must not become a gigabyte of records.
 */
final class Bounds {
  /** Characters of body or frame text a record keeps (the full size is kept beside it). */
  static final int KEPT_CHARS = 64 * 1024;
  /** Bodies and frames up to this many characters are decoded as a whole, larger ones from the kept part. */
  static final int DECODE_CHARS = 4 * 1024 * 1024;
  /** Decoded names and messages (event name, error message, socket id) are short in real traffic. */
  private static final int FIELD_CHARS = 1024;

  private Bounds() {}

  static String cut(String s) {
    return cut(s, KEPT_CHARS);
  }

  /** The first {@code max} characters, never splitting a surrogate pair. */
  static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The text to decode packets from: all of it when small enough, the kept part otherwise. */
  static String forDecoding(String s) {
    return s.length() <= DECODE_CHARS ? s : cut(s);
  }

  /** The payload with the data of all its packets together cut to {@link #KEPT_CHARS}. */
  static EngineIoPayload payload(EngineIoPayload payload) {
    List<EngineIoPacket> kept = new ArrayList<>(payload.packets().size());
    int budget = KEPT_CHARS;
    for (EngineIoPacket p : payload.packets()) {
      kept.add(packet(p, budget));
      budget = Math.max(0, budget - p.data().length());
    }
    return new EngineIoPayload(payload.framing(), kept, payload.problem());
  }

  static EngineIoPacket packet(EngineIoPacket p) {
    return packet(p, KEPT_CHARS);
  }

  private static EngineIoPacket packet(EngineIoPacket p, int maxData) {
    if (p == null) {
      return null;
    }
    SocketIoPacket s = p.socketIo();
    if (p.data().length() <= maxData && (s == null || !oversized(s))) {
      return p;
    }
    return new EngineIoPacket(p.type(), cut(p.data(), maxData), p.binary(), s == null ? null : socketIo(s, maxData));
  }

  private static boolean oversized(SocketIoPacket s) {
    return longer(s.errorMessage(), FIELD_CHARS)
        || longer(s.socketId(), FIELD_CHARS)
        || longer(s.eventName(), FIELD_CHARS);
  }

  private static SocketIoPacket socketIo(SocketIoPacket s, int maxPayload) {
    return new SocketIoPacket(
        s.type(),
        cut(s.namespace(), FIELD_CHARS),
        s.ackId(),
        s.attachments(),
        cut(s.payload(), maxPayload),
        cut(s.errorMessage(), FIELD_CHARS),
        cut(s.socketId(), FIELD_CHARS),
        cut(s.eventName(), FIELD_CHARS));
  }

  private static boolean longer(String s, int max) {
    return s != null && s.length() > max;
  }
}
