package io.siodoctor.parsers.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.siodoctor.parsers.capture.RedactionMarkers;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A body as a HAR gives it ({@code content.text} with {@code encoding}, or {@code postData.text}):
 * base64 text bodies become text; binary ones stay base64. Huge base64 bodies are decoded only as
 * far as the record keeps them.
 */
final class HarBodies {
  private HarBodies() {}

  /**
   * @param text the body as text, or still base64 when {@code base64} is true
   * @param size the full body size in bytes, or -1 when unknown
   * @param partial true when {@code text} is only the start of the body (a huge base64 body)
   */
  record Body(String text, boolean base64, long size, boolean partial) {
    static final Body NONE = new Body("", false, -1, false);
  }

  /**
   * @param declaredSize {@code content.size} or {@code request.bodySize}, -1 when absent
   */
  static Body of(String text, String encoding, String mimeType, long declaredSize, HarQuirks quirks) {
    if (text == null || text.isEmpty()) {
      return new Body("", false, declaredSize >= 0 ? declaredSize : -1, false);
    }
    if (!"base64".equalsIgnoreCase(encoding == null ? "" : encoding.strip())) {
      return new Body(text, false, Math.max(declaredSize, utf8Length(text)), false);
    }
    String b64 = stripWhitespace(text);
    long size = Math.max(declaredSize, decodedLength(b64));
    // decode all of a body that may be decoded as a whole, else only what the record keeps
    boolean partial = b64.length() > Bounds.DECODE_CHARS;
    String decodable = partial ? b64.substring(0, (Bounds.KEPT_CHARS * 4) & ~3) : b64;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(decodable);
    } catch (IllegalArgumentException e) {
      quirks.note(HarQuirks.Kind.BAD_BASE64);
      return new Body(text, false, Math.max(declaredSize, utf8Length(text)), false);
    }
    String decoded = asText(bytes, mimeType, partial);
    if (decoded == null && isOctetStream(mimeType)) {
      // netty-socketio sends its text polling payloads as application/octet-stream, so exporters
      // store them base64: text it is when the bytes are UTF-8 text (a binary payload starts 0x00/0x01)
      decoded = textual(bytes, partial);
      if (decoded != null) {
        quirks.note(HarQuirks.Kind.OCTET_STREAM_TEXT);
      }
    }
    return decoded == null ? new Body(b64, true, size, false) : new Body(decoded, false, size, partial);
  }

  /**
   * A body skipped unread ({@link BodyRetention}): no text, the size {@link #of} would give. A
   * placeholder is an absent body, as there.
   */
  static Body skipped(SkippedBody body, String encoding, long declaredSize) {
    if (body.empty() || RedactionMarkers.isMarker(body.probe())) {
      return new Body("", false, declaredSize >= 0 ? declaredSize : -1, false);
    }
    boolean base64 = "base64".equalsIgnoreCase(encoding == null ? "" : encoding.strip());
    return new Body("", false, body.size(base64, declaredSize), false);
  }

  /** A number, also when written as a string; NaN when absent or unreadable. */
  static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText().strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The bytes as text when the MIME type says text (or, when it says nothing, they are UTF-8). */
  private static String asText(byte[] bytes, String mimeType, boolean partial) {
    String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    if (mime.isBlank()) {
      return strictUtf8(bytes, partial);
    }
    if (!isTextual(mime)) {
      return null;
    }
    return new String(bytes, charset(mime));
  }

  private static boolean isOctetStream(String mimeType) {
    return mimeType != null && mimeType.toLowerCase(Locale.ROOT).contains("application/octet-stream");
  }

  /** The bytes as UTF-8 text when they are text: valid UTF-8 starting with a printable character. */
  private static String textual(byte[] bytes, boolean partial) {
    if (bytes.length == 0 || (bytes[0] & 0xFF) < 0x20) {
      return null;
    }
    String s = strictUtf8(bytes, partial);
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // U+001E separates revision-4 packets; other controls but tab and line breaks mean binary
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\u001e') {
        return null;
      }
    }
    return s;
  }

  private static boolean isTextual(String mime) {
    return mime.startsWith("text/")
        || mime.contains("json")
        || mime.contains("javascript")
        || mime.contains("ecmascript")
        || mime.contains("xml")
        || mime.contains("x-www-form-urlencoded")
        || mime.contains("charset=");
  }

  private static Charset charset(String mime) {
    int at = mime.indexOf("charset=");
    if (at < 0) {
      return StandardCharsets.UTF_8;
    }
    String name = mime.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** UTF-8 text without NUL, or null. A partial body may end inside a character: that is allowed. */
  private static String strictUtf8(byte[] bytes, boolean partial) {
    int length = partial ? Math.max(0, bytes.length - 3) : bytes.length;
    try {
      String s =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length))
              .toString();
      return s.indexOf('\0') >= 0 ? null : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String stripWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return s.replaceAll("\\s+", "");
      }
    }
    return s;
  }

  /** Bytes that base64 text decodes to, without decoding it. */
  static long decodedLength(String b64) {
    int padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
    return Math.max(0, (long) b64.length() * 3 / 4 - padding);
  }

  /** UTF-8 bytes of a string, counted without encoding it. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
