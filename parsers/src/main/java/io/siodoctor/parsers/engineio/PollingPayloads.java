package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import io.siodoctor.parsers.record.Excerpts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the framing of a polling body and hands each packet to {@link EngineIoPackets}. */
final class PollingPayloads {
  private static final char RECORD_SEPARATOR = '\u001e';
  private static final Pattern JSONP = Pattern.compile("(?s)___eio\\[\\d*\\]\\((\".*\")\\);?\\s*");
  private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
  /** Bodies such as {@code 404 page not found} or {@code 502 Bad Gateway}. */
  private static final Pattern STATUS_LINE_TEXT = Pattern.compile("[1-5]\\d\\d\\s+\\p{Alpha}.*", Pattern.DOTALL);

  private PollingPayloads() {}

  static EngineIoPayload decode(String body, String mimeType, boolean base64Encoded) {
    if (body == null || body.isEmpty()) {
      return EngineIoPayload.EMPTY_PAYLOAD;
    }
    if (base64Encoded) {
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        return EngineIoPayload.notEngineIo("body marked base64 is not valid base64");
      }
      if (BinaryPayload.looksLike(bytes)
          || (isOctetStream(mimeType) && !startsLikeTextPacket(bytes))) {
        return BinaryPayload.decode(bytes);
      }
      return decode(new String(bytes, StandardCharsets.UTF_8), mimeType, false);
    }
    if (BinaryPayload.looksLikeMangledText(body)) {
      return BinaryPayload.decode(BinaryPayload.bytesOfMangledText(body));
    }
    return decodeText(body);
  }

  private static EngineIoPayload decodeText(String body) {
    if (body.equals("ok")) {
      // the answer to a successful POST: an acknowledgement, not a packet
      return new EngineIoPayload(Framing.SINGLE, List.of(), null);
    }
    if (body.startsWith("___eio[")) {
      return jsonp(body);
    }
    if (body.startsWith("d=")) {
      return jsonpPost(body);
    }
    if (LengthPrefixedPayload.looksLike(body)) {
      return LengthPrefixedPayload.decode(body, Framing.LENGTH_PREFIXED);
    }
    String notEngineIo = notEngineIoReason(body);
    if (notEngineIo != null) {
      return EngineIoPayload.notEngineIo(notEngineIo);
    }
    return recordSeparated(body);
  }

  /** Revision 4: packets joined by U+001E; one packet and no separator is SINGLE. */
  private static EngineIoPayload recordSeparated(String body) {
    List<EngineIoPacket> packets = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length(); i++) {
      if (i == body.length() || body.charAt(i) == RECORD_SEPARATOR) {
        packets.add(EngineIoPackets.text(body.substring(start, i), false));
        start = i + 1;
      }
    }
    Framing framing = packets.size() == 1 ? Framing.SINGLE : Framing.RECORD_SEPARATOR;
    return new EngineIoPayload(framing, packets, null);
  }

  /** Revision 3 JSONP answer: {@code ___eio[j]("<payload as a JS string>");}. */
  private static EngineIoPayload jsonp(String body) {
    Matcher m = JSONP.matcher(body);
    String payload = m.matches() ? SmallJson.stringLiteral(m.group(1)) : null;
    if (payload == null) {
      return EngineIoPayload.notEngineIo("JSONP body that does not wrap a string: " + excerpt(body));
    }
    return payload.isEmpty()
        ? new EngineIoPayload(Framing.JSONP, List.of(), null)
        : LengthPrefixedPayload.decode(payload, Framing.JSONP);
  }

  /**
   * Revision 3 JSONP POST: a form field {@code d}. The client escapes newlines as backslash-n and
   * the server turns an unescaped backslash-n back into a newline.
   */
  private static EngineIoPayload jsonpPost(String body) {
    int amp = body.indexOf('&');
    String d = PercentDecoding.decode(body.substring(2, amp < 0 ? body.length() : amp), true);
    return LengthPrefixedPayload.decode(unescapeNewlines(d), Framing.JSONP);
  }

  private static String unescapeNewlines(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
        sb.append("\\\\");
        i++;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'n') {
        sb.append('\n');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Why a body that is not length-prefixed cannot be a revision 4 payload, or null if it can. */
  private static String notEngineIoReason(String body) {
    String t = body.stripLeading();
    if (t.isEmpty()) {
      return "blank body";
    }
    if (t.charAt(0) == '<') {
      Matcher title = HTML_TITLE.matcher(t.substring(0, Math.min(t.length(), 4096)));
      return title.find() ? "HTML page \"" + excerpt(title.group(1).strip()) + "\"" : "HTML or XML document";
    }
    if (t.charAt(0) == '{' || t.charAt(0) == '[') {
      EngineIoError error = ErrorBodies.parse(t);
      return error != null
          ? "engine.io error " + error.code() + " \"" + excerpt(error.message()) + "\""
          : "JSON document: " + excerpt(t);
    }
    char first = body.charAt(0);
    boolean packetStart = (first >= '0' && first <= '6') || first == 'b';
    if (!packetStart || (STATUS_LINE_TEXT.matcher(body).matches() && !isSocketIoMessage(body))) {
      return "plain text: " + excerpt(t);
    }
    return null;
  }

  /** A lone {@code 4...} body whose rest is a valid Socket.IO packet is a message, not a status line. */
  private static boolean isSocketIoMessage(String body) {
    return body.charAt(0) == '4'
        && SocketIoDecoder.decode(body.substring(1)).type() != SocketIoPacket.Type.INVALID;
  }

  /**
   * Whether the bytes start like a revision-4 text payload (a packet type digit, or {@code b} for
   * base64 binary): netty-socketio 2.x writes such text as {@code application/octet-stream}, where
   * a revision-3 binary payload starts with a 0 or 1 byte.
   */
  private static boolean startsLikeTextPacket(byte[] bytes) {
    return bytes.length > 0 && ((bytes[0] >= '0' && bytes[0] <= '6') || bytes[0] == 'b');
  }

  private static boolean isOctetStream(String mimeType) {
    return mimeType != null && mimeType.toLowerCase(Locale.ROOT).contains("octet-stream");
  }

  private static String excerpt(String text) {
    return Excerpts.oneLine(text, 60);
  }
}
