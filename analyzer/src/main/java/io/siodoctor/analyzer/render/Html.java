package io.siodoctor.analyzer.render;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Escaping for HTML text and attribute values. Every input-derived string goes through {@link
 * #escape} before it is written: a HAR is attacker-controlled, and {@code <script>} in a URL must
 * show as text.
 */
public final class Html {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Html() {}

  /** Text safe in element content and in double- or single-quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '`' -> sb.append("&#96;");
        default -> {
          // control characters are invalid in HTML and can confuse parsers: show them as U+FFFD
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * JSON text safe inside {@code <script type="application/json">}: no {@code <} can close the
   * element, no {@code &} or {@code >} can start anything.
   */
  public static String scriptJson(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  /** Only http(s) links are written as links; anything else ({@code javascript:}) stays text. */
  public static boolean isWebLink(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) && !url.contains("\"");
  }

  /** A fresh CSP nonce: 128 random bits. */
  public static String nonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
