package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.EngineIoUrls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Engine.IO URLs in log lines, and the session ids named in free text. */
public final class LogUrls {
  private LogUrls() {}

  /**
   * The Engine.IO query of a URL or request target, or null when it is not an Engine.IO URL: the
   * log parsers' and rules' name for {@link EngineIoUrls#parse(String)}, the one reader of it.
   */
  public static EngineIoQuery query(String url) {
    return EngineIoUrls.parse(url);
  }

  /** The sid of an access-log request: from its Engine.IO query, else any sid parameter. */
  static String sidOf(EngineIoQuery q, String url) {
    String sid = q != null ? q.sid() : sidOfUrl(url);
    return sid == null || sid.isEmpty() ? null : sid;
  }

  /**
   * The first absolute {@code http(s)://} or {@code ws(s)://} URL in free text (a console line),
   * up to a quote, bracket or space, without a full stop or comma that ends it (the sentence's);
   * null when there is none. One pass per scheme, no regex.
   */
  public static String firstUrl(String text) {
    if (text == null) {
      return null;
    }
    int best = -1;
    for (String scheme : new String[] {"http://", "https://", "ws://", "wss://"}) {
      int i = text.indexOf(scheme);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    int end = best;
    while (end < text.length() && " '\"“”‘’<>()".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    // the sentence's full stop or comma after the URL (Firefox: "... at https://h/socket.io/?EIO=4&t=x. (Reason: ...")
    while (end > best && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ',')) {
      end--;
    }
    return text.substring(best, end);
  }

  /** The sid query value of a URL, or null. */
  public static String sidOfUrl(String url) {
    return url == null ? null : sidOfUrl(url, 0, url.length());
  }

  /** The sid query value of the URL {@code s[from..to)}, or null (no substring needed). */
  static String sidOfUrl(String s, int from, int to) {
    int k = s.indexOf("sid=", from);
    while (k >= 0 && k + 4 <= to) {
      if (k > from && (s.charAt(k - 1) == '?' || s.charAt(k - 1) == '&')) {
        return token(s, k + 4, to);
      }
      k = s.indexOf("sid=", k + 4);
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
    return token(s, from, s.length());
  }

  /** As {@link #token(String, int)}, within {@code s[..to)}. */
  static String token(String s, int from, int to) {
    int i = from;
    if (i < to && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      i++;
      from = i;
    }
    while (i < to && i - from < 128 && isSidChar(s.charAt(i))) {
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
