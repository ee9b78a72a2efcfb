package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the Engine.IO query of a request URL, and session ids named in free text. */
public final class EngineIoUrls {
  private EngineIoUrls() {}

  /**
   * The Engine.IO query of a URL or request target ({@code /socket.io/?EIO=4&transport=polling},
   * {@code wss://host/socket.io/?EIO=4&transport=websocket&sid=...}), or null when it names
   * neither {@code EIO} nor a {@code transport}. The path is the URL path without scheme and host.
   */
  public static EngineIoQuery query(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    String eio = null;
    String transport = null;
    String sid = null;
    boolean b64 = false;
    int end = url.indexOf('#', q);
    if (end < 0) {
      end = url.length();
    }
    int i = q + 1;
    while (i < end) {
      int amp = url.indexOf('&', i);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      int eq = url.indexOf('=', i);
      if (eq > i && eq < amp) {
        String key = url.substring(i, eq);
        switch (key) {
          case "EIO":
            eio = decode(url.substring(eq + 1, amp));
            break;
          case "transport":
            transport = decode(url.substring(eq + 1, amp));
            break;
          case "sid":
            sid = decode(url.substring(eq + 1, amp));
            break;
          case "b64":
            String v = url.substring(eq + 1, amp);
            b64 = "1".equals(v) || "true".equals(v);
            break;
          default:
            break;
        }
      }
      i = amp + 1;
    }
    if (eio == null && transport == null) {
      return null;
    }
    return new EngineIoQuery(path(url, q), eio, transport, sid == null || sid.isEmpty() ? null : sid, b64);
  }

  /** The sid query value of a URL, or null. */
  public static String sidOfUrl(String url) {
    if (url == null) {
      return null;
    }
    int k = url.indexOf("sid=");
    while (k >= 0) {
      if (k > 0 && (url.charAt(k - 1) == '?' || url.charAt(k - 1) == '&')) {
        return token(url, k + 4);
      }
      k = url.indexOf("sid=", k + 4);
    }
    return null;
  }

  /**
   * A session id named in free text by a {@code sid=} query parameter or key-value field. Null
   * when none. (A JSON {@code "sid"} is not taken: Socket.IO's CONNECT reply {@code 40{"sid":...}}
   * carries the Socket.IO socket id, not the Engine.IO one; see {@link #sidInOpenPacket}.)
   */
  public static String sidInText(String text) {
    int k = text.indexOf("sid=");
    while (k >= 0) {
      char before = k == 0 ? ' ' : text.charAt(k - 1);
      if (before == '?' || before == '&' || before == ' ' || before == ',' || before == '('
          || before == '[' || before == '"' || before == '\'' || before == '\t') {
        String t = token(text, k + 4);
        if (t != null) {
          return t;
        }
      }
      k = text.indexOf("sid=", k + 4);
    }
    return null;
  }

  /** The {@code "sid":"..."} of an Engine.IO open packet's JSON in the text, or null. */
  public static String sidInOpenPacket(String text) {
    int k = text.indexOf("\"sid\":");
    if (k >= 0) {
      int v = k + 6;
      while (v < text.length() && text.charAt(v) == ' ') {
        v++;
      }
      if (v < text.length() && text.charAt(v) == '"') {
        return token(text, v + 1);
      }
    }
    return null;
  }

  /** The sid value starting at {@code from}: base64id, uuid or hex characters. */
  static String token(String s, int from) {
    int i = from;
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      i++;
      from = i;
    }
    while (i < s.length() && i - from < 128 && isSidChar(s.charAt(i))) {
      i++;
    }
    if (i == from) {
      return null;
    }
    String t = s.substring(from, i);
    if (t.indexOf('%') >= 0) {
      t = decode(t);
    }
    return t;
  }

  static boolean isSidChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '%';
  }

  private static String path(String url, int q) {
    int start = 0;
    int scheme = url.indexOf("://");
    if (scheme >= 0 && scheme < q) {
      int slash = url.indexOf('/', scheme + 3);
      start = slash < 0 || slash > q ? q : slash;
    }
    return url.substring(start, q);
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
