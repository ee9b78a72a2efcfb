package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import java.util.ArrayList;
import java.util.List;

/**
 * Revision 2/3 text payloads: {@code <length>:<packet>...}, the length counted in UTF-16 code units
 * (JavaScript string length), which is exactly Java's {@link String#length()}. The one reader of
 * this framing: the decoder here and the redactor (which rewrites packets in place) both cut with
 * {@link #cut}.
 */
public final class LengthPrefixedPayload {
  private LengthPrefixedPayload() {}

  /** Whether the body opens with {@code <digits>:}. */
  public static boolean looksLike(String body) {
    int i = 0;
    while (i < body.length() && i < 11 && Character.isDigit(body.charAt(i))) {
      i++;
    }
    return i > 0 && i < body.length() && body.charAt(i) == ':';
  }

  /**
   * The raw packets of a length-prefixed body, empty ones ({@code 0:}) included, or null when the
   * framing does not add up (no prefix where one is due, or a length past the end).
   */
  public static List<String> packets(String body) {
    Cut cut = cut(body);
    return cut.problem == null ? cut.packets : null;
  }

  /**
   * The packets of a length-prefixed body. A body that ends inside a packet (cut by the exporter or
   * by us) keeps the packets before it and says so in {@code problem}.
   */
  static EngineIoPayload decode(String body, Framing framing) {
    Cut cut = cut(body);
    List<EngineIoPacket> packets = new ArrayList<>(cut.packets.size());
    for (String p : cut.packets) {
      if (!p.isEmpty()) { // "0:" is how a revision 3 server writes an empty payload
        packets.add(EngineIoPackets.text(p, true));
      }
    }
    return new EngineIoPayload(framing, packets, cut.problem);
  }

  private record Cut(List<String> packets, String problem) {}

  private static Cut cut(String body) {
    List<String> packets = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      int colon = i;
      while (colon < body.length() && colon - i < 10 && Character.isDigit(body.charAt(colon))) {
        colon++;
      }
      if (colon == i || colon >= body.length() || body.charAt(colon) != ':') {
        return new Cut(packets, "no <length>: prefix at character " + i);
      }
      // ten digits can pass Integer.MAX_VALUE: read as long, and such a length is past any end
      long length = Long.parseLong(body.substring(i, colon));
      int start = colon + 1;
      if (start + length > body.length()) {
        return new Cut(packets, "the body ends inside a packet of " + length + " characters (cut?)");
      }
      packets.add(body.substring(start, start + (int) length));
      i = start + (int) length;
    }
    return new Cut(packets, null);
  }
}
