package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.PacketDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Engine.IO URLs in log lines, and the session ids named in free text. */
public final class LogUrls {
  private LogUrls() {}

  /**
   * The Engine.IO query of a URL or request target ({@code /socket.io/?EIO=4&transport=polling},
   * {@code wss://host/socket.io/?EIO=4&transport=websocket&sid=...}), or null when it is not an
   * Engine.IO URL: the same answer as {@link PacketDecoder#parseQuery}, so that logs and HAR files
   * read URLs alike. URLs without escapes, {@code +} or fragment (nearly all of them) are read here
   * without the maps and splits of the general path, which matters at a million lines.
   */
  public static EngineIoQuery query(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int n = url.length();
    if (url.charAt(0) <= ' ' || url.charAt(n - 1) <= ' ' || url.indexOf('%') >= 0
        || url.indexOf('+') >= 0 || url.indexOf('#') >= 0) {
      return general(url);
    }
    String eio = null;
    String transport = null;
    String sid = null;
    String b64 = null;
    boolean seenEio = false;
    boolean seenTransport = false;
    boolean seenSid = false;
    boolean seenB64 = false;
    int i = q + 1;
    while (i < n) {
      int amp = url.indexOf('&', i);
      if (amp < 0) {
        amp = n;
      }
      if (amp > i) {
        int eq = url.indexOf('=', i);
        int nameEnd = eq < 0 || eq > amp ? amp : eq;
        int len = nameEnd - i;
        if (len == 3 && url.startsWith("EIO", i)) {
          if (!seenEio) {
            seenEio = true;
            eio = value(url, nameEnd, amp);
          }
        } else if (len == 9 && url.startsWith("transport", i)) {
          if (!seenTransport) {
            seenTransport = true;
            transport = value(url, nameEnd, amp);
          }
        } else if (len == 3 && url.startsWith("sid", i)) {
          if (!seenSid) {
            seenSid = true;
            sid = value(url, nameEnd, amp);
          }
        } else if (len == 3 && url.startsWith("b64", i)) {
          if (!seenB64) {
            seenB64 = true;
            b64 = value(url, nameEnd, amp);
          }
        }
      }
      i = amp + 1;
    }
    if (!seenEio && !("polling".equals(transport) || "websocket".equals(transport)
        || "webtransport".equals(transport))) {
      return null;
    }
    return new EngineIoQuery(path(url.substring(0, q)), eio, transport, sid,
        b64 != null && !b64.isEmpty());
  }

  /**
   * {@link #query(String)} of a URL read in place from {@code b[from..to)}, the bytes {@code url}
   * was decoded from: an access log has one per line, and reading the bytes instead of the String
   * (plus taking the path, EIO and transport, which repeat, from {@code cache}) made the access
   * parse ~15 % faster. URLs that are not plain ASCII, or hold escapes, {@code +}, a fragment or
   * edge spaces go to {@link #query(String)} itself.
   */
  static EngineIoQuery query(byte[] b, int from, int to, String url, StringCache cache) {
    int q = Ascii.indexOf(b, from, to, (byte) '?');
    if (q < 0) {
      return null;
    }
    if (b[from] <= ' ' || b[to - 1] <= ' ') {
      return query(url);
    }
    if (!Ascii.asciiWithout(b, from, to, (byte) '%', (byte) '+', (byte) '#')) {
      return query(url);
    }
    String eio = null;
    String transport = null;
    String sid = null;
    String b64 = null;
    int i = q + 1;
    while (i < to) {
      int amp = Ascii.indexOf(b, i, to, (byte) '&');
      if (amp < 0) {
        amp = to;
      }
      if (amp > i) {
        int eq = Ascii.indexOf(b, i, amp, (byte) '=');
        int nameEnd = eq < 0 ? amp : eq;
        int len = nameEnd - i;
        // the first of repeated keys counts, as in the general path
        if (len == 3 && Ascii.startsWith(b, i, nameEnd, "EIO")) {
          if (eio == null) {
            eio = nameEnd < amp ? known(b, nameEnd + 1, amp, cache) : "";
          }
        } else if (len == 9 && Ascii.startsWith(b, i, nameEnd, "transport")) {
          if (transport == null) {
            transport = nameEnd < amp ? known(b, nameEnd + 1, amp, cache) : "";
          }
        } else if (len == 3 && Ascii.startsWith(b, i, nameEnd, "sid")) {
          if (sid == null) {
            sid = nameEnd < amp ? Ascii.latin1(b, nameEnd + 1, amp) : "";
          }
        } else if (len == 3 && Ascii.startsWith(b, i, nameEnd, "b64")) {
          if (b64 == null) {
            b64 = nameEnd + 1 < amp ? "1" : "";
          }
        }
      }
      i = amp + 1;
    }
    if (eio == null && !("polling".equals(transport) || "websocket".equals(transport)
        || "webtransport".equals(transport))) {
      return null;
    }
    return new EngineIoQuery(path(b, from, q, cache), eio, transport, sid,
        b64 != null && !b64.isEmpty());
  }

  private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

  /**
   * The EIO or transport value {@code b[from..to)}: the usual ones are constants (one digit,
   * {@code polling}, {@code websocket}), others come from the cache. They sit on every line, and
   * a cache lookup each was ~6 % of the access parse.
   */
  private static String known(byte[] b, int from, int to, StringCache cache) {
    int len = to - from;
    if (len == 1 && Ascii.isDigit(b[from])) {
      return DIGITS[b[from] - '0'];
    }
    if (len == 7 && Ascii.startsWith(b, from, to, "polling")) {
      return "polling";
    }
    if (len == 9 && Ascii.startsWith(b, from, to, "websocket")) {
      return "websocket";
    }
    return cache.get(b, from, to);
  }

  /** {@link #path(String)} of {@code b[from..q)}. */
  private static String path(byte[] b, int from, int q, StringCache cache) {
    int start;
    int scheme = Ascii.indexOf(b, from, q, "://");
    if (scheme >= 0) {
      start = scheme + 3;
    } else if (Ascii.startsWith(b, from, q, "//")) {
      start = from + 2;
    } else {
      return cache.get(b, from, q);
    }
    int slash = Ascii.indexOf(b, start, q, (byte) '/');
    return slash < 0 ? "/" : cache.get(b, slash, q);
  }

  private static String value(String url, int nameEnd, int amp) {
    return nameEnd < amp ? url.substring(nameEnd + 1, amp) : "";
  }

  /** As PacketDecoder's path of an absolute, scheme-relative or relative URL. */
  private static String path(String beforeQuery) {
    int start;
    int scheme = beforeQuery.indexOf("://");
    if (scheme >= 0) {
      start = scheme + 3;
    } else if (beforeQuery.startsWith("//")) {
      start = 2;
    } else {
      return beforeQuery;
    }
    int slash = beforeQuery.indexOf('/', start);
    return slash < 0 ? "/" : beforeQuery.substring(slash);
  }

  private static EngineIoQuery general(String url) {
    try {
      return PacketDecoder.parseQuery(url);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The sid of an access-log request: from its Engine.IO query, else any sid parameter. */
  static String sidOf(EngineIoQuery q, String url) {
    String sid = q != null ? q.sid() : sidOfUrl(url);
    return sid == null || sid.isEmpty() ? null : sid;
  }

  /**
   * The first absolute {@code http(s)://} or {@code ws(s)://} URL in free text (a console line),
   * up to a quote, bracket or space; null when there is none. One pass per scheme, no regex.
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
