package io.siodoctor.parsers.engineio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lenient percent-decoding. {@link java.net.URLDecoder} throws on a stray {@code %}; captured URLs
 * and form bodies are not always well formed, and a bad escape must not cost us the rest of the URL.
 */
final class PercentDecoding {
  private PercentDecoding() {}

  /**
   * Decodes runs of {@code %XX} escapes as UTF-8; malformed escapes stay as written.
   *
   * @param plusIsSpace true for query strings and form bodies, where {@code +} encodes a space
   */
  static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isEscape(s, i)) {
        escaped.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 3;
        continue;
      }
      flush(escaped, sb);
      sb.append(c == '+' && plusIsSpace ? ' ' : c);
      i++;
    }
    flush(escaped, sb);
    return sb.toString();
  }

  private static boolean isEscape(String s, int i) {
    return s.charAt(i) == '%'
        && i + 2 < s.length()
        && Character.digit(s.charAt(i + 1), 16) >= 0
        && Character.digit(s.charAt(i + 2), 16) >= 0;
  }

  private static void flush(ByteArrayOutputStream escaped, StringBuilder sb) {
    if (escaped.size() > 0) {
      sb.append(escaped.toString(StandardCharsets.UTF_8));
      escaped.reset();
    }
  }
}
