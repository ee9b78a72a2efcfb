package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Revision 3 XHR2 binary payloads ({@code application/octet-stream}): for each packet a marker byte
 * (0 string, 1 binary), the length as one byte per decimal digit, 0xFF, then the packet bytes. A
 * string packet is UTF-8 text {@code <type><data>}; a binary packet starts with its type byte.
 */
final class BinaryPayload {
  private static final int SEPARATOR = 0xFF;

  private BinaryPayload() {}

  /** Whether the bytes open like a binary payload: marker, at least one digit byte, 0xFF. */
  static boolean looksLike(byte[] b) {
    if (b.length < 3 || (b[0] != 0 && b[0] != 1)) {
      return false;
    }
    int i = 1;
    while (i < b.length && i <= 11 && b[i] >= 0 && b[i] <= 9) {
      i++;
    }
    return i > 1 && i < b.length && (b[i] & 0xFF) == SEPARATOR;
  }

  /**
   * Whether a text body is such a payload that the exporter wrote as text (HAR tools that do not
   * base64-encode binary bodies): NUL or U+0001, a digit byte, and 0xFF either kept as 'ÿ' or
   * replaced by U+FFFD.
   */
  static boolean looksLikeMangledText(String text) {
    if (text.length() < 3 || text.charAt(0) > 1 || text.charAt(1) > 9) {
      return false;
    }
    for (int i = 2; i < Math.min(text.length(), 13); i++) {
      char c = text.charAt(i);
      if (c == '\u00ff' || c == '\ufffd') {
        return true;
      }
      if (c > 9) {
        return false;
      }
    }
    return false;
  }

  /**
   * The bytes behind such a text. Text with only chars up to U+00FF was decoded as Latin-1 and
   * maps back exactly; otherwise it was decoded as UTF-8, U+FFFD stands for the 0xFF separators,
   * and the bytes of true binary packets are lost (their lengths will not match).
   */
  static byte[] bytesOfMangledText(String text) {
    boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
    if (latin1) {
      return text.getBytes(StandardCharsets.ISO_8859_1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\ufffd') {
        byte[] run = text.substring(start, i).getBytes(StandardCharsets.UTF_8);
        out.write(run, 0, run.length);
        if (i < text.length()) {
          out.write(SEPARATOR);
        }
        start = i + 1;
      }
    }
    return out.toByteArray();
  }

  static EngineIoPayload decode(byte[] b) {
    List<EngineIoPacket> packets = new ArrayList<>();
    String problem = null;
    int i = 0;
    while (i < b.length) {
      int marker = b[i];
      int digitsEnd = i + 1;
      long length = 0;
      while (digitsEnd < b.length && digitsEnd - i <= 10 && b[digitsEnd] >= 0 && b[digitsEnd] <= 9) {
        length = length * 10 + b[digitsEnd];
        digitsEnd++;
      }
      if ((marker != 0 && marker != 1)
          || digitsEnd == i + 1
          || digitsEnd >= b.length
          || (b[digitsEnd] & 0xFF) != SEPARATOR) {
        problem = "no <marker><length digits><0xFF> header at byte " + i;
        break;
      }
      int start = digitsEnd + 1;
      if (start + length > b.length) {
        problem = "the body ends inside a packet of " + length + " bytes (cut, or mangled by the exporter)";
        break;
      }
      int end = (int) (start + length);
      packets.add(
          marker == 0
              ? EngineIoPackets.text(new String(b, start, end - start, StandardCharsets.UTF_8), true)
              : EngineIoPackets.legacyBinary(b, start, end));
      i = end;
    }
    if (packets.isEmpty() && problem != null) {
      return EngineIoPayload.notEngineIo("octet-stream body that is not an Engine.IO binary payload: " + problem);
    }
    return new EngineIoPayload(Framing.BINARY_LENGTH_PREFIXED, packets, problem);
  }
}
