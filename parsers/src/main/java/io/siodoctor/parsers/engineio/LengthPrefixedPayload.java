package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import java.util.ArrayList;
import java.util.List;

/**
 * Revision 2/3 text payloads: {@code <length>:<packet>...}, the length counted in UTF-16 code units
 * (JavaScript string length), which is exactly Java's {@link String#length()}.
 */
final class LengthPrefixedPayload {
  private LengthPrefixedPayload() {}

  /** Whether the body opens with {@code <digits>:}. */
  static boolean looksLike(String body) {
    int i = 0;
    while (i < body.length() && i < 11 && Character.isDigit(body.charAt(i))) {
      i++;
    }
    return i > 0 && i < body.length() && body.charAt(i) == ':';
  }

  /**
   * The packets of a length-prefixed body. A body that ends inside a packet (cut by the exporter or
   * by us) keeps the packets before it and says so in {@code problem}.
   */
  static EngineIoPayload decode(String body, Framing framing) {
    List<EngineIoPacket> packets = new ArrayList<>();
    String problem = null;
    int i = 0;
    while (i < body.length()) {
      int colon = i;
      while (colon < body.length() && colon - i < 10 && Character.isDigit(body.charAt(colon))) {
        colon++;
      }
      if (colon == i || colon >= body.length() || body.charAt(colon) != ':') {
        problem = "no <length>: prefix at character " + i;
        break;
      }
      int length = Integer.parseInt(body.substring(i, colon));
      int start = colon + 1;
      if ((long) start + length > body.length()) {
        problem = "the body ends inside a packet of " + length + " characters (cut?)";
        break;
      }
      if (length > 0) { // "0:" is how a revision 3 server writes an empty payload
        packets.add(EngineIoPackets.text(body.substring(start, start + length), true));
      }
      i = start + length;
    }
    return new EngineIoPayload(framing, packets, problem);
  }
}
