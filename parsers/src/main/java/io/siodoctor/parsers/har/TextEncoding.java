package io.siodoctor.parsers.har;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a JSON file from its first bytes: a byte-order mark, or the zero bytes UTF-16
 * puts next to the ASCII {@code {} that opens every HAR. Windows tools save UTF-16 HARs.
 *
 * @param bomLength bytes to skip before the JSON text
 */
record TextEncoding(Charset charset, int bomLength) {

  static TextEncoding detect(byte[] head, int length) {
    int b0 = length > 0 ? head[0] & 0xFF : -1;
    int b1 = length > 1 ? head[1] & 0xFF : -1;
    int b2 = length > 2 ? head[2] & 0xFF : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      return new TextEncoding(StandardCharsets.UTF_8, 3);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 2);
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 2);
    }
    if (b0 == 0 && b1 > 0) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 0);
    }
    if (b0 > 0 && b1 == 0) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 0);
    }
    return new TextEncoding(StandardCharsets.UTF_8, 0);
  }

  boolean isUtf8() {
    return charset.equals(StandardCharsets.UTF_8);
  }
}
