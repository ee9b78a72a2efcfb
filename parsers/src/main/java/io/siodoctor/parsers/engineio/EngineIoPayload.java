package io.siodoctor.parsers.engineio;

import java.util.List;

/**
 * The Engine.IO packets of one polling body, with the framing that was recognised. The framing tells
 * which protocol revision the sender speaks: record separators are revision 4 only, length prefixes
 * are revisions 2/3 only.
 */
public record EngineIoPayload(Framing framing, List<EngineIoPacket> packets, String problem) {

  /** How the packets of one body were separated. */
  public enum Framing {
    /** Revision 4: packets joined by U+001E. Also a single packet with no separator. */
    RECORD_SEPARATOR,
    /** Revision 2/3 text: {@code <length>:<packet>...}. */
    LENGTH_PREFIXED,
    /** Revision 3 XHR2 binary: {@code <0|1><length digits><0xFF><packet>...}. */
    BINARY_LENGTH_PREFIXED,
    /** Revision 3 JSONP: {@code ___eio[j]("...")}. */
    JSONP,
    /** A lone packet: could be either revision (for example {@code ok} or {@code 6}). */
    SINGLE,
    /** No body. */
    EMPTY,
    /** The body is not an Engine.IO payload (HTML page, JSON error, ...). */
    NOT_ENGINE_IO
  }

  public EngineIoPayload {
    packets = packets == null ? List.of() : List.copyOf(packets);
  }

  public static final EngineIoPayload EMPTY_PAYLOAD =
      new EngineIoPayload(Framing.EMPTY, List.of(), null);

  public static EngineIoPayload notEngineIo(String problem) {
    return new EngineIoPayload(Framing.NOT_ENGINE_IO, List.of(), problem);
  }

  public boolean isEngineIo() {
    return framing != Framing.NOT_ENGINE_IO && framing != Framing.EMPTY;
  }

  /** The revision the framing proves, or UNKNOWN when it proves none. */
  public ProtocolRevision provenRevision() {
    switch (framing) {
      case LENGTH_PREFIXED:
      case BINARY_LENGTH_PREFIXED:
      case JSONP:
        return ProtocolRevision.EIO3;
      case RECORD_SEPARATOR:
        return packets.size() > 1 ? ProtocolRevision.EIO4 : ProtocolRevision.UNKNOWN;
      default:
        return ProtocolRevision.UNKNOWN;
    }
  }
}
